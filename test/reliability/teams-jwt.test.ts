import { createHmac, generateKeyPairSync } from 'node:crypto';
import { Staff } from '../../src/domain';
import { base64url as b64, FakeOpenIdServer, signRs256 } from '../support/fake-openid';
import { cardActionActivity, postActivity, seedSchool, startTeamsHarness, JO, TENANT, type TeamsHarness } from '../bots/teams/teams-harness';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const APP_PASSWORD = 'the-app-password-of-at-least-32-characters';
const KEY_FETCH_TIMEOUT_MS = 500;

function claims(h: TeamsHarness, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(h.clock.now().getTime() / 1000);
  return { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: h.connector.url, nbf: now - 60, exp: now + 3600, ...extra };
}

/** Every token an attacker could send (and tokens signed by the real key but wrong in a claim). */
function forgedTokens(h: TeamsHarness, openId: FakeOpenIdServer): Record<string, string | undefined> {
  const kid = openId.kid;
  const hsUnsigned = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(claims(h))}`;
  const { privateKey: attackerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const valid = signRs256(openId.privateKey, { kid }, claims(h));
  const [header, , signature] = valid.split('.');
  const now = Math.floor(h.clock.now().getTime() / 1000);
  return {
    absent: undefined,
    garbage: 'Bearer not-a-jwt',
    algNone: `Bearer ${b64({ alg: 'none', kid })}.${b64(claims(h))}.`,
    hs256WithAppPassword: `Bearer ${hsUnsigned}.${createHmac('sha256', APP_PASSWORD).update(hsUnsigned).digest('base64url')}`,
    attackerRs256RealKid: `Bearer ${signRs256(attackerKey, { kid }, claims(h))}`,
    attackerRs256OwnKid: `Bearer ${signRs256(attackerKey, { kid: 'attacker-key' }, claims(h))}`,
    tamperedPayload: `Bearer ${header}.${b64(claims(h, { name: 'Someone Else' }))}.${signature}`,
    futureNbf: `Bearer ${signRs256(openId.privateKey, { kid }, claims(h, { nbf: now + 3600, exp: now + 7200 }))}`,
    expired: `Bearer ${signRs256(openId.privateKey, { kid }, claims(h, { nbf: now - 7200, exp: now - 3600 }))}`,
    wrongAudience: `Bearer ${signRs256(openId.privateKey, { kid }, claims(h, { aud: 'another-bot' }))}`,
    wrongIssuer: `Bearer ${signRs256(openId.privateKey, { kid }, claims(h, { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' }))}`,
    otherServiceUrl: `Bearer ${signRs256(openId.privateKey, { kid }, claims(h, { serviceurl: 'https://evil.example/' }))}`,
  };
}

function submitPress(h: TeamsHarness): Record<string, unknown> {
  return cardActionActivity(h, JO, 'questionnaire.submit', { questionnaireId: 'qn-1', quality: '4', impact: '3', further_cpd: 'no' });
}

/** Jo already linked, so the turn needs no call to Teams (no app token from Entra, which this machine cannot reach). */
async function linkJo(h: TeamsHarness): Promise<void> {
  const jo = (await h.store.staff.get(TENANT, 'stf-jo'))!.value;
  await h.store.staff.put(Staff.parse({ ...jo, teams: { aadObjectId: JO.aadObjectId, userId: JO.userId } }));
}

const timings: Record<string, number> = {};
afterAll(() => {
  // Figures for docs/reliability.md.
  process.stdout.write(`teams-jwt timings (ms): ${JSON.stringify(timings)}\n`);
});

describe('Teams JWT in production mode, keys from a local OpenID/JWKS server with a real RSA key (via real CloudAdapter)', () => {
  let h: TeamsHarness;
  let openId: FakeOpenIdServer;
  let consoleError: jest.SpyInstance;
  beforeAll(async () => {
    openId = new FakeOpenIdServer();
    await openId.start();
    h = await startTeamsHarness({ appId: APP_ID, appPassword: APP_PASSWORD, appType: 'MultiTenant', openIdMetadataUrl: openId.metadataUrl, keyFetchTimeoutMs: KEY_FETCH_TIMEOUT_MS });
    await seedSchool(h);
    await linkJo(h);
    h.clock.set('2026-11-25T09:00:00.000Z');
  });
  afterAll(async () => {
    await h.close();
    await openId.stop();
  });
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error');
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(Object.keys(forgedTokens({ clock: { now: () => new Date() }, connector: { url: '' } } as never, new FakeOpenIdServer())))(
    'token %s → 401 JSON, no answer stored, nothing sent, nothing on stderr',
    async (name) => {
      const authorization = forgedTokens(h, openId)[name];
      const started = performance.now();
      const reply = await postActivity(h, submitPress(h), authorization ? { authorization } : {});
      timings[`online ${name}`] = Math.round(performance.now() - started);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: 'unauthorized', message: 'The request is not authenticated.' });
      expect(await h.store.responses.count(TENANT)).toBe(0);
      expect(h.connector.activities).toHaveLength(0);
      expect(consoleError).not.toHaveBeenCalled();
    },
  );

  it('the genuine token is accepted and the turn runs as Jo (the bot answers her with a card); keys were fetched once and kept', async () => {
    const token = signRs256(openId.privateKey, { kid: openId.kid }, claims(h));
    const reply = await postActivity(h, submitPress(h), { authorization: `Bearer ${token}` });
    expect(reply.status).toBe(200);
    // The questionnaire went to nobody in this world: the bot's own refusal proves the turn ran as Jo.
    expect(JSON.stringify(reply.body)).toContain('This questionnaire was not sent to you');
    const again = await postActivity(h, submitPress(h), { authorization: `Bearer ${token}` });
    expect(again.status).toBe(200);
    expect(openId.requests.filter((r) => r.endsWith('/keys'))).toHaveLength(1);
    expect(openId.requests.filter((r) => r.endsWith('openidconfiguration'))).toHaveLength(1);
  });
});

