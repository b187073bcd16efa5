import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { runCommand } from '../../src/app/commands';
import { createSignedLinks } from '../../src/app/signed-links';
import type { LeadDigestView } from '../../src/cards/views';
import { participationId } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { linkRoutes } from '../../src/http/link-routes';
import { createLogger } from '../../src/log';
import { smallSchool } from '../support/app-world';
import { staff, tenant } from '../support/fixtures';

/** The lead's report page behind the "View full report" link, over HTTP from the real route and embedded store. */
async function world() {
  const school = await smallSchool('2026-11-26T10:00:00.000Z');
  const links = createSignedLinks({ baseUrl: 'https://twilight.example.org', secret: 'y'.repeat(32), clock: school.clock });
  await school.store.tenants.put(tenant('t2'));
  await school.store.staff.put(staff('t2', 'lead2', { roles: ['staff', 'cpd-lead'] }));
  for (const who of ['ada', 'ben']) {
    await school.store.participations.put({ tenantId: 't1', id: participationId('ses-1', who), sessionId: 'ses-1', staffId: who, rsvp: 'yes', attended: true });
  }
  const app = createHttpApp({ store: school.store, logger: createLogger('silent'), routers: [linkRoutes({ store: school.store, clock: school.clock, links })] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open = (url: string) => {
    const u = new URL(url);
    return fetch(`${origin}${u.pathname}${u.search}`);
  };
  return { ...school, deps: { ...school.deps, links }, links, open, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let w: Awaited<ReturnType<typeof world>>;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
  await w.store.close();
});

describe('report page link', () => {
  test('"programme" carries the link; it opens the year for the lead, never cached, with no script allowed', async () => {
    const view = (await runCommand(w.deps, w.actor('lead'), 'programme')) as LeadDigestView;
    expect(view.fullReportUrl).toMatch(/^https:\/\/twilight\.example\.org\/links\/report\/t1\/lead\?expires=\d+&sig=/);
    const res = await w.open(view.fullReportUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<h1>CPD programme report: Trust t1</h1>');
    expect(html).toContain('Retrieval practice');
    expect(html).not.toContain('<script');
    // Nobody is named: not the attendees, not the lead.
    for (const name of ['Ada Teacher', 'Ben Teacher', 'Lena Lead']) expect(html).not.toContain(name);
  });

  test('it expires in hours: 12 hours on, the same link is refused', async () => {
    const url = w.links.reportPageUrl('t1', 'lead');
    expect((await w.open(url)).status).toBe(200);
    w.clock.advance(12 * 3600_000 + 1000);
    expect((await w.open(url)).status).toBe(404);
  });

  test('edited to another tenant or person, signed for someone who is not the lead, or after losing the role: 404', async () => {
    const url = new URL(w.links.reportPageUrl('t1', 'lead'));
    const other = `${url.origin}/links/report/t2/lead2${url.search}`;
    const person = `${url.origin}/links/report/t1/ada${url.search}`;
    expect((await w.open(other)).status).toBe(404);
    expect((await w.open(person)).status).toBe(404);
    expect((await w.open(w.links.reportPageUrl('t1', 'ada'))).status).toBe(404);
    await w.store.staff.put(staff('t1', 'lead', { name: 'Lena Lead', roles: ['staff'] }));
    expect((await w.open(url.toString())).status).toBe(404);
  });

  test('a facilitator’s "report" has no full-report link (the page is the whole programme)', async () => {
    await w.store.staff.put(staff('t1', 'ben', { name: 'Ben Teacher', roles: ['staff', 'facilitator'] }));
    await w.store.sessions.put({ ...(await w.store.sessions.get('t1', 'ses-1'))!.value, facilitatorIds: ['ben'] } as never);
    const view = await runCommand(w.deps, { ...w.actor('ben'), staff: { ...w.people.ben!, roles: ['staff', 'facilitator'] } }, 'report retrieval');
    expect(view.kind).toBe('lead-report');
    expect(JSON.stringify(view)).not.toContain('/links/report/');
  });
});
