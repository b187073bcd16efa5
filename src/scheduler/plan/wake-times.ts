import { DateTime } from 'luxon';
import type { Session } from '../../domain';
import { addLocalDays, atLocalTime, localDateOf } from '../../domain/school-time';
import { outboxDueAt, sessionSendExemption, type SendExemption } from '../../domain/send-exemption';
import { digestSlot, inductionDigestSlot } from './planner-digests';
import { gapTaskDueAt } from './planner-gap-tasks';
import { impactAskAt } from './planner-impact';
import { mentoringWakeTimes } from './planner-mentoring';
import { reactionQuestionnaireFor } from './planner-questionnaires';
import { surveyReminderTime } from './planner-surveys';
import { neverRecordedPeriod, renewalReminderAt, statutoryRenewalHorizon } from './planner-statutory';
import { DAY_MS, type PlanningInput } from './planner-types';
import { yearAheadPromptSlot } from './planner-year-ahead';

/**
 * When a subject must next be planned although nothing about it changed: the earliest future
 * instant at which one of its time-based rules plans something new or stops. Between now and then
 * planning it again plans nothing new (test/scheduler/wake-times.property.test.ts checks that
 * against the rules themselves), so an idle planner reads nothing.
 */
function earliestAfter(now: Date, candidates: readonly (Date | string | undefined)[]): Date | undefined {
  let best: number | undefined;
  for (const c of candidates) {
    if (c === undefined) continue;
    const t = typeof c === 'string' ? Date.parse(c) : c.getTime();
    if (Number.isFinite(t) && t > now.getTime() && (best === undefined || t < best)) best = t;
  }
  return best === undefined ? undefined : new Date(best);
}

/**
 * Someone away is held until the local day their absence ends (isAwayOn on the message's due day):
 * a message planned now but deferred (quiet hours, a weekend) may already fall on that day, so each
 * send window's first instant whose deferred due day is past the absence is a wake-up, as is the day itself.
 */
function awayEnds(input: PlanningInput, exemptions: readonly (SendExemption | undefined)[] = [undefined]): Date[] {
  const zone = input.tenant.settings.timezone;
  const out: Date[] = [];
  for (const until of new Set(input.staff.map((s) => s.awayUntil).filter((d): d is string => d !== undefined))) {
    const back = atLocalTime(zone, until, '00:00');
    out.push(back);
    if (back <= input.now) continue;
    for (const exemption of exemptions) {
      const dueDayBack = (t: number) => localDateOf(outboxDueAt(new Date(t), new Date(t), input.calendar, zone, exemption), zone) >= until;
      // Due days move forward with time (outboxDueAt is monotone): the first such instant, to the millisecond.
      let lo = input.now.getTime();
      let hi = back.getTime();
      if (dueDayBack(lo)) continue;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (dueDayBack(mid)) hi = mid;
        else lo = mid;
      }
      out.push(new Date(hi));
    }
  }
  return out;
}

export function sessionWakeAt(input: PlanningInput, session: Session): Date | undefined {
  const { now } = input;
  const settings = input.tenant.settings;
  const zone = settings.timezone;
  const start = new Date(session.startsAt);
  const candidates: (Date | string | undefined)[] = [session.startsAt, session.endsAt, session.publishedAt, session.cancelledAt];
  candidates.push(...awayEnds(input, [undefined, sessionSendExemption(session, settings)]));
  if (session.status === 'published') {
    // The reminders (planner-sessions.ts).
    candidates.push(atLocalTime(zone, addLocalDays(localDateOf(start, zone), -1), settings.reminderDayBeforeAt));
    candidates.push(new Date(start.getTime() - settings.reminderMinutesBefore * 60_000));
    // The questionnaire: its reminder, its closing and the week after (planner-questionnaires.ts).
    const q = reactionQuestionnaireFor(input, session);
    const closes = Date.parse(q.closedEarlyAt ?? q.closesAt);
    candidates.push(new Date(Date.parse(q.opensAt) + settings.questionnaireReminderAfterHours * 3600_000), q.closesAt, q.closedEarlyAt, new Date(closes + 7 * DAY_MS));
    // Gap tasks: created until due; each nudge step, the overdue nudge, a snooze's end, the last week of nudging.
    if (session.gapTask) candidates.push(gapTaskDueAt(input, session));
    if (session.impactFollowUp) candidates.push(impactAskAt(input, session));
  }
  // Stored gap tasks are nudged whatever became of their session since (planGapNudges).
  for (const task of input.gapTasks.filter((t) => t.sessionId === session.id)) {
    const due = DateTime.fromISO(task.dueAt, { zone });
    for (const days of settings.gapTaskNudgeDaysBefore) candidates.push(due.minus({ days }).toJSDate());
    candidates.push(due.plus({ minutes: 1 }).toJSDate(), new Date(due.toMillis() + 7 * DAY_MS), task.snoozedUntil);
  }
  return earliestAfter(now, candidates);
}

/**
 * The tenant-wide rules: the digest, statutory renewals, surveys, and the school-day count of a
 * request waiting for its approver, which moves at local midnight. So at the latest, the next
 * local midnight: a whole-tenant plan once a day is the daily safety net as well.
 */
export function tenantWakeAt(input: PlanningInput): Date | undefined {
  const { now, tenant } = input;
  const zone = tenant.settings.timezone;
  const candidates: (Date | string | undefined)[] = [DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days: 1 }).toJSDate(), ...awayEnds(input)];
  candidates.push(digestSlot(input).at, digestSlot({ ...input, now: new Date(now.getTime() + 7 * DAY_MS) }).at);
  // The induction digest's day, this week or next (whichever is an even ISO week).
  candidates.push(inductionDigestSlot(input)?.at, inductionDigestSlot({ ...input, now: new Date(now.getTime() + 7 * DAY_MS) })?.at);
  // The year-ahead prompt: when it is due, and when it stops (the window opens).
  const yearAhead = yearAheadPromptSlot(tenant, now);
  candidates.push(yearAhead?.at, yearAhead?.until);
  const horizon = statutoryRenewalHorizon(tenant, now);
  for (const t of input.statutoryTraining ?? []) {
    if (t.expiresOn < horizon.from || t.expiresOn > horizon.to) continue;
    candidates.push(renewalReminderAt(tenant, t.expiresOn));
  }
  // The next "never recorded" reminder period opens (planStatutoryDue).
  if ((input.statutoryTraining ?? []).length > 0) candidates.push(neverRecordedPeriod(tenant, now).next);
  for (const q of input.questionnaires.filter((x) => x.purpose === 'survey')) {
    const closes = Date.parse(q.closedEarlyAt ?? q.closesAt);
    candidates.push(q.opensAt, q.closesAt, q.closedEarlyAt, surveyReminderTime(input, q), new Date(closes + 7 * DAY_MS));
  }
  candidates.push(...mentoringWakeTimes(input));
  return earliestAfter(now, candidates);
}
