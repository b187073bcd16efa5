import { DateTime } from 'luxon';
import { reviewPromptDay, reviewWindowDay, reviewYearFor, type Tenant } from '../../domain';
import { atLocalTime } from '../../domain/school-time';
import { emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** Asked at the start of the school day, so it is read in school. */
const PROMPT_AT = '08:00';

/** The review year a prompt is for now, and when that prompt is due and stops being useful; undefined when the setting is off. */
export function yearAheadPromptSlot(tenant: Tenant, now: Date): { year: string; at: Date; until: Date; windowDay: string } | undefined {
  const { yearAheadReviewOn: on, yearAheadPromptWeeks: weeks, timezone: zone } = tenant.settings;
  if (on === 'off') return undefined;
  const year = reviewYearFor(DateTime.fromJSDate(now, { zone }).toISODate()!, tenant.settings);
  const windowDay = reviewWindowDay(on, Number(year.slice(0, 4)));
  return { year, windowDay, at: atLocalTime(zone, reviewPromptDay(windowDay, weeks), PROMPT_AT), until: atLocalTime(zone, windowDay, PROMPT_AT) };
}

/**
 * Before the autumn review window (setting `year-ahead-review-window`, weeks before it
 * `year-ahead-prompt-weeks`), every active member of staff is asked once for their year-ahead
 * review (seed 001, appendix 3: completed prior to the performance review). The academic year is
 * the id's subject, so each year asks once; quiet hours, holidays and away periods hold it like a
 * reminder, and once the window opens it is no longer sent. Someone who has already written this
 * year's review is not asked (the composer checks at sending time).
 */
export function planYearAheadPrompts(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const slot = yearAheadPromptSlot(input.tenant, input.now);
  if (!slot || input.now < slot.at || input.now >= slot.until) return plan;
  for (const person of input.staff) {
    if (!person.active) continue;
    plan.deliveries.push(
      plannedDelivery(input, {
        kind: 'year-ahead-prompt',
        recipientId: person.id,
        subject: { reviewYear: slot.year },
        subjectKey: slot.year,
        at: slot.at,
        expiresAt: slot.until,
      }),
    );
  }
  return plan;
}
