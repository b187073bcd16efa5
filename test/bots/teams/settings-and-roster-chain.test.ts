import { writeFileSync } from 'node:fs';
import { Tenant, type Delivery } from '../../../src/domain';
import { importStaffRoster } from '../../../src/imports/import-staff';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { FakeConnector } from '../../support/fake-connector';
import { startTestScheduler } from '../../support/test-scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { AAD_TENANT, TENANT, cardActionActivity, cardText, installActivity, invokeCard, lastCardTo, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

type Json = Record<string, unknown>;

/** The trust's own roster: the headteacher comes from its Job Title column, the school from its School column. */
const ROSTER = [
  'Email,Forename,Surname,Job Title,School,Line Manager',
  'dawn.cooper@rt.example,Dawn,Cooper,Headteacher,Riverside Academy,',
  'lee.park@rt.example,Lee,Park,Professional Development Lead,Riverside Academy,dawn.cooper@rt.example',
  'mia.shah@rt.example,Mia,Shah,Head of English,Riverside Academy,dawn.cooper@rt.example',
  'jo.patel@rt.example,Jo,Patel,Teacher of English,Riverside Academy,mia.shah@rt.example',
  'tom.reed@rt.example,Tom,Reed,Teacher,Hill Primary,',
].join('\n');

const user = (id: string, name: string): TeamsUser => ({ userId: `29:${id}`, aadObjectId: `aad-${id}`, name, conversationId: `a:personal-${id}` });
const DAWN = user('dawn', 'Dawn Cooper');
const LEE = user('lee', 'Lee Park');
const MIA = user('mia', 'Mia Shah');
const JO = user('jo', 'Jo Patel');
const TOM = user('tom', 'Tom Reed');

const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  mode: 'in-person',
  fee: '250',
  purpose: 'school-priority',
  purposeDetail: 'SIP priority 2: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

/** A chat transcript for the closing note (written only when TRANSCRIPT_OUT names a file). */
const transcript: string[] = [];
const say = (who: string, text: string) => transcript.push(`${who}: ${text.replace(/\n+/g, ' | ')}`);
/** What a card says, as a person reads it: its first lines of text and its buttons. */
const gist = (card: Json | undefined, said: RegExp) => {
  const lines = cardText(card).split('\n');
  return `${lines[0]} | ${lines.find((l) => said.test(l)) ?? ''}${((card?.actions as Json[]) ?? []).map((a) => ` [${String(a.title)}]`).join('')}`;
};

