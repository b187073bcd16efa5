import { runCommand } from '../../../src/app/commands';
import type { Actor } from '../../../src/app/people/actor';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../../src/cards/blockkit';
import { ManualClock } from '../../../src/domain';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { governorsTrust, NORTH, SOUTH } from '../../support/governors-trust';

async function world() {
  const clock = new ManualClock('2027-07-20T10:00:00.000Z');
  const store = openEmbeddedStore({ path: ':memory:', clock });
  const { tenant, people, names } = await governorsTrust(store);
  const actor = (id: string): Actor => ({ tenant, staff: people.find((p) => p.id === id)! });
  return { deps: { store, clock }, store, tenant, people, names, actor };
}

const textOf = (view: Awaited<ReturnType<typeof runCommand>>) => (view.kind === 'notice' ? view.notice.text : `(${view.kind})`);

describe('"governors [school] [term|year]" in chat: who sees which school', () => {
  it("a school's CPD lead gets their own school's report by default, valid on both platforms and with no name in it", async () => {
    const w = await world();
    const view = await runCommand(w.deps, w.actor('nlead'), 'governors 2026-27');
    if (view.kind !== 'governors-report') throw new Error(`expected the report, got ${textOf(view)}`);
    expect(view.school).toBe(NORTH.name);
    expect(view.term).toBe('2026-27');
    const card = renderAdaptiveCard(view);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const slack = JSON.stringify(renderBlockKitMessage(view).blocks);
    expect(slack).toContain('Report to governors: North Primary, 2026-27');
    expect(slack).toContain('*Spending against budget*');
    for (const name of w.names) {
      expect(JSON.stringify(card)).not.toContain(name);
      expect(slack).not.toContain(name);
    }
    await w.store.close();
  });

  it("refuses a school lead another school's report, and the trust's; refuses anyone who leads nothing", async () => {
    const w = await world();
    expect(textOf(await runCommand(w.deps, w.actor('nlead'), 'governors South Academy 2026-27'))).toBe(
      "You are the CPD lead for North Primary, so you can see that school's report. South Academy's report is for its own CPD lead or the trust's.",
    );
    expect(textOf(await runCommand(w.deps, w.actor('nlead'), 'governors trust'))).toMatch(/the whole trust's report is for the trust's CPD lead/);
    expect(textOf(await runCommand(w.deps, w.actor('n-amir'), 'governors North Primary'))).toMatch(/Only CPD leads can do that/);
    await w.store.close();
  });

  it("the trust's lead names any school (by name or id) or none for the trust; an unknown school or a wrong period is a clear sentence", async () => {
    const w = await world();
    const south = await runCommand(w.deps, w.actor('lead'), `governors ${SOUTH.id} 2026-27`);
    expect(south.kind === 'governors-report' && south.school).toBe(SOUTH.name);
    const trust = await runCommand(w.deps, w.actor('lead'), 'governors 2026-27');
    expect(trust.kind === 'governors-report' && trust.school).toBeUndefined();
    expect(textOf(await runCommand(w.deps, w.actor('lead'), 'governors Westfield High 2026-27'))).toBe('There is no school called "Westfield High". The schools are: North Primary, South Academy.');
    expect(textOf(await runCommand(w.deps, w.actor('lead'), 'governors North Primary winter-2026'))).toMatch(/"winter-2026" is not a term or a school year/);
    expect(textOf(await runCommand(w.deps, w.actor('lead'), 'governors North Primary 2031-32'))).toMatch(/^Nothing is recorded for North Primary in 2031-32/);
    await w.store.close();
  });

  it('a lead of two schools is asked which', async () => {
    const w = await world();
    const tenant = { ...w.tenant, settings: { ...w.tenant.settings, cpdRequests: { ...w.tenant.settings.cpdRequests, cpdLeadBySchool: { [NORTH.id]: 'nlead', [SOUTH.id]: 'nlead' } } } };
    const view = await runCommand(w.deps, { tenant, staff: w.actor('nlead').staff }, 'governors');
    expect(textOf(view)).toBe('You lead CPD for North Primary and South Academy: say which, e.g. "governors North Primary 2026-27".');
    const south = await runCommand(w.deps, { tenant, staff: w.actor('nlead').staff }, 'governors South Academy 2026-27');
    expect(south.kind === 'governors-report' && south.school).toBe(SOUTH.name);
    await w.store.close();
  });
});
