import { STAFF_AUDIT_TEMPLATE_ID, Staff, deliveryId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { FakeConnector } from '../../support/fake-connector';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import {
  JO,
  LEAD,
  TENANT,
  cardActionActivity,
  installActivity,
  invokeCard,
  messageActivity,
  postActivity,
  seedSchool,
  startTeamsHarness,
  type TeamsHarness,
  lastCardTo,
} from './teams-harness';

type Json = Record<string, unknown>;

const STATEMENTS = ['purpose_helps_pupils', 'performance_management', 'evidence_based', 'engage_in_research', 'connected_activities', 'rhythm_of_support', 'analyse_pupil_needs', 'critical_friend', 'coaching_mentoring', 'time_and_resources'];
const FORM = { templateId: STAFF_AUDIT_TEMPLATE_ID, audienceKind: 'trust', audienceValue: '', closesOn: '2026-12-04', anonymous: 'yes' };

const inputIds = (card: Json | undefined) => ((card?.body as Json[]) ?? []).map((e) => e.id).filter(Boolean);

describe('Staff survey via fake connector (real botbuilder, real express server, real scheduler)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT (school hours).
    h = await startTeamsHarness();
    await seedSchool(h);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'], teams: { aadObjectId: LEAD.aadObjectId } }));
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('lead types "new survey", sends the form; the scheduler plans and sends; a teacher answers anonymously; the lead sees results withheld', async () => {
    await postActivity(h, installActivity(h, JO));

    // The lead asks for the form in personal chat.
    expect((await postActivity(h, messageActivity(h, LEAD, 'new survey'))).status).toBe(200);
    const form = lastCardTo(h, LEAD);
    expect(inputIds(form)).toEqual(['templateId', 'audienceKind', 'audienceValue', 'closesOn', 'anonymous']);
    expect((form?.actions as Json[])[0]).toMatchObject({ type: 'Action.Execute', verb: 'survey.send', associatedInputs: 'auto' });

    // A closing date of today is refused on the same card, with the lead's input kept; nothing is written.
    const refused = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'survey.send', { ...FORM, closesOn: '2026-11-20' }))).body).value!;
    expect(JSON.stringify(refused)).toContain('Choose a closing date after today.');
    expect(refused.body.find((e) => e.id === 'closesOn')).toMatchObject({ value: '2026-11-20' });
    expect(await h.store.questionnaires.count(TENANT, { purpose: 'survey' })).toBe(0);

    // Sent; pressing again (a retried invoke) sends nothing new.
    const sent = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'survey.send', FORM))).body).value!;
    expect(JSON.stringify(sent)).toMatch(/Survey sent.*goes to 3 staff/);
    const again = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'survey.send', FORM))).body).value!;
    expect(JSON.stringify(again)).toContain('already sent');
    const [survey] = await h.store.questionnaires.find(TENANT, { where: { purpose: 'survey' } });
    expect(survey?.value).toMatchObject({ anonymous: true, audience: { kind: 'trust' } });
    const questionnaireId = survey!.value.id;

    // The scheduler's tick plans a survey message for everyone and sends those it can reach.
    h.clock.set('2026-11-20T09:01:00.000Z');
    const tick = await scheduler.runOnce();
    expect(tick.planned?.created).toBeGreaterThanOrEqual(3);
    expect((await h.store.deliveries.get(TENANT, deliveryId('survey', 'stf-jo', questionnaireId)))?.value.status).toBe('sent');
    // The same tick may send Jo other messages too (a session's invitation): the order of one tick's sends is not promised.
    const card = h.connector.sentTo(JO.conversationId).map((a) => FakeConnector.card(a)).find((c) => inputIds(c).includes('comments'));
    expect(inputIds(card)).toEqual([...STATEMENTS, 'comments']);
    const first = (card?.body as Json[]).find((e) => e.id === 'purpose_helps_pupils');
    expect((first?.choices as Json[]).map((c) => c.title)).toEqual(['Strongly agree', 'Agree', 'Disagree', 'Strongly disagree', "Don't know"]);
    expect(JSON.stringify(card)).toContain('Improving pupil outcomes');
    expect(JSON.stringify(card)).toContain('Anonymous: your name is not kept with your answers.');

    // Jo answers; the answer is stored without her name, and the next tick sends her nothing more.
    const answers = { questionnaireId, ...Object.fromEntries(STATEMENTS.map((id) => [id, 'agree'])), comments: 'More time to embed, please.' };
    const thanks = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', answers))).body).value!;
    expect(JSON.stringify(thanks)).toContain('recorded anonymously');
    expect(await h.store.anonymousResponses.count(TENANT, { questionnaireId })).toBe(1);
    expect(await h.store.responses.count(TENANT)).toBe(0);
    const toJo = h.connector.sentTo(JO.conversationId).length;
    h.clock.set('2026-11-20T09:02:00.000Z');
    await scheduler.runOnce();
    expect(h.connector.sentTo(JO.conversationId)).toHaveLength(toJo);

    // Results: one answer is under the minimum, so only the counts show.
    await postActivity(h, messageActivity(h, LEAD, 'survey results audit'));
    const results = lastCardTo(h, LEAD);
    expect(JSON.stringify(results)).toContain('Survey results: Staff audit of CPD');
    expect(JSON.stringify(results)).toContain('fewer than 5 responses');
    expect(JSON.stringify(results)).not.toContain('More time to embed');

    // Every card the lead and Jo saw is valid Adaptive Card 1.5.
    for (const c of [form, refused, sent, again, card, thanks, results]) expect(adaptiveCardProblems(c)).toEqual([]);
  });

  it('a member of staff typing "new survey" gets the standard refusal and no form', async () => {
    await postActivity(h, messageActivity(h, JO, 'new survey'));
    const reply = lastCardTo(h, JO);
    expect(JSON.stringify(reply)).toContain('Only CPD leads can do that');
    expect(inputIds(reply)).toEqual([]);
  });
});
