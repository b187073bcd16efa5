import { renderPreviewPage } from '../../src/dev/preview-page';
import { devConfig, startPreviewServer, type PreviewServer } from './preview-harness';
import { demoStaffId } from '../../src/app/demo/seed-demo';

const jo = demoStaffId('jo.adeyemi@riverside.example');
const tom = demoStaffId('tom.walsh@riverside.example');

const DEV_PATHS = ['/dev', '/dev/assets/adaptivecards.min.js', '/dev/assets/preview.js', '/dev/api/staff'];

describe('dev pages mounted through devPageRouters + createHttpApp (real express on loopback)', () => {
  describe('without production credentials', () => {
    let server: PreviewServer;
    beforeAll(async () => {
      server = await startPreviewServer(devConfig());
    });
    afterAll(() => server.close());

    test('serves the page and its assets from node_modules and src/dev/public', async () => {
      const page = await fetch(`${server.baseUrl}/dev`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain('<script src="/dev/assets/adaptivecards.min.js"></script>');
      const bundle = await fetch(`${server.baseUrl}/dev/assets/adaptivecards.min.js`);
      expect(bundle.status).toBe(200);
      expect(await bundle.text()).toContain('AdaptiveCard');
      expect((await fetch(`${server.baseUrl}/dev/assets/preview.js`)).status).toBe(200);
    });

    test('the fake connector records what is posted to it and answers with an id', async () => {
      const posted = await fetch(`${server.baseUrl}/dev/connector/v3/conversations/a%3Adev-1/activities/m1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hello' }),
      });
      expect(posted.status).toBe(201);
      expect(await posted.json()).toHaveProperty('id');
      const seen = (await (await fetch(`${server.baseUrl}/dev/api/connector?since=0`)).json()) as { records: { conversationId: string; activity: unknown }[] };
      expect(seen.records).toEqual([expect.objectContaining({ conversationId: 'a:dev-1', activity: { type: 'message', text: 'hello' } })]);
      expect((await fetch(`${server.baseUrl}/dev/connector/v3/conversations/a%3Adev-1/members/29%3Ax`)).status).toBe(404);
    });

    test('act-as links a dev Entra id only when the person has none, and refuses unknown people', async () => {
      await fetch(`${server.baseUrl}/dev/api/seed-demo`, { method: 'POST' });
      const acted = (await (await fetch(`${server.baseUrl}/dev/api/act-as/${jo}`, { method: 'POST' })).json()) as {
        identity: { aadObjectId: string };
        serviceUrl: string;
      };
      expect(acted.identity.aadObjectId).toBe(`dev-aad-${jo}`);
      expect(acted.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dev\/connector$/);
      expect((await server.store.staff.get('demo', jo))?.value.teams).toEqual({ aadObjectId: `dev-aad-${jo}`, userId: `29:dev-${jo}` });

      const linked = (await server.store.staff.get('demo', tom))!;
      await server.store.staff.put({ ...linked.value, teams: { aadObjectId: 'real-aad-tom', userId: '29:real-tom' } });
      const real = (await (await fetch(`${server.baseUrl}/dev/api/act-as/${tom}`, { method: 'POST' })).json()) as { identity: { aadObjectId: string } };
      expect(real.identity.aadObjectId).toBe('real-aad-tom');

      expect((await fetch(`${server.baseUrl}/dev/api/act-as/nobody`, { method: 'POST' })).status).toBe(404);
    });

    test('acting as the demo CPD lead shows their weekly programme digest; a teacher gets none', async () => {
      await fetch(`${server.baseUrl}/dev/api/seed-demo`, { method: 'POST' });
      const cardsOf = async (staffId: string) =>
        ((await (await fetch(`${server.baseUrl}/dev/api/act-as/${staffId}`, { method: 'POST' })).json()) as { cards: { kind: string; title: string }[] }).cards;
      expect((await cardsOf(demoStaffId('alex.morgan@riverside.example'))).filter((c) => c.kind === 'lead-digest').map((c) => c.title)).toEqual(['Weekly programme digest for CPD leads']);
      expect((await cardsOf(jo)).some((c) => c.kind === 'lead-digest')).toBe(false);
    });
  });

  test.each([
    ['Teams', { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'contoso-tenant' }],
    ['Slack', { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'shh' }],
    ['Teams, even with DEV_PAGES=true', { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'contoso-tenant', DEV_PAGES: 'true' }],
  ])('with %s production credentials nothing under /dev exists (404)', async (_name, env) => {
    const server = await startPreviewServer(devConfig(env));
    try {
      for (const path of DEV_PATHS) expect([path, (await fetch(`${server.baseUrl}${path}`)).status]).toEqual([path, 404]);
      expect((await fetch(`${server.baseUrl}/dev/api/seed-demo`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('without DEV_PAGES=true they are off in dev mode too (not judged by who is asking)', async () => {
    const server = await startPreviewServer(devConfig({ DEV_PAGES: '' }));
    try {
      for (const path of DEV_PATHS) expect([path, (await fetch(`${server.baseUrl}${path}`)).status]).toEqual([path, 404]);
    } finally {
      await server.close();
    }
  });

  test('DEV_PAGES=false turns them off in dev mode too', async () => {
    const server = await startPreviewServer(devConfig({ DEV_PAGES: 'false' }));
    try {
      expect((await fetch(`${server.baseUrl}/dev`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('renderPreviewPage', () => {
  test('escapes every value it puts in HTML and keeps the JSON block closed to markup', () => {
    const evil = '</script><img src=x onerror=alert(1)>';
    const html = renderPreviewPage({
      tenantId: evil,
      canSeedDemo: false,
      catalog: [{ name: 'notice', kind: 'notice', adaptiveCard: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: evil }] }, blockKit: { text: evil } }],
    });
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const json = /<script type="application\/json" id="preview-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json).samples[0].card.body[0].text).toBe(evil);
  });
});
