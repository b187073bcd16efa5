import { devConfig, startPreviewServer } from '../dev/preview-harness';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { runCommand } from '../../src/app/commands';
import { buildInvitationView } from '../../src/app/sessions/invitation-view';
import { editSession } from '../../src/app/sessions/session-admin';
import { createSignedLinks } from '../../src/app/signed-links';
import { participationId } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { linkRoutes } from '../../src/http/link-routes';
import { createLogger } from '../../src/log';
import { smallSchool } from '../support/app-world';
import { session, staff, tenant } from '../support/fixtures';

/** The calendar and certificate links cards carry, fetched over HTTP from the real route. */
async function world() {
  const school = await smallSchool('2026-11-20T10:00:00.000Z');
  const links = createSignedLinks({ baseUrl: 'https://twilight.example.org/', secret: 'x'.repeat(32), clock: school.clock });
  const deps = { ...school.deps, links };
  // A second tenant with a session and a person of its own.
  await school.store.tenants.put(tenant('t2'));
  await school.store.staff.put(staff('t2', 'zoe', { name: 'Zoe Other' }));
  await school.store.sessions.put(session('t2', 'ses-t2', { title: 'Other trust only' }));
  const app = createHttpApp({ store: school.store, logger: createLogger('silent'), routers: [linkRoutes({ store: school.store, clock: school.clock, links })] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Fetches a link as it appears in a card, against the test server. */
  const open = (url: string) => {
    const u = new URL(url);
    return fetch(`${origin}${u.pathname}${u.search}`);
  };
  return { ...school, deps, links, open, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let w: Awaited<ReturnType<typeof world>>;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
  await w.store.close();
});

describe('add-to-calendar link on invitations', () => {
  test('the invitation carries a link that serves the session as .ics; a moved session serves the new time with a higher SEQUENCE', async () => {
    const before = (await w.store.sessions.get('t1', 'ses-1'))!.value;
    const view = await buildInvitationView(w.deps, w.tenant, before, 'ada');
    expect(view.calendarUrl).toMatch(/^https:\/\/twilight\.example\.org\/links\/calendar\/t1\/ses-1\.ics\?sig=/);

    const first = await w.open(view.calendarUrl!);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(first.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.ics"/);
    const ics = await first.text();
    expect(ics).toContain('UID:ses-1@twilight.cpd');
    expect(ics).toContain('SUMMARY:Retrieval practice');
    expect(ics).toContain('SEQUENCE:0');

    const moved = await editSession(w.deps, w.actor('lead'), 'ses-1', {
      title: 'Retrieval practice',
      category: 'TL',
      kind: 'twilight',
      date: '2026-11-25',
      start: '16:00',
      end: '17:00',
      place: 'Library',
    });
    expect(moved.ok).toBe(true);
    const again = await (await w.open(view.calendarUrl!)).text();
    expect(again).toContain('SEQUENCE:1');
    expect(again).toContain('DTSTART;TZID=Europe/London:20261125T160000');
  });

  test('a link edited to name another session, another tenant, or with no signature gets the same 404', async () => {
    const url = new URL(w.links.sessionCalendarUrl('t1', 'ses-1'));
    const sig = url.searchParams.get('sig')!;
    const attempts = [
      `/links/calendar/t1/ses-2.ics?sig=${sig}`,
      `/links/calendar/t2/ses-t2.ics?sig=${sig}`,
      `/links/calendar/t1/ses-1.ics`,
      `/links/calendar/t1/ses-1.ics?sig=${sig.slice(0, -2)}`,
    ];
    for (const path of attempts) {
      const res = await w.open(`https://x${path}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect(await res.text()).toMatch(/not valid/);
    }
    // Tenant 2's own link works, and shows only tenant 2's session.
    const own = await (await w.open(w.links.sessionCalendarUrl('t2', 'ses-t2'))).text();
    expect(own).toContain('SUMMARY:Other trust only');
  });

  test('a draft session has no calendar file yet', async () => {
    await w.store.sessions.put(session('t1', 'ses-draft', { status: 'draft' }));
    expect((await w.open(w.links.sessionCalendarUrl('t1', 'ses-draft'))).status).toBe(404);
  });
});

describe('certificate offered in chat', () => {
  async function attend(staffId: string) {
    await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', staffId), sessionId: 'ses-1', staffId, rsvp: 'yes', attended: true });
  }

  test('"my cpd" offers a certificate link for each attended session; it opens as the person\'s certificate and is never cached', async () => {
    await attend('ada');
    w.clock.set('2026-11-30T10:00:00.000Z');
    const view = await runCommand(w.deps, w.actor('ada'), 'my cpd');
    if (view.kind !== 'my-record') throw new Error(`expected my-record, got ${view.kind}`);
    expect(view.rows).toHaveLength(1);
    const url = view.rows[0]!.certificateUrl!;
    expect(url).toMatch(/\/links\/certificate\/t1\/ses-1\/ada\?expires=\d+&sig=/);

    const res = await w.open(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('Ada Teacher');
    expect(html).toContain('Retrieval practice');
  });

  test("a certificate link edited to another person, or used after it expires, is refused; someone who didn't attend gets none", async () => {
    await attend('ada');
    await attend('ben');
    w.clock.set('2026-11-30T10:00:00.000Z');
    const url = new URL(w.links.certificateUrl('t1', 'ses-1', 'ada'));
    const forged = `https://x/links/certificate/t1/ses-1/ben${url.search}`;
    expect((await w.open(forged)).status).toBe(404);

    const absent = await runCommand(w.deps, w.actor('manager'), 'my cpd');
    expect(absent.kind === 'my-record' && absent.rows).toEqual([]);

    w.clock.set('2027-01-15T10:00:00.000Z');
    expect((await w.open(url.toString())).status).toBe(404);
  });

  test('a signed link for a session the person did not attend explains why there is no certificate', async () => {
    const res = await w.open(w.links.certificateUrl('t1', 'ses-1', 'ben'));
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/once the register shows you attended/);
  });
});

describe('own record as CSV, offered in "my cpd"', () => {
  test('the download holds only the person\'s own rows; edited to another person or expired, it is refused', async () => {
    for (const who of ['ada', 'ben']) {
      await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', who), sessionId: 'ses-1', staffId: who, rsvp: 'yes', attended: true });
    }
    w.clock.set('2026-11-30T10:00:00.000Z');
    const view = await runCommand(w.deps, w.actor('ada'), 'my cpd');
    if (view.kind !== 'my-record' || !view.exportUrl) throw new Error('expected a my-record view with an export link');

    const res = await w.open(view.exportUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('name,email,department,month,cpd_accessed,impact,academic_year,hours');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^Ada Teacher,.*,Retrieval practice \(Teaching & learning\),,2026-27,[\d.]+$/)]);

    const url = new URL(view.exportUrl);
    expect((await w.open(`https://x/links/record/t1/ben${url.search}`)).status).toBe(404);
    expect((await w.open(`https://x/links/record/t2/ada${url.search}`)).status).toBe(404);
    w.clock.set('2027-01-15T10:00:00.000Z');
    expect((await w.open(view.exportUrl)).status).toBe(404);
  });
});


describe('security headers on pages (issue 19)', () => {
  test('every answer, pages and errors alike, forbids framing and sniffing and asks for HTTPS (TLS ends in front of us)', async () => {
    const server = await startPreviewServer(devConfig());
    try {
      for (const path of ['/dev', '/healthz', '/dev/api/staff']) {
        const res = await fetch(`${server.baseUrl}${path}`);
        expect([path, res.headers.get('content-security-policy')]).toEqual([path, "frame-ancestors 'none'"]);
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await server.close();
    }
  });
});
