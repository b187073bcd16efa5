import { Tenant } from '../domain';
import type { Store } from '../store/store';

export interface CliTenant {
  tenant: Tenant;
  /** Not stored yet: created only once an import has been accepted, so a refused file writes nothing. */
  isNew: boolean;
}

/** The stored tenant, or a stand-alone school of that id to be created when something is written. */
export async function findCliTenant(store: Store, tenantId: string): Promise<CliTenant> {
  const found = (await store.tenants.get(tenantId, tenantId))?.value;
  if (found) return { tenant: found, isNew: false };
  return { tenant: Tenant.parse({ tenantId, id: tenantId, name: tenantId, kind: 'school' }), isNew: true };
}

/** Stores a new tenant (create-if-absent, so two imports racing create it once). */
export async function saveNewTenant(store: Store, found: CliTenant, print: (text: string) => void): Promise<void> {
  if (!found.isNew) return;
  const created = await store.tenants.create(found.tenant);
  if (created.ok) print(`Created tenant "${found.tenant.id}".`);
}