describe('Teams: a headteacher from the roster approves after the line manager; a lead changes settings in chat (real botbuilder, fake connector)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  const tick = async () => {
    h.clock.advance(60_000);
    return scheduler.runOnce();
  };
  const press = async (who: TeamsUser, verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, who, verb, data))).body).value as unknown as Json;
  const cardSent = async (who: TeamsUser, kind: Delivery['kind']) => {
    const sent = (await h.store.deliveries.find(TENANT, { where: { kind } })).map((d) => d.value).filter((d) => d.status === 'sent' && d.platformConversationId === who.conversationId);
    return FakeConnector.card(h.connector.sentTo(who.conversationId).find((a) => a.id === sent.at(-1)?.platformMessageId));
  };

  beforeAll(async () => {
    h = await startTeamsHarness();
    const tenant = Tenant.parse({ tenantId: TENANT, id: TENANT, name: 'Riverside Trust', kind: 'trust', teamsTenantId: AAD_TENANT });
    await h.store.tenants.create(tenant);
    const imported = await importStaffRoster({ store: h.store, clock: h.clock }, tenant, ROSTER);
    expect(imported.ok).toBe(true);
    for (const [who, email] of [[DAWN, 'dawn.cooper'], [LEE, 'lee.park'], [MIA, 'mia.shah'], [JO, 'jo.patel'], [TOM, 'tom.reed']] as const) {
      h.connector.setRoster(who.conversationId, [{ id: who.userId, name: who.name, aadObjectId: who.aadObjectId, email: `${email}@rt.example` }]);
    }
    scheduler = startTestScheduler(h, [h.bot.sender]);
    for (const who of [DAWN, LEE, MIA, JO, TOM]) await postActivity(h, installActivity(h, who));
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
    if (process.env.TRANSCRIPT_OUT) writeFileSync(process.env.TRANSCRIPT_OUT, `${transcript.join('\n')}\n`);
  });

  it('Jo\'s request goes to her line manager, then to Dawn Cooper, headteacher by the roster\'s job title', async () => {
    say('Jo', 'request cpd');
    await postActivity(h, messageActivity(h, JO, 'request cpd'));
    const form = lastCardTo(h, JO);
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('Your request will go to your line manager, Mia Shah, then the headteacher of Riverside Academy, Dawn Cooper. Once approved, Lee Park books it.');
    say('Twilight', gist(form, /will go to/));

    say('Jo', '(fills in the form: "Leading early reading", £250, presses Send my request)');
    const sent = await press(JO, 'request.submit', FORM);
    expect(cardText(sent)).toContain('Sent to Mia Shah for approval');
    say('Twilight', gist(sent, /Sent to/));
    const requestId = (await h.store.cpdRequests.find(TENANT))[0]!.value.id;

    await tick();
    const miaCard = await cardSent(MIA, 'request-approval');
    expect(cardText(miaCard)).toContain('Jo Patel asks to go on "Leading early reading"');
    say('Twilight → Mia', gist(miaCard, /asks to go on/));
    say('Mia', '[Approve]');
    const miaDone = await press(MIA, 'request.approve', { requestId });
    expect(cardText(miaDone)).toContain('Approved. The requester has been told.');
    say('Twilight → Mia', gist(miaDone, /Approved/));

    await tick();
    const dawnCard = await cardSent(DAWN, 'request-approval');
    expect(cardText(dawnCard)).toContain('Jo Patel asks to go on "Leading early reading"');
    expect(((dawnCard?.actions as Json[]) ?? []).map((a) => a.verb)).toEqual(['request.approve', 'request.decline.open', 'request.ask.open']);
    say('Twilight → Dawn', gist(dawnCard, /asks to go on/));
    const joUpdate = await cardSent(JO, 'request-update');
    expect(cardText(joUpdate)).toContain('approved at one step');
    say('Twilight → Jo', gist(joUpdate, /approved at one step/));
    say('Dawn', '[Approve]');
    say('Twilight → Dawn', gist(await press(DAWN, 'request.approve', { requestId }), /Approved/));
    const stored = (await h.store.cpdRequests.get(TENANT, requestId))!.value;
    expect(stored.status).toBe('approved');
    expect(stored.steps.map((s) => [s.role, s.decision?.outcome])).toEqual([['line-manager', 'approved'], ['headteacher', 'approved']]);
    await tick();
    const joApproved = await cardSent(JO, 'request-update');
    expect(cardText(joApproved)).toContain('is approved');
    say('Twilight → Jo', gist(joApproved, /is approved/));
  });

  it('a school with no headteacher: the form says so before sending, the request is not sent, and the lead is told', async () => {
    say('Tom', 'request cpd');
    await postActivity(h, messageActivity(h, TOM, 'request cpd'));
    const form = lastCardTo(h, TOM);
    say('Twilight', gist(form, /no headteacher/));
    expect(cardText(form)).toContain('Hill Primary has no headteacher in Twilight, so a request cannot be fully approved until the CPD lead sets one (they have been told).');
    say('Tom', '(fills in the form anyway and presses Send my request)');
    const refused = await press(TOM, 'request.submit', FORM);
    expect(cardText(refused)).toContain('Not sent: Hill Primary has no headteacher in Twilight');
    say('Twilight', gist(refused, /Not sent/));
    expect((refused.body as Json[]).find((e) => e.id === 'courseTitle')).toMatchObject({ value: 'Leading early reading' });
    // Only Jo's request above is stored: Tom's was not sent.
    expect(await h.store.cpdRequests.count(TENANT)).toBe(1);
    await tick();
    const told = await cardSent(LEE, 'approver-missing');
    expect(cardText(told)).toContain('Hill Primary has no headteacher (settings set headteacher.hill-primary EMAIL)');
    say('Twilight → Lee (CPD lead)', gist(told, /Someone asking/));
  });

  it('the lead sees and changes settings on a card: a refusal beside its field, then saved, recorded and planned again', async () => {
    await postActivity(h, messageActivity(h, JO, 'settings'));
    expect(cardText(lastCardTo(h, JO))).toMatch(/CPD lead/);

    await postActivity(h, messageActivity(h, LEE, 'settings'));
    const schools = lastCardTo(h, LEE);
    expect(adaptiveCardProblems(schools)).toEqual([]);
    const inputs = (card: Json | undefined) => ((card?.body as Json[]) ?? []).filter((e) => typeof e.id === 'string');
    expect(inputs(schools).map((e) => [e.id, e.value])).toEqual([
      ['schools', 'Riverside Academy; Hill Primary'],
      ['headteacher.riverside-academy', 'dawn.cooper@rt.example'],
      // From the roster's "Professional Development Lead".
      ['cpd-lead.riverside-academy', 'lee.park@rt.example'],
      ['school-cpd-lead.riverside-academy', undefined],
      ['headteacher.hill-primary', undefined],
      ['cpd-lead.hill-primary', undefined],
      ['school-cpd-lead.hill-primary', undefined],
    ]);

    const messages = await press(LEE, 'settings.open', { settingsSection: 'messages' });
    expect(adaptiveCardProblems(messages)).toEqual([]);
    const values = Object.fromEntries(inputs(messages).map((e) => [e.id as string, String(e.value ?? '')]));
    expect(values['quiet-hours']).toBe('18:00-07:30');

    const refused = await press(LEE, 'settings.save', { settingsSection: 'messages', ...values, 'quiet-hours': 'evenings', 'digest-time': '25:00' });
    const body = refused.body as Json[];
    const after = (id: string) => body[body.findIndex((e) => e.id === id) + 2];
    expect(cardText(refused)).toContain('Nothing was saved');
    expect(after('quiet-hours')).toMatchObject({ text: 'Give two times as HH:MM-HH:MM, e.g. 18:00-07:30.', color: 'Attention' });
    expect(after('digest-time')).toMatchObject({ text: 'Give a time as HH:MM, e.g. 07:30.', color: 'Attention' });
    expect((await h.store.calendars.get(TENANT, 'calendar'))?.value.quietHours ?? { start: '18:00', end: '07:30' }).toEqual({ start: '18:00', end: '07:30' });

    const saved = await press(LEE, 'settings.save', { settingsSection: 'messages', ...values, 'quiet-hours': '19:00-07:00' });
    expect(cardText(saved)).toContain('Saved. Quiet hours: 18:00-07:30 → 19:00-07:00.');
    expect((await h.store.calendars.get(TENANT, 'calendar'))!.value.quietHours).toEqual({ start: '19:00', end: '07:00' });
    // The change asks the planner to plan the tenant again (the change log's request, due at once).
    expect((await h.store.planRequests.get(TENANT, 'tenant'))?.value).toMatchObject({ subject: { kind: 'tenant' }, availableAt: '1970-01-01T00:00:00.000Z' });

    const privacy = await press(LEE, 'settings.save', { settingsSection: 'privacy', 'min-group-size': '4', 'retention-days': '2190' });
    expect(cardText(privacy)).toContain('Below 5, a manager may be able to tell who gave an answer');

    await postActivity(h, messageActivity(h, LEE, 'settings history'));
    const history = JSON.stringify(lastCardTo(h, LEE));
    expect(history).toContain('min-group-size: 5 → 4');
    expect(history).toContain('quiet-hours: 18:00-07:30 → 19:00-07:00');
    expect(history).toContain('Lee Park');
  });
});
