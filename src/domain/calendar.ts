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
  quietHours: z
    .object({ start: LocalTime, end: LocalTime })
    .default({ start: '18:00', end: '07:30' }),
  quietWeekends: z.boolean().default(true),
});
export type SchoolCalendar = z.infer<typeof SchoolCalendar>;
export type SchoolCalendarInput = z.input<typeof SchoolCalendar>;
