import { startTestScheduler } from '../../support/test-scheduler';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, LEAD, TENANT, findButton, modalSubmission, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

const command = (h: SlackHarness, user: { id: string }, text: string, trigger: string) =>
  slashCommandBody({ command: '/cpd', text, user_id: user.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` });

/** Thursday 26 November 2026, 16:00 in London (GMT), as Slack's datetimepicker sends it. */
const THURSDAY_4PM = String(Date.parse('2026-11-26T16:00:00.000Z') / 1000);

describe('Slack: a lead creates and publishes a session from /cpd new; the audience is invited by the scheduler', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ links: true });
    await seedSchool(h);
    expect(await h.bot.linkStaffByEmail(TENANT)).toEqual({ linked: 2, notFound: 0 });
  });
  afterAll(() => h.close());

  it('/cpd new → modal → field errors, nothing stored → published → receipt DM → invitation DM with add-to-calendar', async () => {
    await postSigned(h, command(h, LEAD, 'new', 'trg-new'));
    await h.bot.drain();
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-new')!.args.view as Json;
    expect(modal.callback_id).toBe('session.create');
    const fieldIds = (modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => String(b.block_id).replace('field:', ''));
    expect(fieldIds).toEqual(expect.arrayContaining(['title', 'startsAt', 'durationMinutes', 'place', 'audienceKind', 'audienceValue', 'capacity', 'compulsory', 'intent', 'gapTask']));

    const answers = {
      title: 'Adaptive teaching in mixed-attainment groups',
      category: 'TL',
      kind: 'twilight',
      startsAt: THURSDAY_4PM,
      durationMinutes: '75',
      place: 'Hall',
      audienceKind: 'staff',
      audienceValue: JO.email,
      capacity: '20',
      compulsory: [] as string[],
    };
    // No place and a department with no name: errors beside those fields, nothing stored.
    const bad = await postInteraction(h, modalSubmission(LEAD, modal, 'V-new-1', { ...answers, place: '', audienceKind: 'department', audienceValue: '' }));
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: { 'field:place': 'Give a place, a meeting link, or both.', 'field:audienceValue': 'Name the department, e.g. Science.' },
    });
    expect(await h.store.sessions.count(TENANT, { title: answers.title })).toBe(0);

    // Published; Slack retrying the submission creates nothing more. The lead gets a receipt in their DM.
    const good = modalSubmission(LEAD, modal, 'V-new-2', answers);
    expect((await postInteraction(h, good)).status).toBe(200);
    expect((await postInteraction(h, good, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    const sessions = (await h.store.sessions.find(TENANT, { where: { title: answers.title } })).map((s) => s.value);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'published', startsAt: '2026-11-26T16:00:00.000Z', endsAt: '2026-11-26T17:15:00.000Z', capacity: 20, audience: { kind: 'staff', staffIds: ['stf-jo'] } });
    const receipts = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === LEAD.id && String(c.args.text).includes(answers.title));
    expect(receipts.map((c) => c.args.text)).toEqual([expect.stringContaining('is published')]);

    // The scheduler's tick DMs the audience through the real Slack sender.
    const scheduler = startTestScheduler(h, [h.bot.sender]);
    await scheduler.runOnce();
    await scheduler.stop();
    const invitations = h.api.callsOf('chat.postMessage').filter((c) => JSON.stringify(c.args.blocks ?? []).includes(answers.title) && c.args.channel !== LEAD.id);
    expect(invitations.map((c) => c.args.channel)).toEqual([JO.id]);
    const blocks = invitations[0]!.args.blocks;
    expect(findButton(blocks, 'rsvp.yes').value).toContain(sessions[0]!.id);
    const calendar = findButton(blocks, 'calendar.link') as { url?: string };
    const url = new URL(String(calendar.url));
    const ics = await fetch(`${h.baseUrl}${url.pathname}${url.search}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain(`SUMMARY:${answers.title}`);
  });
});
