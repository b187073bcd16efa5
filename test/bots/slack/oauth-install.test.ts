import { SLACK_INSTALLATIONS, Staff, deliveryId } from '../../../src/domain';
import { linkPlatformTenant } from '../../../src/app/tenants';
import { onBothStores } from '../../support/both-stores';
import { session } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { TENANT } from './slack-harness';
import { installWorkspace, postEventFrom, startOAuthHarness } from './oauth-world';

/**
 * Issue 29 item 2: a trust across Slack workspaces. Real bolt and Bolt's installer, the fake Slack
 * Web API answering oauth.v2.access, signed events, the real scheduler, on both stores.
 */
onBothStores('slack-oauth', (label, openStore, done) => {
  describe(`Slack OAuth installs, a trust across two workspaces (${label})`, () => {
    afterAll(done);

    it("two workspaces of one trust each get their people's messages with their own token; a revoked workspace's token is gone", async () => {
      const h = await startOAuthHarness(openStore);
      try {
        const installedA = await installWorkspace(h, 'T0NORTH', 'xoxb-north');
        expect(installedA).toMatchObject({ status: 200 });
        expect(installedA.text).toContain('link slack T0NORTH');
        expect((await installWorkspace(h, 'T0SOUTH', 'xoxb-south')).status).toBe(200);
        // Tokens at rest are sealed: neither appears in the stored records.
        const stored = await h.store.slackInstallations.find(SLACK_INSTALLATIONS);
        expect(stored.map((r) => r.value.id).sort()).toEqual(['team:T0NORTH', 'team:T0SOUTH']);
        expect(JSON.stringify(stored)).not.toMatch(/xoxb-/);
        expect(stored.every((r) => r.value.requestedTenantId === TENANT)).toBe(true);

        // The lead links both workspaces to the trust.
        expect(await linkPlatformTenant(h, TENANT, 'slack', 'T0NORTH')).toMatchObject({ ok: true });
        expect(await linkPlatformTenant(h, TENANT, 'slack', 'T0SOUTH', { also: true })).toMatchObject({ ok: true });
        await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-n', name: 'Nia North', email: 'nia@north.example', roles: ['staff'], slack: { userId: 'UNIA', teamId: 'T0NORTH' } }));
        await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-s', name: 'Sol South', email: 'sol@south.example', roles: ['staff'], slack: { userId: 'USOL', teamId: 'T0SOUTH' } }));
        await h.store.sessions.create(session(TENANT, 'ses-1', { title: 'Retrieval practice that sticks' }));
        const scheduler = startTestScheduler(h, [h.bot.sender]);
        try {
          await scheduler.runOnce();
          const posts = h.api.callsOf('chat.postMessage');
          expect(posts.filter((c) => c.args.channel === 'UNIA').map((c) => c.token)).toEqual(['xoxb-north']);
          expect(posts.filter((c) => c.args.channel === 'USOL').map((c) => c.token)).toEqual(['xoxb-south']);
          // Inbound too: bolt authorizes each workspace's request with its own token, and its person is the trust's.
          expect(await postEventFrom(h, 'T0SOUTH', 'EvHomeSouth', { type: 'app_home_opened', user: 'USOL', tab: 'home', channel: 'DSOL' })).toBe(200);
          const home = h.api.callsOf('views.publish').find((c) => c.args.user_id === 'USOL');
          expect(home?.token).toBe('xoxb-south');
          expect(JSON.stringify(home?.args.view)).toContain('Retrieval practice that sticks');

          // The north workspace uninstalls the app: its token is deleted, its people unreachable; south unaffected.
          expect(await postEventFrom(h, 'T0NORTH', 'EvUninstall1', { type: 'app_uninstalled' })).toBe(200);
          expect(await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'team:T0NORTH')).toBeUndefined();
          expect(await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'team:T0SOUTH')).toBeDefined();
          expect((await h.store.staff.get(TENANT, 'stf-n'))!.value.slack).toBeUndefined();
          expect((await h.store.staff.get(TENANT, 'stf-s'))!.value.slack?.teamId).toBe('T0SOUTH');
          await h.store.sessions.create(session(TENANT, 'ses-2', { title: 'Adaptive teaching' }));
          h.clock.advance(60_000);
          await scheduler.runOnce();
          expect((await h.store.deliveries.get(TENANT, deliveryId('invitation', 'stf-n', 'ses-2')))!.value).toMatchObject({ status: 'failed' });
          expect((await h.store.deliveries.get(TENANT, deliveryId('invitation', 'stf-s', 'ses-2')))!.value).toMatchObject({ status: 'sent' });
          expect(h.api.callsOf('chat.postMessage').filter((c) => c.token === 'xoxb-north')).toHaveLength(1);
        } finally {
          await scheduler.stop();
        }
      } finally {
        await h.close();
      }
    });
  });
});
