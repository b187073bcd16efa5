import { handleCardAction } from '../../../src/app/card-actions';
import { impactFollowUpId } from '../../../src/domain';
import { smallSchool } from '../../support/app-world';
import { staff } from '../../support/fixtures';

describe('privacy: an impact follow-up is read by its person and their own line manager only', () => {
  it('refuses another manager, the lead, a colleague and another tenant; the manager only once the person has answered', async () => {
    const w = await smallSchool('2027-01-12T10:00:00.000Z');
    const otherManager = staff('t1', 'm2', { name: 'Other Manager', roles: ['staff', 'line-manager'] });
    await w.store.staff.put(otherManager);
    const id = impactFollowUpId('ses-1', 'ada');
    await w.store.impactFollowUps.put({ tenantId: 't1', id, sessionId: 'ses-1', staffId: 'ada', askedAt: '2027-01-12T08:30:00.000Z', status: 'asked' });
    const open = (actor: Parameters<typeof handleCardAction>[1]) => handleCardAction(w.deps, actor, { verb: 'impact.open', impactFollowUpId: id });

    expect((await open(w.actor('ada'))).ok).toBe(true);
    // Ada's manager waits for her answer.
    expect((await open(w.actor('manager'))).ok).toBe(false);
    const answer = { applied: 'yes', how: 'Exit tickets', pupilChange: 'Fewer gaps', evidence: 'pupil-data' };
    expect((await handleCardAction(w.deps, w.actor('ada'), { verb: 'impact.submit', impactFollowUpId: id }, answer)).ok).toBe(true);
    const managerView = await open(w.actor('manager'));
    expect(managerView.ok && JSON.stringify(managerView.view)).toContain('Exit tickets');

    for (const actor of [w.actor('ben'), w.actor('lead'), { tenant: w.tenant, staff: otherManager }]) {
      const refused = await open(actor);
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused.view)).not.toContain('Exit tickets');
      const write = await handleCardAction(w.deps, actor, { verb: 'impact.submit', impactFollowUpId: id }, { view: 'Not mine to say' });
      expect(write.ok).toBe(false);
    }
    // Same ids in another tenant find nothing.
    const elsewhere = await open({ tenant: { ...w.tenant, id: 't2', tenantId: 't2' }, staff: { ...w.people.manager!, tenantId: 't2' } });
    expect(elsewhere.ok).toBe(false);
    expect((await w.store.impactFollowUps.get('t1', id))?.value.manager).toBeUndefined();
    await w.store.close();
  });
});
