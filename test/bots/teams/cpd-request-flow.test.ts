import { Staff, TenantSettings, type Delivery } from '../../../src/domain';
import { FakeConnector } from '../../support/fake-connector';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { tenant } from '../../support/fixtures';
import {
  JO,
  TENANT,
  cardActionActivity,
  cardText,
  installActivity,
  invokeCard,
  lastCardTo,
  messageActivity,
  postActivity,
  startTeamsHarness,
  AAD_TENANT,
  type TeamsHarness,
  type TeamsUser,
} from './teams-harness';

type Json = Record<string, unknown>;

const MIA: TeamsUser = { userId: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Manager', conversationId: 'a:personal-mia' };
const HAL: TeamsUser = { userId: '29:hal', aadObjectId: 'aad-hal', name: 'Hal Head', conversationId: 'a:personal-hal' };
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };

const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  link: 'https://hub.example/reading',
  startDate: '2027-01-12',
  startTime: '09:00',
  endTime: '15:30',
  mode: 'in-person',
  fee: '250',
  travel: '18.40',
  coverHalfDays: 2,
  purpose: 'school-priority',
  purposeDetail: 'SIP priority 2: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

const actionsOf = (card: Json | undefined) => ((card?.actions as Json[]) ?? []).map((a) => a.verb);

