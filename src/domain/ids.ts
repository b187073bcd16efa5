import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isRealDay } from './typed-values';

/** Ids are short, URL-safe and never contain '/', '\\', '?' or '#', which Cosmos DB forbids in ids. */
export const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'ids may contain letters, digits and . _ : @ - only');
export type Id = z.infer<typeof Id>;

export const TenantId = Id;

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * A deterministic id from its parts: the same parts always give the same id, so a
 * repeated write (a retried invoke, a planner run twice) lands on the same document.
 */
export function deterministicId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
  return `${prefix}-${digest}`;
}

/** ISO-8601 instant in UTC with milliseconds, e.g. 2026-11-23T16:00:00.000Z: sorts as text. */
export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'an instant must be UTC ISO-8601 with milliseconds')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date and time');
export type Instant = z.infer<typeof Instant>;

/** A calendar day, e.g. 2026-10-26. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must be YYYY-MM-DD')
  // Date.parse rolls 2027-02-30 over to 2 March; a real day reads back as itself.
  .refine(isRealDay, 'not a real date');
export type LocalDate = z.infer<typeof LocalDate>;

/** A wall-clock time of day, e.g. 07:30. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time must be HH:MM');
export type LocalTime = z.infer<typeof LocalTime>;

export const Email = z.string().trim().toLowerCase().pipe(z.email('not a valid e-mail address'));

export function toInstant(date: Date): Instant {
  return date.toISOString();
}
