import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { receiveSchoolFile } from '../../../src/app/school-files';
import { welcomeOnFirstVisit } from '../../../src/app/welcome';
import { nameCpdLead } from '../../../src/app/setup';
import { undeliveredReasonOf } from '../../../src/app/reach';
import type { SetupView, UnreachableView } from '../../../src/cards/views/setup';
import type { LeadDigestView, LeadReportView } from '../../../src/cards/views';
import { budgetId, ManualClock, SchoolCalendar, Staff, type Tenant } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../../src/cards/blockkit';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { slackLimitBreaches } from '../../cards/blockkit/slack-limits';
import { GOOD_ROSTER } from '../../support/file-host';
import { delivery, session } from '../../support/fixtures';

const T = 'hillside';
const LEAD_EMAIL = 'lee.lead@hillside.example';

onBothStores('setup', (label, open, done) => {
  describe(`a school set up from chat (${label})`, () => {
    let store: Store;
    const clock = new ManualClock('2026-11-20T09:00:00.000Z');
    const deps = () => ({ store, clock });
    const tenantNow = async (): Promise<Tenant> => (await store.tenants.get(T, T))!.value;
    const leadNow = async (): Promise<Staff> => (await store.staff.find(T, { where: { email: LEAD_EMAIL } }))[0]!.value;

    beforeAll(async () => {
      store = await open(clock);
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it('the deployer names the first lead by e-mail on an empty store: the school and the lead are created, once', async () => {
      const first = await nameCpdLead(deps(), T, { email: 'Lee.Lead@hillside.example' });
      expect(first).toMatchObject({ ok: true, outcome: 'created', tenantCreated: true, staff: { name: 'Lee Lead', email: LEAD_EMAIL, roles: ['staff', 'cpd-lead'] } });
      const again = await nameCpdLead(deps(), T, { email: LEAD_EMAIL });
      expect(again).toMatchObject({ ok: true, outcome: 'already-lead', tenantCreated: false });
      expect(await store.staff.count(T)).toBe(1);
      // At each start (FIRST_CPD_LEAD_EMAIL) it acts only while the school has no lead: a lead who left is not brought back.
      expect(await nameCpdLead(deps(), T, { email: 'someone.else@hillside.example' }, { firstOnly: true })).toEqual({ ok: true, outcome: 'has-a-lead', tenantCreated: false });
      expect(await store.staff.count(T)).toBe(1);
      expect(await nameCpdLead(deps(), T, { email: 'not an address' })).toEqual({ ok: false, message: '"not an address" is not an e-mail address.' });
    });

    it('their first visit is welcomed with the checklist, every gap with its one fix; the second visit is not', async () => {
      const actor = { tenant: await tenantNow(), staff: await leadNow() };
      const welcome = await welcomeOnFirstVisit(deps(), actor);
      expect(welcome?.welcome).toMatch(/^Hello Lee: you are hillside's CPD lead in Twilight/);
      const open = welcome!.items.filter((i) => !i.done);
      expect(open.map((i) => i.text)).toEqual([
        'No staff list yet: you are the only person Twilight knows',
        'No term calendar for 2026-27: reminders and digests may land in holidays',
        'hillside has no headteacher named: CPD requests there are approved by the line manager alone',
        'No CPD budget for 2026-27: requests cannot show what is left',
        'Not linked to your Teams or Slack: Twilight serves you only as the single school it was deployed for',
        '1 person cannot be reached yet: they have not opened Twilight and are in no team it was added to',
      ]);
      expect(open.every((i) => (i.action ?? '').length > 20)).toBe(true);
      expect(open[0]!.action).toContain('Send me the staff list here, as a CSV file');
      expect(open[3]!.action).toBe('Type "budget set hillside 6000" (the school\'s name, or "trust", and the amount in pounds).');
      expect(welcome!.items.filter((i) => i.done).map((i) => i.text)).toEqual(['hillside: CPD lead Lee Lead']);
      expect(await welcomeOnFirstVisit(deps(), actor)).toBeUndefined();
    });

    it('as the lead fixes each gap, `setup` ticks it off, until the school is set up', async () => {
      const actor = async () => ({ tenant: await tenantNow(), staff: await leadNow() });
      const preview = await receiveSchoolFile(deps(), await actor(), { name: 'staff.csv', download: async () => ({ ok: true, bytes: new TextEncoder().encode(GOOD_ROSTER) }) });
      await handleCardAction(deps(), await actor(), { verb: 'file.import', fileImportId: preview.kind === 'file-import' ? preview.fileImportId : undefined });
      await store.calendars.put(SchoolCalendar.parse({ tenantId: T, terms: [{ start: '2026-09-02', end: '2026-12-18', name: 'Autumn' }] }));
      await store.cpdBudgets.put({ tenantId: T, id: budgetId('2026-27'), scope: 'trust', academicYear: '2026-27', amountPence: 600000, setAt: clock.now().toISOString() });
      const dawn = (await store.staff.find(T, { where: { email: 'dawn.cooper@school.example' } }))[0]!.value;
      const tenant = await tenantNow();
      tenant.settings.cpdRequests.headteacherBySchool[T] = dawn.id;
      await store.tenants.put({ ...tenant, teamsTenantId: 'entra-hillside' });
      let view = (await runCommand(deps(), await actor(), 'setup')) as SetupView;
      expect(view.items.filter((i) => !i.done).map((i) => i.text)).toEqual(['4 people cannot be reached yet: they have not opened Twilight and are in no team it was added to']);
      for (const v of await store.staff.find(T)) await store.staff.put({ ...v.value, teams: { aadObjectId: `aad-${v.value.id}` } });
      view = (await runCommand(deps(), await actor(), 'setup')) as SetupView;
      expect(view.items.every((i) => i.done)).toBe(true);
      expect(view.items.map((i) => i.text)).toContain('hillside: headteacher Dawn Cooper');
    });

    it('`setup` and `unreachable` are for CPD leads only', async () => {
      const dawn = (await store.staff.find(T, { where: { email: 'dawn.cooper@school.example' } }))[0]!.value;
      const actor = { tenant: await tenantNow(), staff: dawn };
      for (const command of ['setup', 'unreachable']) {
        const view = await runCommand(deps(), actor, command);
        expect(view.kind === 'notice' && view.notice.text).toBe('Only CPD leads can do that. Say "help" to see what you can do.');
      }
    });

    it('who could not be reached: by reason with the fix, names for the lead; in the session report (counts only for a facilitator) and the digest', async () => {
      const people = Object.fromEntries((await store.staff.find(T)).map((v) => [v.value.name, v.value]));
      await store.sessions.put(session(T, 'ses-1', { title: 'Retrieval practice', startsAt: '2026-11-17T16:00:00.000Z', endsAt: '2026-11-17T17:00:00.000Z', status: 'published', facilitatorIds: [people['Ravi Kumar']!.id] }));
      const failed = (recipient: Staff, kind: 'invitation' | 'reminder-day-before', lastError: string) =>
        delivery(T, recipient.id, { kind, subject: { sessionId: 'ses-1' }, status: 'failed', lastError, dueAt: '2026-11-16T09:00:00.000Z' });
      await store.deliveries.put(failed(people['Ella Ward']!, 'invitation', 'unreachable: no linked Teams or Slack account'));
      await store.deliveries.put(failed(people['Ella Ward']!, 'reminder-day-before', 'unreachable: no linked Teams or Slack account'));
      await store.deliveries.put(failed(people['Dawn Cooper']!, 'invitation', 'unreachable: the bot was removed from this Teams chat (uninstalled)'));
      await store.deliveries.put(failed(people['Lee Lead']!, 'invitation', 'unreachable: 403: Forbidden'));
      // Sent, and failed long ago: neither counts in the last 30 days' list.
      await store.deliveries.put({ ...failed(people['Ravi Kumar']!, 'invitation', 'x'), status: 'sent' });
      await store.deliveries.put({ ...failed(people['Ravi Kumar']!, 'reminder-day-before', 'unreachable: no linked Slack user'), dueAt: '2026-09-01T09:00:00.000Z', subject: { sessionId: 'old' } });

      const lead = { tenant: await tenantNow(), staff: people['Lee Lead']! };
      const view = (await runCommand(deps(), lead, 'unreachable')) as UnreachableView;
      expect(view.summary.messages).toBe(4);
      expect(view.summary.groups.map((g) => [g.reason, g.messages, g.people, g.names])).toEqual([
        ['no-account', 2, 1, ['Ella Ward']],
        ['removed', 1, 1, ['Dawn Cooper']],
        ['blocked', 1, 1, ['Lee Lead']],
      ]);
      expect(view.summary.groups[1]!.action).toContain('Ask them to add Twilight again');

      const report = (await runCommand(deps(), lead, 'report Retrieval practice')) as LeadReportView;
      expect(report.undelivered?.messages).toBe(4);
      expect(report.undelivered?.groups[0]!.names).toEqual(['Ella Ward']);
      const facilitator = { tenant: await tenantNow(), staff: people['Ravi Kumar']! };
      const theirs = (await runCommand(deps(), facilitator, 'report Retrieval practice')) as LeadReportView;
      expect(theirs.undelivered?.messages).toBe(4);
      expect(theirs.undelivered?.groups.every((g) => g.names === undefined)).toBe(true);

      const digest = (await runCommand(deps(), lead, 'programme')) as LeadDigestView;
      expect(digest.undelivered).toMatchObject({ messages: 4, people: 3, periodText: 'in the last 7 days', namesHint: 'Type “unreachable” for their names.' });
      // The digest names nobody (docs/privacy.md): the reasons and counts, and where the names are.
      expect(digest.undelivered?.groups.every((g) => g.names === undefined)).toBe(true);

      // Both renderers show it, within each platform's rules.
      for (const shown of [report, view]) {
        const card = renderAdaptiveCard(shown);
        expect(adaptiveCardProblems(card)).toEqual([]);
        expect(JSON.stringify(card)).toContain('no Teams or Slack account linked (Ella Ward)');
        const message = renderBlockKitMessage(shown);
        expect(slackLimitBreaches(message, 'message')).toEqual([]);
        expect(JSON.stringify(message.blocks)).toContain('no Teams or Slack account linked (Ella Ward)');
      }
      expect(JSON.stringify(renderAdaptiveCard(theirs))).not.toContain('Ella Ward');
      expect(adaptiveCardProblems(renderAdaptiveCard(digest))).toEqual([]);
      expect(JSON.stringify(renderBlockKitMessage(digest).blocks)).toContain('2 messages to 1 person: no Teams or Slack account linked');
      expect(JSON.stringify(renderBlockKitMessage(digest).blocks)).not.toContain('Ella Ward');
    });
  });
});

describe('why a message was not delivered, from what the dispatcher recorded', () => {
  it.each([
    ['unreachable: no linked Teams or Slack account', 'no-account'],
    ['unreachable: no linked Slack user', 'no-account'],
    ['unreachable: no Teams user id: the person has not been seen in Teams yet', 'no-account'],
    ['unreachable: no personal chat and no team install to open one from', 'no-account'],
    ['unreachable: the bot was removed from this Teams chat (uninstalled)', 'removed'],
    ['unreachable: 404: Conversation not found', 'removed'],
    ['unreachable: cannot_dm_bot', 'removed'],
    ['unreachable: 403: The bot is blocked by the user', 'blocked'],
    ['unreachable: account_inactive', 'blocked'],
    ['400: bad request', 'failed'],
    [undefined, 'failed'],
  ] as const)('%s → %s', (lastError, reason) => {
    expect(undeliveredReasonOf(lastError)).toBe(reason);
  });
});
