import { z } from 'zod';
import { parseDay, RECORD_DAYS, typed } from '../domain';
import { parseSchoolDate } from './calendar-entries';

/**
 * A date cell as a school's spreadsheet gives it: 2026-11-24, 24/11/2026 or 24/11/26 (UK order),
 * 24 November 2026, Tue 24 Nov 2026, and the same with a midnight time after it (what Excel writes
 * for a date-and-time cell). Checked against the record days (1900 and 9999 are slips).
 */
export const SchoolDateCell = z.string().transform((text, ctx): string => {
  const date = parseSchoolDate(text);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (use 24/11/2026, 2026-11-24 or 24 November 2026)` });
    return z.NEVER;
  }
  return typed((day) => parseDay(day, RECORD_DAYS))(date, ctx);
});

/**
 * A time of day as schools write it, as HH:MM: 16:00, 16.00, 16:00:00 (Excel), 1600, 4pm, 4 pm,
 * 3.45pm, 3:45 p.m., noon. Undefined when it is not one.
 */
export function parseSchoolTime(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'noon' || t === 'midday') return '12:00';
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.? ?m\.?$/.exec(t);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59) return undefined;
    return clock((hour % 12) + (twelve[3] === 'p' ? 12 : 0), minute);
  }
  const day = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!day) return undefined;
  const [hour, minute] = [Number(day[1]), Number(day[2])];
  return hour > 23 || minute > 59 ? undefined : clock(hour, minute);
}

const clock = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

export const SchoolTimeCell = z.string().transform((text, ctx): string => {
  const time = parseSchoolTime(text);
  if (!time) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a time (use 16:00, 4pm or 3.45pm)` });
    return z.NEVER;
  }
  return time;
});

/**
 * One cell giving both ends of a session, as a school's calendar often does: "15:45-17:00",
 * "3.45pm – 5pm", "4pm to 5.30pm". Undefined when it is not a range of two times.
 */
export function parseTimeRange(text: string): { start: string; end: string } | undefined {
  const parts = text.split(/\s*(?:-|–|—|\bto\b|\buntil\b)\s*/i).filter((p) => p.trim() !== '');
  if (parts.length !== 2) return undefined;
  const [given, end] = parts.map((p) => p.trim()) as [string, string];
  const to = parseSchoolTime(end);
  // "3.45 - 5pm", "11 - 1pm": a start with no am / pm takes whichever makes it the earlier, the end's first.
  const meridiem = /([ap])\.? ?m\.?$/i.exec(end)?.[1]?.toLowerCase();
  const bare = /^\d{1,2}([:.]\d{2})?$/.test(given) && Number(given.split(/[:.]/)[0]) <= 12;
  const tries = meridiem && bare ? [`${given}${meridiem}m`, `${given}${meridiem === 'p' ? 'a' : 'p'}m`, given] : [given];
  const from = tries.map(parseSchoolTime).find((t) => t !== undefined && to !== undefined && t < to) ?? parseSchoolTime(given);
  return from && to ? { start: from, end: to } : undefined;
}
