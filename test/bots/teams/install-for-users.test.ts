import { invitationReach, invitationReachText } from '../../../src/app/sessions';
import { deliveryId } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { TENANT } from './teams-harness';
import { PEOPLE, TITLE, installActivity, invitationsTo, post, startWorld } from './install-world';

/**
 * Issue 29 item 1: a broadcast reaches people who never opened the bot by installing the app for
 * them through Graph (a local fake answering as Graph does), real botbuilder against the fake
 * connector, and the real scheduler, on both stores.
 */
onBothStores('install-for-users', (label, openStore, done) => {
  describe(`installing the Teams app for people who never opened it (${label})`, () => {
    afterAll(done);

    it('with the permission granted, a broadcast to 10 of whom 4 have no chat reaches all 10; the lead sees 4 installed for', async () => {
      const w = await startWorld(openStore);
      try {
        await w.scheduler.runOnce();
        for (const p of PEOPLE) expect(invitationsTo(w, p.aad)).toHaveLength(1);
        expect([...w.graph.installedFor].sort()).toEqual(PEOPLE.filter((p) => !p.opened).map((p) => p.aad));
        // The catalog id is looked up once, then kept.
        expect(w.graph.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
        for (const p of PEOPLE) {
          const d = (await w.store.deliveries.get(TENANT, deliveryId('invitation', p.id, 'ses-1')))!.value;
          expect(d.status).toBe('sent');
          expect(Boolean(d.installedAt)).toBe(!p.opened);
        }
        const reach = await invitationReach({ store: w.store, clock: w.clock }, TENANT, 'ses-1');
        expect(reach).toEqual({ reached: 10, installedFor: 4, couldNotReach: [], waiting: 0 });
        expect(invitationReachText(TITLE, reach)).toBe(`Invitation to "${TITLE}": reached 10 (the app installed for 4 of them), could not reach 0.`);
      } finally {
        await w.close();
      }
    });

    it('without the permission (403) it reaches 6; the 4 are recorded as "permission missing", Graph asked once, and sent once they open the bot', async () => {
      const w = await startWorld(openStore);
      try {
        w.graph.refuseWith = { status: 403 };
        await w.scheduler.runOnce();
        for (const p of PEOPLE) expect(invitationsTo(w, p.aad)).toHaveLength(p.opened ? 1 : 0);
        // The refusal is recorded for the tenant: the catalog lookup was refused, and nobody else was tried.
        expect(w.graph.requests).toHaveLength(1);
        for (const p of PEOPLE.filter((q) => !q.opened)) {
          const d = (await w.store.deliveries.get(TENANT, deliveryId('invitation', p.id, 'ses-1')))!.value;
          expect(d.status).toBe('failed');
          expect(d.lastError).toMatch(/^unreachable: permission missing: .*TeamsAppInstallation\.ReadWriteSelfForUser\.All/);
        }
        const reach = await invitationReach({ store: w.store, clock: w.clock }, TENANT, 'ses-1');
        const text = invitationReachText(TITLE, reach);
        expect(text).toBe(
          [
            `Invitation to "${TITLE}": reached 6 (the app installed for 0 of them), could not reach 4.`,
            ...['G', 'H', 'I', 'J'].map((l) => `- Person ${l}: permission missing: the bot may not install its Teams app for them (see setup)`),
          ].join('\n'),
        );
        if (process.env.SHOW_LEAD_VIEW) process.stdout.write(`${text}\n`);

        // Later runs do not ask Graph again within the hold; one of the four opens the bot herself.
        w.clock.advance(60_000);
        await w.scheduler.runOnce();
        expect(w.graph.requests).toHaveLength(1);
        await post(w.baseUrl, installActivity(w, 'aad-6', 'Person G'));
        w.clock.advance(60_000);
        await w.scheduler.runOnce();
        expect(invitationsTo(w, 'aad-6')).toHaveLength(1);
        expect((await w.store.deliveries.get(TENANT, deliveryId('invitation', 'stf-6', 'ses-1')))!.value.status).toBe('sent');
      } finally {
        await w.close();
      }
    });
  });
});
