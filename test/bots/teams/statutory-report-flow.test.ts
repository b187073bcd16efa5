import { Staff, statutoryReportId, statutoryTrainingId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { AAD_TENANT, cardActionActivity, cardText, fileMessage, installActivity, invokeCard, JO, lastCardTo, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser, TENANT } from './teams-harness';

type Json = Record<string, unknown>;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from('first aid certificate')]);
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };
const MIA: TeamsUser = { userId: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Manager', conversationId: 'a:personal-mia' };


const inputIds = (card: Json | undefined) => ((card?.body as Json[]) ?? []).map((e) => e.id).filter(Boolean);

/** Issue 26 item 2 in Teams: Jo reports first aid training with its certificate; the lead confirms it from the card; the DSL and the line manager see no list. */
onBothStores('teams-statutory-report', (label, open, done) => {
  describe(`reported statutory training via fake connector (real botbuilder, real scheduler) (${label})`, () => {
    let h: TeamsHarness;
    let scheduler: Scheduler;
    let host: LocalFileHost;
    beforeAll(async () => {
      host = await new LocalFileHost().start();
      // Friday 20 November 2026, 09:00 (the harness's clock).
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open });
      h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
      await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', schoolId: 'sch-1', lineManagerId: 'stf-mia', statutoryGroups: ['first-aiders'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: 'sam@school.example', teams: { aadObjectId: SAM.aadObjectId }, roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-mia', name: MIA.name, email: 'mia@school.example', teams: { aadObjectId: MIA.aadObjectId }, roles: ['staff', 'line-manager'] }));
      for (const user of [JO, SAM, MIA]) await postActivity(h, installActivity(h, user));
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await host.stop();
      await done();
    });

    it('Jo types "report training": her own topics first; an unknown topic and a future day are marked beside their fields with nothing written; then the report and its certificate', async () => {
      await postActivity(h, messageActivity(h, JO, 'report training'));
      const form = lastCardTo(h, JO);
      expect(inputIds(form)).toEqual(['topic', 'completedOn']);
      const topics = ((form?.body as Json[]).find((e) => e.id === 'topic')!.choices as Json[]).map((c) => c.value);
      expect(topics).toEqual(['Safeguarding', 'Prevent', 'Fire safety', 'First aid', 'DSL']);
      expect((form?.body as Json[]).find((e) => e.id === 'completedOn')).toMatchObject({ value: '2026-11-20', max: '2026-11-20' });

      const refused = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'statutory.report.submit', { topic: 'Knitting', completedOn: '2026-11-27' }))).body).value!;
      expect(cardText(refused)).toContain('"Knitting" is not one of the statutory topics: choose one from the list.');
      expect(cardText(refused)).toContain('Report training once it is done: choose today or an earlier day.');
      expect(refused.body.find((e) => e.id === 'completedOn')).toMatchObject({ value: '2026-11-27' });
      expect(await h.store.statutoryReports.count(TENANT)).toBe(0);

      const sent = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'statutory.report.submit', { topic: 'First aid', completedOn: '2026-11-18' }))).body).value!;
      expect(cardText(sent)).toContain('First aid on Wednesday 18 November 2026 is reported.');
      await postActivity(h, fileMessage(h, JO, 'first-aid.png', host.put('/download/first-aid.png', PNG)));
      expect(cardText(lastCardTo(h, JO))).toContain('Kept with your First aid report: your CPD lead sees it when they confirm it.');
      for (const c of [form, refused, sent]) expect(adaptiveCardProblems(c)).toEqual([]);
    });

    it('Sam gets the card with the certificate named; Confirm puts it on the record and Jo is told; the line manager cannot confirm and sees no statutory list', async () => {
      await scheduler.runOnce();
      const card = FakeConnector.card(h.connector.sentTo(SAM.conversationId).at(-1)!);
      // The facts of the card (a FactSet: title and value).
      expect(JSON.stringify(card)).toContain('first-aid.png (PNG), sent with the report');
      expect(JSON.stringify(card)).toContain('Lapses Sunday 18 November 2029 (renewed every 36 months)');
      expect(adaptiveCardProblems(card)).toEqual([]);
      const reportId = statutoryReportId('stf-jo', 'First aid', '2026-11-18');

      const notMia = invokeCard((await postActivity(h, cardActionActivity(h, MIA, 'statutory.report.confirm', { statutoryReportId: reportId }))).body).value!;
      expect(cardText(notMia)).toContain("Only a CPD lead for this person's school can confirm their training.");
      await postActivity(h, messageActivity(h, MIA, 'statutory'));
      expect(cardText(lastCardTo(h, MIA))).toMatch(/Only CPD leads can do that/);
      expect(await h.store.statutoryTraining.count(TENANT)).toBe(0);

      const confirmed = invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'statutory.report.confirm', { statutoryReportId: reportId }))).body).value!;
      expect(cardText(confirmed)).toContain('Confirmed by Sam Lee: it is on the record.');
      expect(confirmed.actions ?? []).toEqual([]);
      expect((await h.store.statutoryTraining.get(TENANT, statutoryTrainingId('stf-jo', 'First aid')))!.value).toMatchObject({ completedOn: '2026-11-18', expiresOn: '2029-11-18' });
      await scheduler.runOnce();
      await scheduler.runOnce();
      const toJo = h.connector.sentTo(JO.conversationId).map((a) => cardText(FakeConnector.card(a)));
      expect(toJo.filter((t) => t.includes('Your First aid training of Wednesday 18 November 2026 is confirmed and on your record.'))).toHaveLength(1);
      // Training is now recorded in the school, so what she never had is reminded (once this period); first aid is not.
      expect(toJo.filter((t) => t.startsWith('Statutory training due')).map((t) => t.split(' training is due')[0]!.split('Your ')[1]).sort()).toEqual(['Fire safety', 'Prevent', 'Safeguarding']);

      // The lead's list: Jo's first aid is up to date now; her safeguarding never recorded.
      await postActivity(h, messageActivity(h, SAM, 'statutory'));
      const list = cardText(lastCardTo(h, SAM));
      expect(list).toContain('Due: never recorded');
      expect(list).toContain('Jo Patel: Safeguarding. Never recorded');
      expect(list).not.toContain('Jo Patel: First aid');
    });
    it('a session the lead marks as covering a statutory topic renews the record of those marked present when the register is saved, once', async () => {
      await postActivity(h, messageActivity(h, SAM, 'new session'));
      const form = lastCardTo(h, SAM);
      const field = (form?.body as Json[]).find((e) => e.id === 'statutoryTopic');
      expect((field?.choices as Json[]).map((c) => c.value)).toEqual(['Safeguarding', 'Prevent', 'Fire safety', 'DSL', 'First aid']);
      const FORM = { title: 'Fire safety briefing', category: 'P', kind: 'inset', date: '2026-11-26', start: '16:00', end: '17:00', place: 'Hall', audienceKind: 'staff', audienceValue: 'jo.patel@school.example', compulsory: 'true' };
      const refused = invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'session.create', { ...FORM, statutoryTopic: 'Juggling' }))).body).value!;
      expect(cardText(refused)).toContain('Choose one of the statutory topics offered (settings statutory names them).');
      expect(await h.store.sessions.count(TENANT, { title: 'Fire safety briefing' })).toBe(0);
      await postActivity(h, cardActionActivity(h, SAM, 'session.create', { ...FORM, statutoryTopic: 'fire safety' }));
      const [created] = await h.store.sessions.find(TENANT, { where: { title: 'Fire safety briefing' } });
      expect(created?.value.statutoryTopic).toBe('Fire safety');

      h.clock.set('2026-11-26T15:30:00.000Z');
      const inputs = { sessionId: created!.value.id, 'present:stf-jo': 'true' };
      const saved = invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'register.submit', inputs))).body).value!;
      expect(cardText(saved)).toContain("Register saved: 1 present, 0 absent (Fire safety renewed on 1 person's record)");
      expect((await h.store.statutoryTraining.get(TENANT, statutoryTrainingId('stf-jo', 'Fire safety')))!.value).toMatchObject({ completedOn: '2026-11-26', expiresOn: '2027-11-26' });
      const again = invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'register.submit', inputs))).body).value!;
      expect(cardText(again)).toContain("Register saved: 1 present, 0 absent (Fire safety renewed on 0 people's records, 1 already up to date from this session or later)");
      expect(await h.store.statutoryTraining.count(TENANT, { staffId: 'stf-jo' })).toBe(2);
    });
  });
});
