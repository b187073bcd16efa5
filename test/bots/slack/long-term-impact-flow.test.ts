import { gapTaskId } from '../../../src/domain';
import { gapTask } from '../../support/fixtures';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, LEAD, TENANT, modalSubmission, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
const REPORT = { whatDone: 'Quizzes', impactSoFar: 'Recall up in 8X.', sustain: 'Weekly', successes: 'Engagement', barriers: 'Time', shareWithManager: true, submittedAt: '2026-12-07T16:00:00.000Z' };

describe('gap-task part 4 via fake Slack API (real bolt App, signed requests)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo', { status: 'reported', report: REPORT }));
    h.clock.set('2027-03-01T10:00:00.000Z');
  });
  afterAll(() => h.close());

  const slash = async (user: { id: string }, text: string, trigger: string) => {
    await postSigned(h, slashCommandBody({ command: '/cpd', text, user_id: user.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` }));
    await h.bot.drain();
  };

  it('/cpd impact <session> opens the modal for the lead; the choice and text are saved', async () => {
    await slash(LEAD, 'impact retrieval', 'trg-lead');
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-lead')!.args.view as Json;
    expect(modal.callback_id).toBe('impact.long.submit');
    expect(JSON.stringify(modal.blocks)).toContain('Recall up in 8X.');
    const bad = await postInteraction(h, modalSubmission(LEAD, modal, 'V-lt', { reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: '' }));
    expect(bad.json).toEqual({ response_action: 'errors', errors: { 'field:impact': 'Please fill this in.' } });
    expect((await postInteraction(h, modalSubmission(LEAD, modal, 'V-lt', { reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: 'Still used a term on.' }))).text).toBe('');
    expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))?.value.longTermImpact).toMatchObject({ recordedBy: 'stf-lead', impact: 'Still used a term on.' });
  });

  it('/cpd impact <session> gives Jo her own part 4 (naming the evidence); saved beside the lead\'s, each saying who wrote it', async () => {
    await slash(JO, 'impact retrieval', 'trg-jo-own');
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-jo-own')!.args.view as Json;
    expect(modal.callback_id).toBe('impact.long.submit');
    const text = JSON.stringify(modal.blocks);
    expect(text).toContain('Gap-task part 4 in your own words');
    expect(text).toContain('data, pupil discussion outcomes, work scrutiny outcomes, staff surveys');
    expect(text).toContain('Longer term (Lee Lead): Still used a term on.');
    const reply = await postInteraction(h, modalSubmission(JO, modal, 'V-own', { reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: 'Pupil discussion: they ask for the quizzes.' }));
    expect(reply.text).toBe('');
    const task = (await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))!.value;
    expect(task.ownLongTermImpact).toMatchObject({ recordedBy: 'stf-jo', impact: 'Pupil discussion: they ask for the quizzes.' });
    expect(task.longTermImpact).toMatchObject({ recordedBy: 'stf-lead', impact: 'Still used a term on.' });
  });
});
