import { isInAudience, type Audience, type Staff } from '../../domain';

/** Who a session is for: active staff matching the audience (the one rule in the domain). */
export function resolveAudience(audience: Audience, staff: readonly Staff[]): Staff[] {
  return staff.filter((s) => isInAudience(audience, s));
}
