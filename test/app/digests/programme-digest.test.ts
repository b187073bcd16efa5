import type { Actor } from '../../../src/app/people/actor';
import { runCommand } from '../../../src/app/commands';
import { composeMessage } from '../../../src/app/compose-message';
import { deliveryId, type Staff } from '../../../src/domain';
import { delivery, staff, tenant } from '../../support/fixtures';
import { leadDigestWorld } from './lead-digest-world';
import { NOW, T } from '../reports/report-world';

async function world() {
  const w = await leadDigestWorld();
  const deps = { store: w.store, clock: w.clock };
  const actor = async (tenantId: string, staffId: string): Promise<Actor> => ({
    tenant: (await w.store.tenants.get(tenantId, tenantId))!.value,
    staff: (await w.store.staff.get(tenantId, staffId))!.value,
  });
  return { ...w, deps, actor };
}

function leadDigestDelivery(tenantId: string, recipientId: string) {
  return delivery(tenantId, recipientId, {
    id: deliveryId('lead-digest', recipientId, '2026-W48'),
    kind: 'lead-digest',
    subject: { digestWeek: '2026-W48' },
    dueAt: NOW.toISOString(),
  });
}

describe('the programme command (embedded store)', () => {
  it('gives a lead the programme digest, and lists it in help for leads only', async () => {
    const w = await world();
    const view = await runCommand(w.deps, await w.actor(T, 'lead'), '  Programme ');
    expect(view.kind === 'lead-digest' && view.held.map((s) => s.title)).toEqual(['Retrieval practice', 'Oracy across the curriculum']);
    const leadHelp = await runCommand(w.deps, await w.actor(T, 'lead'), 'help');
    const staffHelp = await runCommand(w.deps, await w.actor(T, 'a'), 'help');
    expect(leadHelp.kind === 'help' && leadHelp.commands.map((c) => c.command)).toContain('programme');
    expect(staffHelp.kind === 'help' && staffHelp.commands.map((c) => c.command)).not.toContain('programme');
    await w.store.close();
  });

  it('refuses staff and line managers with a notice, however it is typed', async () => {
    const w = await world();
    for (const [who, text] of [['a', 'programme'], ['m1', 'PROGRAMME digest'], ['b', 'program']] as const) {
      const view = await runCommand(w.deps, await w.actor(T, who), text);
      expect(view).toEqual({ kind: 'notice', notice: { tone: 'attention', text: 'Only CPD leads can do that. Say "help" to see what you can do.' } });
    }
    await w.store.close();
  });

  it("shows tenant B's lead nothing of tenant A, though both leads have the staff id 'lead'", async () => {
    const w = await world();
    const view = await runCommand(w.deps, await w.actor('other', 'lead'), 'programme');
    expect(view.kind).toBe('lead-digest');
    const json = JSON.stringify(view);
    expect(json).toContain('Other trust induction');
    expect(json).not.toMatch(/Retrieval|Oracy|Behaviour|ECT|Staff CPD audit|Lead Person/);
    await w.store.close();
  });
});

describe('composing the weekly lead-digest delivery', () => {
  it('composes the programme card for a lead', async () => {
    const w = await world();
    const composed = await composeMessage(w.deps, leadDigestDelivery(T, 'lead'));
    if (!composed.ok) throw new Error(composed.reason);
    expect(composed.recipient.id).toBe('lead');
    expect(composed.message.text).toBe('Your CPD programme this week (16–22 November 2026)');
    expect(composed.message.view.kind === 'lead-digest' && composed.message.view.attention).toHaveLength(4);
    await w.store.close();
  });

  it('skips a lead with nothing to report, and someone who is no longer a lead', async () => {
    const w = await world();
    await w.store.tenants.put(tenant('quiet'));
    await w.store.staff.put(staff('quiet', 'lead', { roles: ['cpd-lead'] }));
    expect(await composeMessage(w.deps, leadDigestDelivery('quiet', 'lead'))).toEqual({
      ok: false,
      reason: 'nothing to report: no sessions, open questionnaires or gap tasks',
    });
    const former: Staff = { ...(await w.store.staff.get(T, 'lead'))!.value, roles: ['staff'] };
    await w.store.staff.put(former);
    expect(await composeMessage(w.deps, leadDigestDelivery(T, 'lead'))).toEqual({ ok: false, reason: 'recipient is no longer a CPD lead' });
    await w.store.close();
  });
});
