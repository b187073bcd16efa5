import { DateTime } from 'luxon';
import { academicYearOf, type MentoringMeeting, type CpdLogEntry, type GapTask, type Qualification, type StatutoryTraining, type Participation, type Session, type Staff, type Tenant } from '../../domain';
import type { MyRecordView } from '../../cards/views/my-record';
import { formatMonth } from '../../cards/format';
import { qualificationRows, statutoryRows } from './record-credentials';
import { byAcademicYear, loggedRow, sessionDay, sessionHours, sessionRecordText } from './record-rows';
import { meetingRow } from './mentoring-rows';
import { openTaskRow } from '../../cards/wording/open-task-row';
import { toSessionSummary } from '../../cards/wording/session-summary';

export interface MyRecordInput {
  tenant: Tenant;
  person: Staff;
  now: Date;
  sessions: readonly Session[];
  participations: readonly Participation[];
  gapTasks: readonly GapTask[];
  /** CPD the person logged themselves (`log cpd`). */
  logged?: readonly CpdLogEntry[];
  qualifications?: readonly Qualification[];
  statutory?: readonly StatutoryTraining[];
  /** The person's mentoring meetings (issue 30): the held ones count, with their mentor's name from `mentorNames`. */
  meetings?: readonly MentoringMeeting[];
  mentorNames?: ReadonlyMap<string, string>;
}

/** The impact recorded for a session: the person's report, then part 4, a senior leader's and their own, each saying whose. */
function impactOf(task: GapTask | undefined): string | undefined {
  if (!task) return undefined;
  const parts = [
    task.report?.impactSoFar,
    task.longTermImpact ? `Longer term (senior leader): ${task.longTermImpact.impact}` : undefined,
    task.ownLongTermImpact ? `Longer term (your own view): ${task.ownLongTermImpact.impact}` : undefined,
  ];
  const text = parts.filter((p): p is string => p !== undefined).join(' ');
  return text === '' ? undefined : text;
}

/** "Every Teacher a Learner" (docs/policy-sources.md): month, CPD accessed, impact; plus what is coming and open tasks. */
export function buildMyRecord(input: MyRecordInput): MyRecordView {
  const { tenant, person, now } = input;
  const zone = tenant.settings.timezone;
  const nowIso = now.toISOString();
  const mine = <T extends { tenantId: string; staffId: string }>(items: readonly T[]): T[] =>
    items.filter((i) => i.tenantId === tenant.id && i.staffId === person.id);
  const sessions = new Map(input.sessions.filter((s) => s.tenantId === tenant.id).map((s) => [s.id, s]));
  const participations = mine(input.participations);
  const tasks = mine(input.gapTasks);
  const taskFor = new Map(tasks.map((g) => [g.sessionId, g]));

  const attended = participations
    .filter((p) => p.attended === true)
    .map((p) => sessions.get(p.sessionId))
    .filter((s): s is Session => s !== undefined && s.startsAt <= nowIso)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const sessionRows = attended.map((s) => {
    const impact = impactOf(taskFor.get(s.id));
    const day = sessionDay(s, zone);
    return {
      sessionId: s.id,
      day,
      year: academicYearOf(day),
      month: formatMonth(s.startsAt, zone),
      cpd: sessionRecordText(s),
      hours: sessionHours(s),
      ...(impact ? { impact } : {}),
    };
  });
  const loggedRows = mine(input.logged ?? []).map((e) => loggedRow(e, zone));
  const meetingRows = (input.meetings ?? [])
    .filter((m) => m.tenantId === tenant.id && m.menteeId === person.id)
    .flatMap((m) => meetingRow(m, m.mentorId ? input.mentorNames?.get(m.mentorId) : undefined, zone) ?? []);
  const { rows, years } = byAcademicYear([...sessionRows, ...loggedRows, ...meetingRows]);

  const upcoming = participations
    .filter((p) => p.rsvp === 'yes')
    .map((p) => sessions.get(p.sessionId))
    .filter((s): s is Session => s !== undefined && s.status === 'published' && s.startsAt > nowIso)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => ({ ...toSessionSummary(s, tenant), rsvp: 'yes' as const }));

  const openTasks = tasks
    .filter((g) => g.status !== 'reported')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((g) => openTaskRow(g, sessions.get(g.sessionId)?.title ?? 'A past session', zone, now));

  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const qualifications = qualificationRows(mine(input.qualifications ?? []), zone);
  const statutory = statutoryRows(mine(input.statutory ?? []), today, zone);
  return {
    kind: 'my-record',
    name: person.name,
    rows,
    years,
    ...(qualifications.length > 0 ? { qualifications } : {}),
    ...(statutory.length > 0 ? { statutory } : {}),
    upcoming,
    openTasks,
  };
}
