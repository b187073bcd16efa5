import { DateTime } from 'luxon';
import { submitGapPlan, submitGapReport } from '../gap-tasks';
import { respondToInvitation } from '../sessions';
import { markAttendance } from '../register';
import { submitQuestionnaire } from '../questionnaires';
import { SchoolCalendar, Session, Tenant, defaultReactionTemplate, gapTaskId, newReactionQuestionnaire, receiptId, type GapTask } from '../../domain';
import { localDateOf, nextSchoolDay } from '../../domain/school-time';
import { importStaffRoster, staffIdFor } from '../../imports/import-staff';
import { DEMO_LEAD_EMAIL, DEMO_STAFF_CSV } from './demo-staff';
import { digestWeek } from '../digests';
import type { ReportDeps } from '../reports';

export const DEMO_TENANT_ID = 'demo';

/** Who attended last week's twilight: Sam Patel's five reports (his digest has a team average) and Hannah Okafor. */
const ATTENDEE_EMAILS = [
  'jo.adeyemi@riverside.example',
  'priya.shah@riverside.example',
  'tom.walsh@riverside.example',
  'ellie.brooks@riverside.example',
  'lucy.turner@riverside.example',
  'hannah.okafor@riverside.example',
];

/** A demo person's id: what the staff import gives them (by e-mail). */
export const demoStaffId = (email: string): string => staffIdFor(email);

const COMMENTS = [
  'Really practical, I will use the retrieval grids with Year 9 tomorrow.',
  'Useful, but we need more time to plan retrieval quizzes as a department.',
  'Good pace. More examples for practical science lessons please.',
  'Would like time to plan with my department after the session.',
  'Clear and well organised; the quizzes idea is easy to start with.',
];

