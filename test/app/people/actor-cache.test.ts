import { resolveActor, type ActorResult, type PlatformIdentity } from '../../../src/app/people/actor';
import { ACTOR_CACHE_TTL_MS, ActorCache } from '../../../src/app/people/actor-cache';
import type { AppDeps } from '../../../src/app/deps';
import { ManualClock } from '../../../src/domain/clock';
import { openEmbeddedStore, type EmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import { staff, tenant } from '../../support/fixtures';

/** Two schools on the same Slack user id (Slack ids are per workspace) and the same Teams object id. */
async function twoSchools() {
  const clock = new ManualClock('2026-11-23T10:00:00.000Z');
  const inner = openEmbeddedStore({ path: ':memory:', clock });
  const actors = new ActorCache({ clock });
  const store = actors.watch(inner);
  await store.tenants.put({ ...tenant('north'), slackTeamId: 'TNORTH', teamsTenantId: 'aad-north' });
  await store.tenants.put({ ...tenant('south'), slackTeamId: 'TSOUTH', teamsTenantId: 'aad-south' });
  await store.staff.put(staff('north', 'ann', { name: 'Ann North', slack: { userId: 'U1', teamId: 'TNORTH' }, teams: { aadObjectId: 'aad-1', userId: '29:1' } }));
  await store.staff.put(staff('south', 'sam', { name: 'Sam South', slack: { userId: 'U1', teamId: 'TSOUTH' }, teams: { aadObjectId: 'aad-1', userId: '29:1' } }));
  const deps: AppDeps = { store, clock, actors };
  return { clock, inner, store, actors, deps };
}

const slackUser = (teamId: string): PlatformIdentity => ({ platform: 'slack', platformTenantId: teamId, userId: 'U1' });
const teamsUser = (aadTenant: string): PlatformIdentity => ({ platform: 'teams', platformTenantId: aadTenant, userId: '29:1', aadObjectId: 'aad-1' });

function actorOf(result: ActorResult) {
  if (!result.ok) throw new Error(`not resolved: ${result.message}`);
  return result.actor;
}

describe('actor cache (resolveActor with a real embedded store)', () => {
  let world: Awaited<ReturnType<typeof twoSchools>>;
  beforeEach(async () => {
    world = await twoSchools();
  });
  afterEach(async () => {
    await (world.inner as EmbeddedStore).close();
  });

  test("the same platform user id in two tenants resolves to each tenant's own person, cached or not", async () => {
    for (let round = 0; round < 2; round++) {
      expect(actorOf(await resolveActor(world.deps, slackUser('TNORTH'), 'north'))).toMatchObject({ tenant: { id: 'north' }, staff: { id: 'ann' } });
      expect(actorOf(await resolveActor(world.deps, slackUser('TSOUTH'), 'north'))).toMatchObject({ tenant: { id: 'south' }, staff: { id: 'sam' } });
      expect(actorOf(await resolveActor(world.deps, teamsUser('aad-south'), 'north'))).toMatchObject({ tenant: { id: 'south' }, staff: { id: 'sam' } });
      expect(actorOf(await resolveActor(world.deps, teamsUser('aad-north'), 'north'))).toMatchObject({ tenant: { id: 'north' }, staff: { id: 'ann' } });
    }
  });

  test('a role change or deactivation written through the watched store shows on the next press', async () => {
    expect(actorOf(await resolveActor(world.deps, slackUser('TNORTH'), 'north')).staff.roles).toEqual(['staff']);
    const ann = (await world.store.staff.get('north', 'ann'))!.value;
    await world.store.staff.put({ ...ann, roles: ['staff', 'cpd-lead'] });
    expect(actorOf(await resolveActor(world.deps, slackUser('TNORTH'), 'north')).staff.roles).toEqual(['staff', 'cpd-lead']);
    await world.store.staff.put({ ...ann, active: false });
    expect((await resolveActor(world.deps, slackUser('TNORTH'), 'north')).ok).toBe(false);
  });

  test("a tenant's settings written through the watched store show on the next press", async () => {
    await resolveActor(world.deps, slackUser('TNORTH'), 'north');
    const north = (await world.store.tenants.get('north', 'north'))!.value;
    await world.store.tenants.put({ ...north, settings: { ...north.settings, timezone: 'Europe/Dublin' } });
    expect(actorOf(await resolveActor(world.deps, slackUser('TNORTH'), 'north')).tenant.settings.timezone).toBe('Europe/Dublin');
  });

  test('a change made elsewhere (another instance, the CLI) shows once the entry expires', async () => {
    await resolveActor(world.deps, slackUser('TNORTH'), 'north');
    const ann = (await world.inner.staff.get('north', 'ann'))!.value;
    await world.inner.staff.put({ ...ann, active: false });
    expect((await resolveActor(world.deps, slackUser('TNORTH'), 'north')).ok).toBe(true);
    world.clock.advance(ACTOR_CACHE_TTL_MS);
    expect((await resolveActor(world.deps, slackUser('TNORTH'), 'north')).ok).toBe(false);
  });

  test('someone unknown is not remembered: once added to the staff list they are let in at once', async () => {
    const newcomer: PlatformIdentity = { platform: 'slack', platformTenantId: 'TNORTH', userId: 'U2' };
    expect((await resolveActor(world.deps, newcomer, 'north')).ok).toBe(false);
    await world.inner.staff.put(staff('north', 'nia', { slack: { userId: 'U2', teamId: 'TNORTH' } }));
    expect(actorOf(await resolveActor(world.deps, newcomer, 'north')).staff.id).toBe('nia');
  });

  test('a workspace recorded on a new tenant is served by it at once, not by the default tenant it fell back to', async () => {
    await world.store.staff.put(staff('north', 'wes', { slack: { userId: 'U3', teamId: 'TWEST' } }));
    const westerner: PlatformIdentity = { platform: 'slack', platformTenantId: 'TWEST', userId: 'U3' };
    expect(actorOf(await resolveActor(world.deps, westerner, 'north')).tenant.id).toBe('north');
    await world.store.tenants.put({ ...tenant('west'), slackTeamId: 'TWEST' });
    await world.store.staff.put(staff('west', 'wyn', { slack: { userId: 'U3', teamId: 'TWEST' } }));
    expect(actorOf(await resolveActor(world.deps, westerner, 'north'))).toMatchObject({ tenant: { id: 'west' }, staff: { id: 'wyn' } });
  });

  test('a look-up that raced a staff or tenant write is not kept', () => {
    const before = world.actors.snapshot();
    world.actors.clear();
    world.actors.rememberTenant('tenant-key', tenant('north'), before);
    world.actors.rememberPerson('person-key', { tenant: tenant('north'), staff: staff('north', 'ann') }, before);
    expect(world.actors.tenant('tenant-key')).toBeUndefined();
    expect(world.actors.person('person-key')).toBeUndefined();
  });

  test('a cached actor cannot be changed by one request for the next', async () => {
    const actor = actorOf(await resolveActor(world.deps, slackUser('TNORTH'), 'north'));
    expect(() => {
      (actor.staff.roles as string[]).push('admin');
    }).toThrow(TypeError);
    expect(actorOf(await resolveActor(world.deps, slackUser('TNORTH'), 'north')).staff.roles).toEqual(['staff']);
  });
});
