import { addLocalDays, isWeekend } from './school-time';
import type { CpdRequestDetails } from './cpd-request';
import type { SessionCategory } from './session';

/** A course day with no times given: 09:00 to 16:00 less an hour for lunch, as the booking's session assumes. */
const DEFAULT_DAY_HOURS = 6;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The CPD hours a booked course gives, from the request's dates and times: its weekdays (a course
 * run over a weekend counts those days too, when it has no weekday) times the day's length, to the
 * quarter hour and within the record's 200-hour cap.
 */
export function courseHours(details: Pick<CpdRequestDetails, 'startDate' | 'endDate' | 'startTime' | 'endTime'>): number {
  let all = 0;
  let weekdays = 0;
  // Bounded: a year is the longest course the form lets through in practice.
  for (let day = details.startDate, i = 0; day <= details.endDate && i < 400; day = addLocalDays(day, 1), i++) {
    all++;
    if (!isWeekend(day)) weekdays++;
  }
  const days = weekdays > 0 ? weekdays : Math.max(1, all);
  const perDay = details.startTime && details.endTime && details.endTime > details.startTime ? (minutesOf(details.endTime) - minutesOf(details.startTime)) / 60 : DEFAULT_DAY_HOURS;
  const hours = Math.round(days * perDay * 4) / 4;
  return Math.min(200, Math.max(0.25, hours));
}

/** The record's category for a course: leadership for the leadership pathway, else teaching and learning. */
export function courseCategory(details: Pick<CpdRequestDetails, 'pathway' | 'purpose'>): SessionCategory {
  return details.purpose === 'pathway' && details.pathway === 'leadership' ? 'LD' : 'TL';
}