/** A demo school so `npm start` has something to show: idempotent, and dated around `now`. */
export async function seedDemo(deps: ReportDeps): Promise<{ staff: number; sessions: number }> {
  const { store } = deps;
  const now = deps.clock.now();
  const tenantId = DEMO_TENANT_ID;
  const tenant = Tenant.parse({ tenantId, id: tenantId, name: 'Demo Learning Trust', kind: 'trust', schools: [{ id: 'demo-school', name: 'Riverside Academy' }],
    // A fortnight, so last week's questionnaire is still open to answer whenever the demo is seeded.
    settings: { questionnaireClosesAfterDays: 14 },
  });
  await store.tenants.put(tenant);
  await store.templates.put(defaultReactionTemplate(tenantId));
  const zone = tenant.settings.timezone;

  // The roster goes in as any school's does: through the staff import.
  const imported = await importStaffRoster({ store }, tenant, DEMO_STAFF_CSV);
  if (!imported.ok) throw new Error(`seed-demo: the demo roster was refused: ${imported.message}`);
  const people = (await store.staff.find(tenantId, { where: { active: true } })).map((s) => s.value);
  const leadId = demoStaffId(DEMO_LEAD_EMAIL);

  const week = digestWeek(now, zone);
  const at = (day: DateTime, time: string) => DateTime.fromISO(`${day.toISODate()}T${time}`, { zone }).toUTC().toISO()!;
  const lastWednesday = DateTime.fromISO(week.start, { zone }).plus({ days: 2 });
  const calendar = (await store.calendars.get(tenantId, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId });
  // "Tomorrow" for a demo is the next school day: seeded on a Friday, the twilight is on Monday.
  const tomorrow = DateTime.fromISO(nextSchoolDay(calendar, localDateOf(now, zone)), { zone });
  const inTwoWeeks = lastWednesday.plus({ weeks: 3 });
  const base = { tenantId, category: 'TL', kind: 'twilight', schoolId: 'demo-school', audience: { kind: 'school', schoolId: 'demo-school' }, compulsory: true, status: 'published', publishedAt: at(lastWednesday.minus({ weeks: 3 }), '09:00'), facilitatorIds: [leadId], createdBy: leadId } as const;
  const part2 = Session.parse({ ...base, id: 'demo-ses-retrieval-2', title: 'Retrieval practice: part 2', startsAt: at(inTwoWeeks, '15:45'), endsAt: at(inTwoWeeks, '17:00'), location: { place: 'Library' }, seriesId: 'demo-series-retrieval' });
  const part1 = Session.parse({
    ...base,
    id: 'demo-ses-retrieval-1',
    title: 'Retrieval practice: part 1',
    startsAt: at(lastWednesday, '15:45'),
    endsAt: at(lastWednesday, '17:00'),
    location: { place: 'Library' },
    seriesId: 'demo-series-retrieval',
    followUpSessionId: part2.id,
    gapTask: { intent: 'Every lesson opens with low-stakes retrieval of prior learning.', task: 'Plan and run three retrieval quizzes with one class; note what changes.' },
  });
  const upcoming = Session.parse({ ...base, id: 'demo-ses-adaptive', title: 'Adaptive teaching in mixed-attainment classes', category: 'TL', startsAt: at(tomorrow, '15:45'), endsAt: at(tomorrow, '17:00'), location: { place: 'Room S4', meetingUrl: 'https://teams.microsoft.com/l/meetup-join/demo' }, capacity: 40 });
  for (const s of [part1, part2, upcoming]) await store.sessions.put(s);

  // Everything people do goes through the use cases real chat goes through, each at its moment
  // (time is a parameter), so the demo holds exactly what real use would have written.
  const staffById = new Map(people.map((p) => [p.id, p]));
  const as = (staffId: string) => ({ tenant, staff: staffById.get(staffId)! });
  const atMoment = (iso: string) => ({ store, clock: { now: () => new Date(iso) } });
  const must = (what: string, result: { ok: boolean }) => {
    if (!result.ok) throw new Error(`seed-demo: ${what} was refused: ${JSON.stringify(result)}`);
  };
  const attendees = ATTENDEE_EMAILS.map(demoStaffId);
  const afterPublishing = DateTime.fromISO(part1.publishedAt!).plus({ hours: 1 }).toUTC().toISO()!;
  for (const staffId of attendees) {
    must('an RSVP', await respondToInvitation(atMoment(afterPublishing), as(staffId), { sessionId: part1.id, answer: 'yes' }));
  }
  must('the register', await markAttendance(atMoment(part1.endsAt), as(leadId), { sessionId: part1.id, marks: attendees.map((staffId) => ({ staffId, present: true })) }));

  // The questionnaire the planner would make (one id per session), so the planner finds it and makes no second one.
  const questionnaire = newReactionQuestionnaire(tenant, part1, defaultReactionTemplate(tenantId));
  await store.questionnaires.put(questionnaire);
  // Five of six answer: enough for the team average to be shown (minimum 5).
  for (const [i, staffId] of attendees.slice(0, 5).entries()) {
    const raw = { quality: String(4 + (i % 2)), impact: String(3 + (i % 3 === 0 ? 1 : 0)), further_cpd: i % 2 === 0 ? 'yes' : 'no', comments: COMMENTS[i]! };
    const answeredAt = DateTime.fromISO(part1.endsAt).plus({ hours: 1 + i }).toUTC().toISO()!;
    const submitted = await submitQuestionnaire(atMoment(answeredAt), as(staffId), { questionnaireId: questionnaire.id, raw });
    // A re-seed after the questionnaire closed finds the earlier answers and leaves them.
    if (!submitted.ok && !(await store.receipts.get(tenantId, receiptId(questionnaire.id, staffId)))) must('an answer', submitted);
  }

  const planned = DateTime.fromISO(part1.endsAt).plus({ days: 2 }).toUTC().toISO()!;
  const reported = DateTime.fromISO(part1.endsAt).plus({ days: 2, hours: 2 }).toUTC().toISO()!;
  const plan = { takeBack: 'Retrieval grids at the start of lessons', intendedImpact: 'Better recall of key vocabulary', startingPoint: 'Baseline quiz average 45%', practiceChange: 'Every lesson starts with five questions' };
  for (const [i, staffId] of attendees.entries()) {
    const id = gapTaskId(part1.id, staffId);
    // The task as the planner creates it after session one; create-if-absent keeps progress made since.
    const task: GapTask = { tenantId, id, sessionId: part1.id, followUpSessionId: part2.id, staffId, intent: part1.gapTask!.intent, task: part1.gapTask!.task, dueAt: part2.startsAt, status: 'awaiting-plan' };
    await store.gapTasks.create(task);
    if (i < 4) must('a gap-task plan', await submitGapPlan(atMoment(planned), as(staffId), { gapTaskId: id, raw: plan }));
    if (i < 2) {
      const report = { whatDone: 'Ran three quizzes with 9X2', impactSoFar: 'Quiz average rose from 45% to 62%; students ask for the grids.', sustain: 'Shared the grids with the department', successes: 'Quieter, faster starts', barriers: 'Finding time to write good questions', shareWithManager: i === 0 ? 'true' : 'false' };
      must('a gap-task report', await submitGapReport(atMoment(reported), as(staffId), { gapTaskId: id, raw: report }));
    }
  }
  return { staff: people.length, sessions: 3 };
}
