import { deliveryId } from '../../src/domain';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { PEOPLE, invitationsTo, startWorld, type World } from '../bots/teams/install-world';
import { TENANT } from '../bots/teams/teams-harness';

/**
 * Attacks and storms on installing the Teams app through Graph (issue 29): a 429 storm is waited
 * out (no call before its Retry-After, per tenant), a 403 storm is one call whatever the load,
 * and "already installed" (409) is recorded, never looped on.
 */
const NEVER_OPENED = PEOPLE.filter((p) => !p.opened);
const open = async (clock: Parameters<typeof openEmbeddedStore>[0]['clock']) => openEmbeddedStore({ path: ':memory:', clock });

async function statusOf(w: World, staffId: string) {
  return (await w.store.deliveries.get(TENANT, deliveryId('invitation', staffId, 'ses-1')))!.value;
}

describe('Graph install storms (fake Graph, real botbuilder and scheduler)', () => {
  it('a 429 storm: no Graph call before the Retry-After of the one before, and all four are reached once it passes', async () => {
    const w = await startWorld(open);
    try {
      w.graph.failNext(8, 429, { 'Retry-After': '2' });
      for (let i = 0; i < 5; i++) {
        await w.scheduler.runOnce();
        w.clock.advance(30_000);
      }
      for (const p of NEVER_OPENED) expect(invitationsTo(w, p.aad)).toHaveLength(1);
      const calls = w.graph.requests;
      expect(calls.filter((r) => r.status === 429)).toHaveLength(8);
      for (let i = 1; i < calls.length; i++) {
        if (calls[i - 1]!.status === 429) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(2000);
      }
      // 8 refused, one catalog lookup and four installs: nothing asked twice beyond the storm.
      expect(calls).toHaveLength(8 + 1 + 4);
      for (const p of NEVER_OPENED) expect((await statusOf(w, p.id)).installedAt).toBeDefined();
    } finally {
      await w.close();
    }
  });

  it('a 403 storm: one refusal recorded for the tenant, whatever the load and however often the scheduler runs', async () => {
    const w = await startWorld(open);
    try {
      w.graph.refuseWith = { status: 403 };
      for (let i = 0; i < 5; i++) {
        await w.scheduler.runOnce();
        w.clock.advance(5 * 60_000);
      }
      expect(w.graph.requests).toHaveLength(1);
      for (const p of NEVER_OPENED) expect((await statusOf(w, p.id)).lastError).toMatch(/^unreachable: permission missing/);
    } finally {
      await w.close();
    }
  });

  it('already installed (409) without Teams telling the bot: recorded as such after the wait, retried with backoff, not in a loop', async () => {
    const w = await startWorld(open, { waitMs: 50 });
    try {
      w.graph.installedFor.add('aad-6');
      await w.scheduler.runOnce();
      const d = await statusOf(w, 'stf-6');
      expect(d.status).toBe('pending');
      expect(d.lastError).toMatch(/it was already installed for them, but Teams has not yet told the bot their chat/);
      expect(d.installedAt).toBeDefined();
      expect(w.graph.installs().filter((r) => r.path.includes('aad-6'))).toHaveLength(1);
      for (const p of NEVER_OPENED.filter((q) => q.aad !== 'aad-6')) expect(invitationsTo(w, p.aad)).toHaveLength(1);
    } finally {
      await w.close();
    }
  });
});
