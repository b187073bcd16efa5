import { deliveryId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, LEAD, TENANT, buttonPress, findButton, modalSubmission, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

const STATEMENTS = ['purpose_helps_pupils', 'performance_management', 'evidence_based', 'engage_in_research', 'connected_activities', 'rhythm_of_support', 'analyse_pupil_needs', 'critical_friend', 'coaching_mentoring', 'time_and_resources'];

describe('Staff survey via fake Slack API (real bolt App, signed requests, real scheduler)', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT.
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  const slash = async (user: { id: string }, text: string, trigger: string) => {
    await postSigned(h, slashCommandBody({ command: '/cpd', text, user_id: user.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` }));
    await h.bot.drain();
  };

  it('/cpd new survey: a lead gets the modal, staff the refusal; a bad date is marked; sent, planned, answered in the modal', async () => {
    await slash(JO, 'new survey', 'trg-jo');
    expect(h.api.callsOf('/response/trg-jo')[0]!.args.text).toMatch(/Only CPD leads can do that/);
    expect(h.api.callsOf('views.open').filter((c) => c.args.trigger_id === 'trg-jo')).toEqual([]);

    await slash(LEAD, 'new survey', 'trg-lead');
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-lead')!.args.view as Json;
    expect(modal.callback_id).toBe('survey.send');
    expect((modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['field:templateId', 'field:audienceKind', 'field:audienceValue', 'field:closesOn', 'field:anonymous']);

    const form = { templateId: 'tpl-staff-audit', audienceKind: 'trust', closesOn: '2026-12-04', anonymous: 'yes' };
    const bad = await postInteraction(h, modalSubmission(LEAD, modal, 'V-s1', { ...form, closesOn: '2026-11-20' }));
    expect(bad.json).toEqual({ response_action: 'errors', errors: { 'field:closesOn': 'Choose a closing date after today.' } });
    expect(await h.store.questionnaires.count(TENANT, { purpose: 'survey' })).toBe(0);

    const good = await postInteraction(h, modalSubmission(LEAD, modal, 'V-s1', form));
    expect(good.text).toBe('');
    const confirmation = h.api.callsOf('chat.postMessage').at(-1)!.args;
    expect(confirmation.channel).toBe(LEAD.id);
    expect(String(confirmation.text)).toMatch(/goes to 2 staff/);
    const [survey] = await h.store.questionnaires.find(TENANT, { where: { purpose: 'survey' } });
    const questionnaireId = survey!.value.id;

    // The scheduler sends Jo a DM whose button opens the survey as a modal.
    h.clock.set('2026-11-20T09:01:00.000Z');
    await scheduler.runOnce();
    await h.bot.drain();
    const dm = h.api.callsOf('chat.postMessage').find((c) => c.args.channel === JO.id && String(c.args.text).includes('Staff survey'))!;
    const delivered = (await h.store.deliveries.get(TENANT, deliveryId('survey', 'stf-jo', questionnaireId)))!.value;
    expect(delivered).toMatchObject({ status: 'sent', platform: 'slack' });
    const where = { channel: delivered.platformConversationId!, ts: delivered.platformMessageId! };
    await postInteraction(h, buttonPress(JO, where, findButton(dm.args.blocks, 'questionnaire.open'), 'trg-open-survey'));
    const surveyModal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-open-survey')!.args.view as Json;
    expect(surveyModal.callback_id).toBe('questionnaire.submit');
    expect(JSON.stringify(surveyModal.blocks)).toContain('*Collaboration and expert challenge*');

    const answers = { ...Object.fromEntries(STATEMENTS.map((id) => [id, 'strongly-agree'])), comments: 'Coaching works.' };
    expect((await postInteraction(h, modalSubmission(JO, surveyModal, 'V-answer', answers))).text).toBe('');
    expect(await h.store.anonymousResponses.count(TENANT, { questionnaireId })).toBe(1);
    expect(await h.store.responses.count(TENANT)).toBe(0);

    await slash(LEAD, 'survey results', 'trg-results');
    const results = h.api.callsOf('/response/trg-results')[0]!.args;
    expect(JSON.stringify(results.blocks)).toContain('Survey results: Staff audit of CPD');
    expect(JSON.stringify(results.blocks)).toContain('fewer than 5 responses');
  });
});
