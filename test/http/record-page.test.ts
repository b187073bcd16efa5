import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { runCommand } from '../../src/app/commands';
import { createSignedLinks } from '../../src/app/signed-links';
import { cpdLogEntryId, participationId, qualificationId, statutoryTrainingId } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { linkRoutes } from '../../src/http/link-routes';
import { createLogger } from '../../src/log';
import { smallSchool } from '../support/app-world';

describe('the printable record page (the signed "my cpd" link, format=html), over HTTP from the real route', () => {
  it('shows sessions and logged CPD by academic year with hours, qualifications and statutory training; escaped; only with a valid link', async () => {
    const w = await smallSchool('2026-11-30T10:00:00.000Z');
    const links = createSignedLinks({ baseUrl: 'https://twilight.example.org/', secret: 'x'.repeat(32), clock: w.clock });
    await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', 'ada'), sessionId: 'ses-1', staffId: 'ada', rsvp: 'yes', attended: true });
    await w.store.cpdLog.put({ tenantId: 't1', id: cpdLogEntryId('ada', '2026-10-09', 'x'), staffId: 'ada', what: '<script>alert(1)</script> reading', on: '2026-10-09', hours: 4, type: 'reading', learned: 'Weekly reviews', loggedAt: '2026-10-10T09:00:00.000Z' });
    await w.store.qualifications.put({ tenantId: 't1', id: qualificationId('ada', 'npqsl', 'NPQSL'), staffId: 'ada', kind: 'npqsl', title: 'NPQSL', awardedOn: '2025-07-01', recordedAt: '2025-07-01T00:00:00.000Z' });
    await w.store.statutoryTraining.put({ tenantId: 't1', id: statutoryTrainingId('ada', 'first aid'), staffId: 'ada', topic: 'First aid', completedOn: '2023-09-01', expiresOn: '2026-09-01', recordedAt: '2023-09-01T00:00:00.000Z' });

    const app = createHttpApp({ store: w.store, logger: createLogger('silent'), routers: [linkRoutes({ store: w.store, clock: w.clock, links })] });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const open = (url: string) => fetch(`${origin}${new URL(url).pathname}${new URL(url).search}`);
    try {
      const view = await runCommand({ ...w.deps, links }, w.actor('ada'), 'my cpd');
      if (view.kind !== 'my-record' || !view.printUrl) throw new Error('expected a printable link on the record');
      const res = await open(view.printUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const html = await res.text();
      expect(html).toContain('2026-27: 5.5 hours, 2 entries');
      expect(html).toContain('Retrieval practice (Teaching &amp; learning)');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; reading (Reading, logged)');
      expect(html).not.toContain('<script>');
      expect(html).toContain('NPQSL: Awarded July 2025');
      expect(html).toContain('<li class="lapsed">First aid: Lapsed 1 September 2026</li>');
      expect(html).not.toContain('Ben Teacher');
      // Edited to another person: the same 404 as a missing record.
      expect((await open(view.printUrl.replace('/ada?', '/ben?'))).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await w.store.close();
    }
  });
});
