import { runCommand } from '../../../src/app/commands';
import { createSignedLinks } from '../../../src/app/signed-links';
import type { NoticeView } from '../../../src/cards/views/notice';
import { ManualClock } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

onBothStores('school-file-export', (label, open, done) => {
  describe(`a lead asks for the templates or programmes file in chat (${label})`, () => {
    afterAll(done);

    it('without a public address the lead is told why there is no download and who can fix it; with one, a link that expires and names them', async () => {
      const clock = new ManualClock('2026-11-20T09:00:00.000Z');
      const store = await open(clock);
      const t = tenant('t-files');
      const lead = staff('t-files', 'lead', { roles: ['staff', 'cpd-lead'] });
      await store.tenants.put(t);
      await store.staff.put(lead);
      const actor = { tenant: t, staff: lead };

      for (const [command, file, cli] of [
        ['templates export', 'templates.json', 'npm run cli -- templates export --out templates.json'],
        ['programmes export', 'programmes.json', 'npm run cli -- programmes export --out programmes.json'],
      ] as const) {
        const off = (await runCommand({ store, clock }, actor, command)) as NoticeView;
        expect(off.notice.tone).toBe('attention');
        expect(off.notice.text).toContain(`I can't give you ${file} here: this Twilight has no public address (PUBLIC_URL)`);
        expect(off.notice.text).toContain(cli);
        expect(off.download).toBeUndefined();

        const links = createSignedLinks({ baseUrl: 'https://twilight.example.org/', secret: 'school-file-export-test-secret-0123456789', clock });
        const on = (await runCommand({ store, clock, links }, actor, command)) as NoticeView;
        expect(on.download?.label).toBe(`Download ${file}`);
        const url = new URL(on.download!.url);
        expect(url.pathname).toBe(`/links/school-file/t-files/${lead.id}/${file}`);
        const expires = url.searchParams.get('expires')!;
        expect(links.verifySchoolFile('t-files', lead.id, file, expires, url.searchParams.get('sig')!)).toBe(true);
        expect(links.verifySchoolFile('t-files', lead.id, file === 'templates.json' ? 'programmes.json' : 'templates.json', expires, url.searchParams.get('sig')!)).toBe(false);
        clock.advance(13 * 3600 * 1000);
        expect(links.verifySchoolFile('t-files', lead.id, file, expires, url.searchParams.get('sig')!)).toBe(false);
      }
      // The lists say the chat way, with no download to offer.
      const templates = (await runCommand({ store, clock }, actor, 'templates')) as NoticeView;
      expect(templates.notice.text).toContain('send it back to me here');
      expect(templates.download).toBeUndefined();
      await store.close();
    });
  });
});
