import { addLocalDays } from '../../domain/school-time';
import { MentoringLink, mentoringLinkId, MentoringMeeting, mondayOf, type MentorRole } from '../../domain';
import { updateWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';
import { currentLinkInRole } from './mentoring-links';

export interface MentorChange {
  menteeId: string;
  role: MentorRole;
  /** The new supporter, or null to end the current one. */
  mentorId: string | null;
  /** The local day the change takes effect: the old link ends the day before, the new one starts on it. */
  onDate: string;
  source: MentoringLink['source'];
}

/** What a change does, worked out before anything is written (the roster's dry run shows it). */
export type MentorChangePlan =
  | { kind: 'unchanged' }
  | { kind: 'start'; mentorId: string }
  | { kind: 'replace'; fromMentorId: string; mentorId: string }
  | { kind: 'end'; fromMentorId: string }
  | { kind: 'nothing-to-end' };

export function planMentorChange(current: MentoringLink | undefined, mentorId: string | null): MentorChangePlan {
  if (mentorId === null) return current ? { kind: 'end', fromMentorId: current.mentorId } : { kind: 'nothing-to-end' };
  if (!current) return { kind: 'start', mentorId };
  if (current.mentorId === mentorId) return { kind: 'unchanged' };
  return { kind: 'replace', fromMentorId: current.mentorId, mentorId };
}

/** Reads the current link in the role and says what setting it would do. */
export async function previewMentorChange(deps: Pick<AppDeps, 'store'>, tenantId: string, change: Omit<MentorChange, 'source'>): Promise<MentorChangePlan> {
  const current = await currentLinkInRole(deps, tenantId, change.menteeId, change.role, change.onDate);
  return planMentorChange(current, change.mentorId);
}

/**
 * Sets (or ends) a person's supporter in one role, idempotently: the same mentor again writes nothing;
 * a different one ends the current link the day before `onDate` and starts a new one on it (a link that
 * started that same day is replaced or removed instead, so no link ever ends before it starts). The
 * end is written under the ETag read, so two leads changing one mentor at once cannot both win.
 */
export async function setMentor(deps: Pick<AppDeps, 'store' | 'clock'>, tenantId: string, change: MentorChange): Promise<MentorChangePlan> {
  if (change.mentorId === change.menteeId) throw new Error('a person cannot mentor themselves');
  const found = await deps.store.mentoringLinks.find(tenantId, { where: { menteeId: change.menteeId, role: change.role } });
  const current = found.find((v) => v.value.startOn <= change.onDate && (v.value.endOn === undefined || change.onDate <= v.value.endOn));
  const plan = planMentorChange(current?.value, change.mentorId);
  if (plan.kind === 'unchanged' || plan.kind === 'nothing-to-end') return plan;
  const now = deps.clock.now().toISOString();
  if (current) {
    const result =
      current.value.startOn === change.onDate
        ? await deps.store.mentoringLinks.delete(tenantId, current.value.id, { ifVersion: current.version })
        : await deps.store.mentoringLinks.put(
            MentoringLink.parse({ ...current.value, endOn: addLocalDays(change.onDate, -1), updatedAt: now }),
            { ifVersion: current.version },
          );
    if (!result.ok) throw new MentorChangeConflict(change.menteeId, change.role);
  }
  if (change.mentorId !== null) {
    const link = MentoringLink.parse({
      tenantId,
      id: mentoringLinkId(change.menteeId, change.role, change.onDate),
      menteeId: change.menteeId,
      mentorId: change.mentorId,
      role: change.role,
      startOn: change.onDate,
      source: change.source,
      updatedAt: now,
    });
    const written = await deps.store.mentoringLinks.create(link);
    if (!written.ok) throw new MentorChangeConflict(change.menteeId, change.role);
  }
  await followPlannedMeetings(deps, tenantId, change);
  return plan;
}

/**
 * The mentee's meetings still planned in this role from the week of the change on go to the new
 * supporter (or to nobody, when the link ended), so a reminder never goes to a mentor who has stopped.
 */
async function followPlannedMeetings(deps: Pick<AppDeps, 'store' | 'clock'>, tenantId: string, change: MentorChange): Promise<void> {
  const fromWeek = mondayOf(change.onDate);
  const planned = await deps.store.mentoringMeetings.find(tenantId, { where: { menteeId: change.menteeId, status: 'planned' } });
  for (const m of planned) {
    if (m.value.with !== change.role || m.value.weekStart < fromWeek || (m.value.mentorId ?? null) === change.mentorId) continue;
    await updateWithRetry(deps.store.mentoringMeetings, tenantId, m.value.id, (x) => {
      if (x.status !== 'planned') return undefined;
      const { mentorId: _old, ...rest } = x;
      return MentoringMeeting.parse({ ...rest, ...(change.mentorId ? { mentorId: change.mentorId } : {}), updatedAt: deps.clock.now().toISOString() });
    }, { read: m });
  }
}

/** Someone else changed the same link between the read and the write: nothing of this change was kept. */
export class MentorChangeConflict extends Error {
  constructor(menteeId: string, role: MentorRole) {
    super(`the ${role} of ${menteeId} was changed by someone else at the same moment; try again`);
    this.name = 'MentorChangeConflict';
  }
}
