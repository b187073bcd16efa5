import { z } from 'zod';
import { Id, Instant } from './ids';

/**
 * A marker that something happened once: a Slack event id handled, a scheduler slot run.
 * Created if absent; a second create finds it and does nothing. Expires by TTL.
 */
export const IdempotencyKey = z.object({
  tenantId: Id,
  id: Id,
  purpose: z.string().min(1).max(50),
  createdAt: Instant,
  /**
   * A claim on work that must finish to count (a Slack submission): `pending` while it runs,
   * `done` once its result is written. A pending claim past `leaseUntil`, or one its owner no
   * longer runs, may be taken over. Absent: a plain marker, done when created.
   */
  state: z.enum(['pending', 'done']).optional(),
  owner: z.string().min(1).max(200).optional(),
  leaseUntil: Instant.optional(),
  /**
   * What is needed to finish the claimed work if its process dies (a Slack submission answered at the
   * ack deadline), in the platform's own shape, which its owner parses. Dropped when the claim is done.
   */
  work: z.record(z.string(), z.unknown()).optional(),
  /** Optional result to answer a repeat with (e.g. the card sent the first time). */
  result: z.unknown().optional(),
});
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;
