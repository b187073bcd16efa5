import { handleCardAction } from '../../../src/app/card-actions';
import { receiveSchoolFile } from '../../../src/app/school-files';
import type { FileImportView } from '../../../src/cards/views/setup';
import { ManualClock } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

const PROGRAMME = [
  'Title,Strand,Kind,Date,Start,End,Place,Audience',
  'Retrieval practice,TL,Twilight,2026-12-08,15:45,17:00,Library,trust',
  'Adaptive teaching,TL,Twilight,2026-12-15,15:45,17:00,Library,trust',
].join('\r\n');

onBothStores('programme-file', (label, open, done) => {
  describe(`a programme sent to the bot (${label})`, () => {
    afterAll(done);

    it('is previewed with Import and invite / Import as drafts; a bad row is named by the file\'s own heading; invite publishes', async () => {
      const clock = new ManualClock('2026-11-20T09:00:00.000Z');
      const store = await open(clock);
      const t = tenant('t-prog');
      const lead = staff('t-prog', 'lead', { roles: ['staff', 'cpd-lead'] });
      await store.tenants.put(t);
      await store.staff.put(lead);
      const actor = { tenant: t, staff: lead };
      const send = (csv: string) => receiveSchoolFile({ store, clock }, actor, { name: 'programme.csv', download: async () => ({ ok: true, bytes: new TextEncoder().encode(csv) }) }) as Promise<FileImportView>;

      const bad = await send(PROGRAMME.replace('2026-12-15', '15th Dec'));
      expect(bad.state).toBe('refused');
      expect(bad.errors).toHaveLength(1);
      expect(bad.errors[0]!.row).toBe(3);
      expect(bad.errors[0]!.reason).toMatch(/^Date: /);
      expect(await store.sessions.count('t-prog')).toBe(0);

      const preview = await send(PROGRAMME);
      expect(preview).toMatchObject({ what: 'Programme', state: 'preview', secondary: 'publish' });
      expect(preview.summary[0]).toBe('2 sessions would be added');
      expect(await store.sessions.count('t-prog')).toBe(0);
      const invited = await handleCardAction({ store, clock }, actor, { verb: 'file.publish', fileImportId: preview.fileImportId });
      expect((invited.view as FileImportView).summary).toContain('new sessions published: invitations go out at the next allowed time');
      expect((await store.sessions.find('t-prog')).map((v) => v.value.status)).toEqual(['published', 'published']);
      await store.close();
    });
  });
});
