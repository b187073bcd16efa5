import { helpView } from '../../src/app/commands';
import type { Role } from '../../src/domain';
import { tenant, staff } from '../support/fixtures';

/** A school's own CPD lead is offered, in `help`, the commands they may use for their school (issue 26 item 5). */
describe('help for a school CPD lead', () => {
  const school = tenant('t1');
  const withLead = { ...school, schools: [{ id: 'sch-1', name: 'North Primary' }], settings: { ...school.settings, cpdRequests: { ...school.settings.cpdRequests, cpdLeadBySchool: { 'sch-1': 'lee' } } } };
  const commands = (roles: Role[], id = 'lee') => helpView({ tenant: withLead, staff: staff('t1', id, { roles }) }).commands.map((c) => c.command);

  it("lists programme, governors and statutory for a school's lead, who is not a trust lead", () => {
    const lee = commands(['staff']);
    expect(lee).toEqual(expect.arrayContaining(['programme', 'governors [autumn-2026|2026-27]', 'statutory']));
    expect(lee).not.toContain('new session');
  });

  it('lists none of them for a colleague who leads no school, and the whole lead list for a trust lead', () => {
    const jo = commands(['staff'], 'jo');
    for (const c of ['programme', 'governors [autumn-2026|2026-27]', 'statutory']) expect(jo).not.toContain(c);
    const trust = commands(['staff', 'cpd-lead'], 'ann');
    expect(trust).toEqual(expect.arrayContaining(['programme', 'governors [school] [autumn-2026|2026-27]', 'statutory', 'new session']));
    expect(trust).not.toContain('governors [autumn-2026|2026-27]');
  });
});