describe('Teams JWT with the key endpoints blackholed (accept, never answer)', () => {
  let h: TeamsHarness;
  let openId: FakeOpenIdServer;
  beforeAll(async () => {
    openId = new FakeOpenIdServer();
    openId.blackhole();
    await openId.start();
    h = await startTeamsHarness({ appId: APP_ID, appPassword: APP_PASSWORD, appType: 'MultiTenant', openIdMetadataUrl: openId.metadataUrl, keyFetchTimeoutMs: KEY_FETCH_TIMEOUT_MS });
    await seedSchool(h);
    h.clock.set('2026-11-25T09:00:00.000Z');
  });
  afterAll(async () => {
    await h.close();
    await openId.stop();
  });
  beforeEach(() => jest.spyOn(console, 'error'));
  afterEach(() => jest.restoreAllMocks());

  it('tokens that are wrong on their face get 401 at once, without a key fetch', async () => {
    const forged = forgedTokens(h, openId);
    for (const name of ['algNone', 'hs256WithAppPassword', 'futureNbf', 'expired', 'wrongAudience', 'wrongIssuer']) {
      const started = performance.now();
      const reply = await postActivity(h, submitPress(h), { authorization: forged[name]! });
      timings[`blackholed ${name}`] = Math.round(performance.now() - started);
      expect([name, reply.status]).toEqual([name, 401]);
    }
    expect(openId.requests).toHaveLength(0);
  });

  it('20 concurrent well-formed tokens: one shared key fetch, each answered 503 with Retry-After within the fetch deadline, never a hang or 500', async () => {
    const token = signRs256(openId.privateKey, { kid: openId.kid }, claims(h));
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await fetch(`${h.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(submitPress(h)),
          signal: AbortSignal.timeout(10_000),
        });
        return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown, ms: performance.now() - started };
      }),
    );
    timings['blackholed first 503 (20 concurrent, slowest)'] = Math.round(Math.max(...replies.map((r) => r.ms)));
    for (const reply of replies) {
      expect(reply.status).toBe(503);
      expect(Number(reply.retryAfter)).toBeGreaterThan(0);
      expect(reply.body).toEqual({ error: 'authentication_unavailable', message: 'The request cannot be authenticated just now. Try again shortly.' });
      expect(reply.ms).toBeGreaterThanOrEqual(KEY_FETCH_TIMEOUT_MS - 50);
    }
    expect(openId.requests).toHaveLength(1);
    expect(await h.store.responses.count(TENANT)).toBe(0);

    // Within the cooldown the next one gets its 503 without waiting on the blackhole again.
    const next = performance.now();
    const reply = await postActivity(h, submitPress(h), { authorization: `Bearer ${token}` });
    timings['blackholed 503 during cooldown'] = Math.round(performance.now() - next);
    expect(reply.status).toBe(503);
    expect(openId.requests).toHaveLength(1);
  });
});
