import { z } from 'zod';
import { Id, Instant } from './ids';

/** The one partition the platform directory lives in: a few small documents, one per linked tenant. */
export const PLATFORM_DIRECTORY = 'platform-directory';

/**
 * "This Teams (Entra) tenant / Slack workspace belongs to that tenant": read by key, so resolving a
 * new person's tenant is a point read instead of a query across every tenant.
 */
export const PlatformTenantLink = z.object({
  tenantId: z.literal(PLATFORM_DIRECTORY),
  id: Id,
  platform: z.enum(['teams', 'slack']),
  platformTenantId: z.string().min(1),
  targetTenantId: Id,
  updatedAt: Instant,
});
export type PlatformTenantLink = z.infer<typeof PlatformTenantLink>;

/** Keyed by platform and platform tenant id; ids allow letters, digits and . _ : @ - (GUIDs and T0123 fit). */
export function platformTenantLinkId(platform: PlatformTenantLink['platform'], platformTenantId: string): string {
  return `${platform}:${platformTenantId}`;
}
