import { handleCardAction } from '../../../src/app/card-actions';
import { receiveSchoolFile } from '../../../src/app/school-files';
import type { FileImportView } from '../../../src/cards/views/setup';
import { ManualClock } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

onBothStores('own-role', (label, open, done) => {
  describe(`a staff list sent by the lead never takes their own CPD lead role (${label})`, () => {
    afterAll(done);

    it('a Role column calling the lead a teacher keeps them a lead, and says so', async () => {
      const clock = new ManualClock('2026-11-20T09:00:00.000Z');
      const store = await open(clock);
      const t = tenant('t-own');
      const lead = staff('t-own', 'lead', { name: 'Lena Lead', email: 'lena@school.example', roles: ['staff', 'cpd-lead'] });
      await store.tenants.put(t);
      await store.staff.put(lead);
      const csv = 'Name,Email,Role\r\nLena Lead,lena@school.example,staff\r\nAda Teacher,ada@school.example,staff\r\n';
      const actor = { tenant: t, staff: lead };
      const preview = (await receiveSchoolFile({ store, clock }, actor, { name: 'staff.csv', download: async () => ({ ok: true, bytes: new TextEncoder().encode(csv) }) })) as FileImportView;
      expect(preview.notes).toContain('You stay a CPD lead although the file does not say so (your own role is not removed by a file you import).');
      expect(preview.summary).toEqual(['1 person would be added', '0 would be updated', '1 unchanged']);
      await handleCardAction({ store, clock }, actor, { verb: 'file.import', fileImportId: preview.fileImportId });
      expect((await store.staff.get('t-own', 'lead'))?.value.roles).toContain('cpd-lead');
      expect(await store.staff.count('t-own')).toBe(2);
      await store.close();
    });
  });
});