describe('CPD request via fake connector (real botbuilder, real express server, real scheduler)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  const tick = async () => {
    h.clock.advance(60_000);
    return scheduler.runOnce();
  };
  const press = async (user: TeamsUser, verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, user, verb, data))).body).value as unknown as Json;

  /** The card the outbox sent this person for a message about a request (other messages, e.g. digests, go out too). */
  const cardSent = async (user: TeamsUser, kind: Delivery['kind']) => {
    const sent = (await h.store.deliveries.find(TENANT, { where: { kind } })).map((d) => d.value).filter((d) => d.status === 'sent' && d.platformConversationId === user.conversationId);
    const latest = sent.sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '')).at(-1);
    return FakeConnector.card(h.connector.sentTo(user.conversationId).find((a) => a.id === latest?.platformMessageId));
  };

  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT (school hours).
    h = await startTeamsHarness();
    h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
    const base = tenant(TENANT);
    await h.store.tenants.create({ ...base, teamsTenantId: AAD_TENANT, settings: TenantSettings.parse({ ...base.settings, cpdRequests: { headteacherBySchool: { 'sch-1': 'stf-hal' } } }) });
    const person = (id: string, user: TeamsUser, extra: Partial<Staff> = {}) =>
      Staff.parse({ tenantId: TENANT, id, name: user.name, email: `${id}@school.example`, teams: { aadObjectId: user.aadObjectId }, ...extra });
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
    await h.store.staff.create(person('stf-mia', MIA, { roles: ['staff', 'line-manager'], schoolId: 'sch-1' }));
    await h.store.staff.create(person('stf-hal', HAL, { schoolId: 'sch-1' }));
    await h.store.staff.create(person('stf-sam', SAM, { roles: ['staff', 'cpd-lead'] }));
    scheduler = startTestScheduler(h, [h.bot.sender]);
    for (const user of [JO, MIA, HAL, SAM]) await postActivity(h, installActivity(h, user));
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('request → line manager approves → headteacher declines with a reason → requester told; a forged approve changes nothing', async () => {
    // Jo asks for the form; it is one card with every field.
    await postActivity(h, messageActivity(h, JO, 'request cpd'));
    const form = lastCardTo(h, JO);
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect(actionsOf(form)).toEqual(['request.submit']);
    expect(((form?.body as Json[]) ?? []).map((e) => e.id).filter(Boolean)).toEqual(expect.arrayContaining(['courseTitle', 'fee', 'coverHalfDays', 'purpose', 'intendedImpact']));

    // Refused: every error at once beside its field, her input kept, nothing written.
    const refused = await press(JO, 'request.submit', { ...FORM, fee: 'about 250', mode: '', purposeDetail: '' });
    const refusedText = cardText(refused);
    expect(refusedText).toContain('Give an amount in pounds');
    expect(refusedText).toContain('Please choose one.');
    expect(refusedText).toContain('Please fill this in.');
    expect((refused.body as Json[]).find((e) => e.id === 'fee')).toMatchObject({ value: 'about 250' });
    expect(await h.store.cpdRequests.count(TENANT)).toBe(0);

    const sent = await press(JO, 'request.submit', FORM);
    expect(cardText(sent)).toContain('Sent to Mia Manager for approval');
    const [stored] = await h.store.cpdRequests.find(TENANT);
    const requestId = stored!.value.id;
    expect(sent.refresh).toMatchObject({ action: { verb: 'refresh', data: { requestId } }, userIds: [JO.userId] });

    // The scheduler sends Mia the approval card.
    await tick();
    const miaCard = await cardSent(MIA, 'request-approval');
    expect(adaptiveCardProblems(miaCard)).toEqual([]);
    expect(actionsOf(miaCard)).toEqual(['request.approve', 'request.decline.open', 'request.ask.open']);
    expect(JSON.stringify(miaCard)).toContain('£250.00 fee + £18.40 travel');
    expect(JSON.stringify(miaCard)).toContain('No budget set for this year');

    // A forged approve from Hal (not yet his turn) and from Jo herself: refused, nothing changes.
    const version = (await h.store.cpdRequests.get(TENANT, requestId))?.version;
    expect(cardText(await press(HAL, 'request.approve', { requestId }))).toMatch(/can't find that request/);
    expect(cardText(await press(JO, 'request.approve', { requestId }))).toContain('not waiting for you');
    expect((await h.store.cpdRequests.get(TENANT, requestId))?.version).toBe(version);

    // Mia approves; Hal gets his card, Jo is told.
    const approved = await press(MIA, 'request.approve', { requestId });
    expect(cardText(approved)).toContain('Approved. The requester has been told.');
    expect(actionsOf(approved)).toEqual([]);
    await tick();
    expect(actionsOf(await cardSent(HAL, 'request-approval'))).toEqual(['request.approve', 'request.decline.open', 'request.ask.open']);
    expect(cardText(await cardSent(JO, 'request-update'))).toContain('approved at one step');

    // Hal declines: the reason form, an empty reason refused beside the field, then declined.
    const reasonForm = await press(HAL, 'request.decline.open', { requestId });
    expect(((reasonForm.body as Json[]) ?? []).map((e) => e.id).filter(Boolean)).toEqual(['reason']);
    expect(cardText(await press(HAL, 'request.decline', { requestId, reason: ' ' }))).toContain('Please give a reason for declining.');
    const declined = await press(HAL, 'request.decline', { requestId, reason: 'Not one of this year’s priorities' });
    expect(cardText(declined)).toContain('Declined. The requester has been told why.');
    await tick();
    expect(cardText(await cardSent(JO, 'request-update'))).toContain('declined: Not one of this year’s priorities');
    expect((await h.store.cpdRequests.get(TENANT, requestId))?.value.status).toBe('declined');

    // Mia's older card, refreshed (as Teams does on view), shows the current state with no buttons.
    const refreshed = await press(MIA, 'refresh', { requestId });
    expect(cardText(refreshed)).toContain('Declined');
    expect(JSON.stringify(refreshed)).toContain('Declined: Not one of this year’s priorities');
    expect(actionsOf(refreshed)).toEqual([]);
  });

  it('two presses at once on the same approval: one decision', async () => {
    await press(JO, 'request.submit', { ...FORM, courseTitle: 'Maths mastery' });
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value).filter((r) => r.details.courseTitle === 'Maths mastery');
    const [a, b] = await Promise.all([press(MIA, 'request.approve', { requestId: request!.id }), press(MIA, 'request.decline', { requestId: request!.id, reason: 'No cover that week' })]);
    const texts = [cardText(a), cardText(b)];
    expect(texts.filter((t) => /Approved\. The requester|Declined\. The requester/.test(t))).toHaveLength(1);
    const stored = (await h.store.cpdRequests.get(TENANT, request!.id))!.value;
    expect(stored.steps.filter((s) => s.decision !== undefined)).toHaveLength(1);
  });

  it('an approver who never answers: nudged once after 3 school days, then the CPD lead is told (clock moved)', async () => {
    await press(JO, 'request.submit', { ...FORM, courseTitle: 'Behaviour for learning' });
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value).filter((r) => r.details.courseTitle === 'Behaviour for learning');
    const nudges = async () => (await h.store.deliveries.find(TENANT, { where: { kind: 'request-nudge', recipientId: 'stf-mia' } })).filter((d) => d.value.subject.requestId === request!.id);
    const leadTold = async () => (await h.store.deliveries.find(TENANT, { where: { kind: 'request-overdue-lead' } })).filter((d) => d.value.subject.requestId === request!.id);

    // Sent on Friday; Monday and Tuesday are only two school days (the weekend does not count).
    h.clock.set('2026-11-24T09:00:00.000Z');
    await tick();
    expect(await nudges()).toHaveLength(0);
    h.clock.set('2026-11-25T09:00:00.000Z');
    await tick();
    await tick();
    expect((await nudges()).map((d) => d.value.status)).toEqual(['sent']);
    expect(cardText(await cardSent(MIA, 'request-nudge'))).toContain('Still waiting for your decision');
    expect(await leadTold()).toHaveLength(0);

    // Three more school days: the CPD lead is told, once; Mia is not nudged again.
    h.clock.set('2026-11-30T09:00:00.000Z');
    await tick();
    await tick();
    expect((await leadTold()).map((d) => [d.value.recipientId, d.value.status])).toEqual([['stf-sam', 'sent']]);
    const toLead = h.connector.sentTo(SAM.conversationId).map((a) => cardText(FakeConnector.card(a))).filter((t) => t.includes('"Behaviour for learning" has waited'));
    expect(toLead).toHaveLength(1);
    expect(toLead[0]).toContain('has waited for Mia Manager (line manager)');
    expect(await nudges()).toHaveLength(1);
  });

  it('over budget flagged to the approver; approved, the booker marks it booked; it is in the person\'s sessions', async () => {
    h.clock.set('2026-12-01T09:00:00.000Z');
    await postActivity(h, messageActivity(h, SAM, 'budget set Huntingdon Academy 300 2026-27'));
    expect(cardText(lastCardTo(h, SAM))).toContain('CPD budget for Huntingdon Academy, 2026-27: £300.00.');
    await press(JO, 'request.submit', { ...FORM, courseTitle: 'Subject leadership', fee: '400' });
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value).filter((r) => r.details.courseTitle === 'Subject leadership');
    const requestId = request!.id;
    await tick();
    const toMia = await cardSent(MIA, 'request-approval');
    expect(JSON.stringify(toMia)).toContain('Over budget');
    expect(JSON.stringify(toMia)).toContain('this request would exceed it');

    await press(MIA, 'request.approve', { requestId });
    await press(HAL, 'request.approve', { requestId });
    await tick();
    const toBook = await cardSent(SAM, 'request-to-book');
    expect(actionsOf(toBook)).toContain('request.book.open');
    const bookForm = await press(SAM, 'request.book.open', { requestId });
    expect(((bookForm.body as Json[]) ?? []).map((e) => e.id).filter(Boolean)).toEqual(['actualCost', 'reference']);
    expect(cardText(await press(SAM, 'request.book', { requestId, actualCost: 'free?', reference: '' }))).toContain('Please give the booking reference.');
    const booked = await press(SAM, 'request.book', { requestId, actualCost: '380', reference: 'SL-2231' });
    expect(cardText(booked)).toContain('Marked booked');
    expect((await h.store.cpdRequests.get(TENANT, requestId))?.value).toMatchObject({ status: 'booked', booking: { actualCostPence: 38000, reference: 'SL-2231' } });

    await postActivity(h, messageActivity(h, JO, 'sessions'));
    expect(cardText(lastCardTo(h, JO))).toContain('Subject leadership');
    await postActivity(h, messageActivity(h, SAM, 'budget'));
    expect(JSON.stringify(lastCardTo(h, SAM))).toContain('£380.00');
  });
});
