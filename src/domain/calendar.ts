import { z } from 'zod';
import { Id, LocalDate, LocalTime } from './ids';

export const DateRange = z
  .object({ start: LocalDate, end: LocalDate, name: z.string().max(100).optional() })
  .refine((r) => r.start <= r.end, 'a range must not end before it starts');
export type DateRange = z.infer<typeof DateRange>;

/** Term dates, holidays and quiet hours of one tenant (one per tenant, id "calendar"). */
export const SchoolCalendar = z.object({
  tenantId: Id,
  id: z.literal('calendar').default('calendar'),
  terms: z.array(DateRange).default([]),
  holidays: z.array(DateRange).default([]),
  /** Staff training days: pupils are off but staff are in, so messages still go (CPD often runs then). */
  insetDays: z.array(DateRange).optional(),
  quietHours: z
    .object({ start: LocalTime, end: LocalTime })
    .default({ start: '18:00', end: '07:30' }),
  quietWeekends: z.boolean().default(true),
});
export type SchoolCalendar = z.infer<typeof SchoolCalendar>;
export type SchoolCalendarInput = z.input<typeof SchoolCalendar>;

/**
 * The first local day from `from` (inclusive) for `days` days that no term, holiday or INSET day covers, or
 * undefined when the calendar covers them all (weekends need no entry). A gap means holidays there cannot stop messages.
 */
export function firstUncoveredDay(calendar: Pick<SchoolCalendar, 'terms' | 'holidays' | 'insetDays'>, from: string, days: number): string | undefined {
  const ranges = [...calendar.terms, ...calendar.holidays, ...(calendar.insetDays ?? [])];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    const date = new Date(start + i * 86_400_000);
    // A weekend between a term and a holiday needs no entry: it is quiet on its own.
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const day = date.toISOString().slice(0, 10);
    if (!ranges.some((r) => r.start <= day && day <= r.end)) return day;
  }
  return undefined;
}
