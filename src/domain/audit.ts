import { z } from 'zod';
import { Id, Instant } from './ids';

/**
 * What an operator did to people's data, kept with no personal data: who did it is the channel
 * ("cli"), whom it was done to is a random reference given to the operator at the time (a staff
 * id would not do: it is a hash of the e-mail, so it could be matched again).
 */
export const AuditRecord = z.object({
  tenantId: Id,
  id: Id,
  action: z.literal('staff-erased'),
  at: Instant,
  by: z.enum(['cli', 'chat']),
  reference: Id,
  /** How many records of each kind were removed or made anonymous. */
  counts: z.record(z.string().regex(/^[a-zA-Z]+$/), z.number().int().min(0)),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
