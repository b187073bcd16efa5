import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { handleCardAction } from '../../src/app/card-actions';
import { createSignedLinks } from '../../src/app/signed-links';
import { chartToken } from '../../src/cards/charts/chart-token';
import type { Actor } from '../../src/app/people';
import { ManualClock, type Staff } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { linkRoutes } from '../../src/http/link-routes';
import { createLogger } from '../../src/log';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { session, staff, tenant } from '../support/fixtures';

const T = 't1';
const CHART = { kind: 'bar' as const, id: 'team-attended', title: 'Attended this week', labels: ['Attended', 'Not yet'], series: [{ name: 'Team', values: [4, 2] }], unit: 'count' as const };

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`leavers and drafts (${label})`, () => {
    afterAll(done);
    let store: Store;
    let clock: ManualClock;
    let server: Server;
    let origin: string;
    const links = () => createSignedLinks({ baseUrl: 'https://twilight.example.org/', secret: 'k'.repeat(32), clock });
    const people: Record<string, Staff> = {
      lead: staff(T, 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
      manager: staff(T, 'manager', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
      fran: staff(T, 'fran', { name: 'Fran Facilitator' }),
      ada: staff(T, 'ada', { name: 'Ada Teacher', lineManagerId: 'manager' }),
    };
    const actor = (who: string): Actor => ({ tenant: tenant(T), staff: people[who]! });

    beforeAll(async () => {
      clock = new ManualClock('2026-11-20T10:00:00.000Z');
      store = await open(clock);
      await store.tenants.put(tenant(T));
      for (const p of Object.values(people)) await store.staff.put(p);
      await store.sessions.put(session(T, 'ses-draft', { title: 'Unannounced restructure briefing', status: 'draft', facilitatorIds: ['fran'], startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' }));
      const app = createHttpApp({ store, logger: createLogger('silent'), routers: [linkRoutes({ store, clock, links: links() })] });
      server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    });
    const fetchChart = (staffId: string) => {
      const u = new URL(links().chartImageUrl(T, staffId, chartToken(CHART)));
      return fetch(`${origin}${u.pathname}${u.search}`);
    };

    it("a deactivated lead's and manager's chart links are refused, like a deleted reader's", async () => {
      expect((await fetchChart('lead')).status).toBe(200);
      expect((await fetchChart('manager')).status).toBe(200);
      for (const who of ['lead', 'manager']) await store.staff.put({ ...people[who]!, active: false });
      expect((await fetchChart('lead')).status).toBe(404);
      expect((await fetchChart('manager')).status).toBe(404);
      for (const who of ['lead', 'manager']) await store.staff.put(people[who]!);
    });

    it("a draft session's card is shown on refresh only to a CPD lead and its facilitator", async () => {
      const refresh = (who: string) => handleCardAction({ store, clock }, actor(who), { verb: 'refresh', sessionId: 'ses-draft' });
      const shown = async (who: string) => JSON.stringify((await refresh(who)).view).includes('Unannounced restructure briefing');
      expect(await shown('ada')).toBe(false);
      expect(await shown('manager')).toBe(false);
      expect((await refresh('ada')).view).toMatchObject({ kind: 'notice' });
      expect(await shown('lead')).toBe(true);
      expect(await shown('fran')).toBe(true);
    });
  });
}

onBothStores('leavers', suite);
