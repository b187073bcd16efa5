import { createHmac, generateKeyPairSync, createSign } from 'node:crypto';
import { cardActionActivity, postActivity, seedSchool, startTeamsHarness, JO, TENANT, type TeamsHarness } from '../bots/teams/teams-harness';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function claims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: 'http://127.0.0.1/', nbf: now - 60, exp: now + 3600 };
}

/** Tokens an attacker could send: none, garbage, alg none, HMAC with a guessed secret, RS256 with their own key, expired. */
function forgedTokens(): Record<string, string | undefined> {
  const hs = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsUnsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'attacker-key' })}.${b64(claims())}`;
  const rs = `${rsUnsigned}.${createSign('RSA-SHA256').update(rsUnsigned).sign(privateKey).toString('base64url')}`;
  const expiredUnsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'attacker-key' })}.${b64({ ...claims(), exp: 1 })}`;
  return {
    absent: undefined,
    garbage: 'Bearer not-a-jwt',
    algNone: `Bearer ${b64({ alg: 'none' })}.${b64(claims())}.`,
    hmacGuess: `Bearer ${hs}.${createHmac('sha256', 'secret').update(hs).digest('base64url')}`,
    attackerRsa: `Bearer ${rs}`,
    expired: `Bearer ${expiredUnsigned}.${createSign('RSA-SHA256').update(expiredUnsigned).sign(privateKey).toString('base64url')}`,
  };
}

/** Refused requests, for docs/reliability.md. */
describe('Teams JWT in production mode (app id set) via real CloudAdapter auth', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ appId: APP_ID, appPassword: 'secret', appType: 'MultiTenant' });
    await seedSchool(h);
  });
  afterAll(() => h.close());
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each(Object.entries(forgedTokens()))('token %s → 401, no answer stored, nothing sent', async (_name, authorization) => {
    h.clock.set('2026-11-25T09:00:00.000Z');
    const press = cardActionActivity(h, JO, 'questionnaire.submit', { questionnaireId: 'qn-1', quality: '4', impact: '3', further_cpd: 'no' });
    const reply = await postActivity(h, press, authorization ? { authorization } : {});
    // Without a token or with an unparsable one botbuilder answers 401 at once. A well-formed token
    // needs Microsoft's signing keys (login.botframework.com): this machine has no route there, so the
    // key look-up fails and the adapter answers 500 instead of 401. Either way the request is refused.
    if (authorization === undefined || authorization === 'Bearer not-a-jwt') expect(reply.status).toBe(401);
    else expect([401, 500]).toContain(reply.status);
    expect(await h.store.responses.count(TENANT)).toBe(0);
    expect(await h.store.staff.count(TENANT, { 'teams.aadObjectId': JO.aadObjectId })).toBe(0);
    expect(h.connector.activities).toHaveLength(0);
  });
});
