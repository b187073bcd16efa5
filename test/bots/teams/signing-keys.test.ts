import { ManualClock } from '../../../src/domain';
import { SigningKeySource, SigningKeysUnavailableError } from '../../../src/bots/teams/signing-keys';
import { FakeOpenIdServer } from '../../support/fake-openid';

describe('SigningKeySource against a local OpenID/JWKS server', () => {
  let openId: FakeOpenIdServer;
  beforeEach(async () => {
    openId = new FakeOpenIdServer();
    await openId.start();
  });
  afterEach(() => openId.stop());

  test('keys past their refresh time are still used while the endpoint is unreachable; an unknown key id does not fetch per request', async () => {
    const clock = new ManualClock('2026-11-25T09:00:00.000Z');
    const keys = new SigningKeySource({ metadataUrl: openId.metadataUrl, clock, fetchTimeoutMs: 300 });
    expect((await keys.getKey(openId.kid))?.endorsements).toEqual(['msteams', 'webchat']);
    expect(await keys.getKey('unknown')).toBeUndefined();
    expect(await keys.getKey('unknown-too')).toBeUndefined();
    expect(keys.fetches).toBe(1);

    openId.blackhole();
    clock.advance(25 * 60 * 60 * 1000);
    // The refresh times out; the old key still verifies tokens.
    expect((await keys.getKey(openId.kid))?.kid).toBe(openId.kid);
    expect(keys.fetches).toBe(2);
  });

  test('no keys at all: SigningKeysUnavailableError with a Retry-After, and no second fetch during the cooldown', async () => {
    openId.blackhole();
    const clock = new ManualClock('2026-11-25T09:00:00.000Z');
    const keys = new SigningKeySource({ metadataUrl: openId.metadataUrl, clock, fetchTimeoutMs: 200, failureCooldownMs: 30_000 });
    await expect(keys.getKey(openId.kid)).rejects.toBeInstanceOf(SigningKeysUnavailableError);
    clock.advance(10_000);
    await expect(keys.getKey(openId.kid)).rejects.toMatchObject({ retryAfterSeconds: 20 });
    expect(keys.fetches).toBe(1);
  });
});
