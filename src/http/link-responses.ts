import type { Response } from 'express';

/** A route parameter or query value as text ('' when absent or repeated). */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One answer for a bad signature and for a missing record, so a link cannot be used to probe ids. */
export function notFound(res: Response): void {
  res.status(404).set('X-Content-Type-Options', 'nosniff').type('text/plain').send('This link is not valid. Ask Twilight for a fresh card.');
}
