import { startTestScheduler } from '../../support/test-scheduler';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, LEAD, TENANT, buttonPress, findButton, modalSubmission, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

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
    expect(await h.bot.linkStaffByEmail(TENANT)).toEqual({ tenantId: TENANT, linked: 2, notFound: 0 });
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
  it('/cpd edit opens the modal filled in and saves a new length; /cpd cancel asks (Slack confirms) and cancels once', async () => {
    const session = (await h.store.sessions.find(TENANT, {})).map((s) => s.value).find((s) => s.title.startsWith('Adaptive teaching'))!;
    await postSigned(h, command(h, LEAD, 'edit adaptive teaching', 'trg-edit'));
    await h.bot.drain();
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-edit')!.args.view as Json;
    expect(modal.callback_id).toBe('session.update');
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ action: { verb: 'session.update', sessionId: session.id } });
    const title = (modal.blocks as Json[]).find((b) => b.block_id === 'field:title')!;
    expect((title.element as Json).initial_value).toBe(session.title);
    const start = (modal.blocks as Json[]).find((b) => b.block_id === 'field:startsAt')!;
    expect((start.element as Json).initial_date_time).toBe(Number(THURSDAY_4PM));

    const edited = modalSubmission(LEAD, modal, 'V-edit', { title: session.title, category: 'TL', kind: 'twilight', startsAt: THURSDAY_4PM, durationMinutes: '90', place: 'Hall', audienceKind: 'staff', audienceValue: JO.email, capacity: '20', compulsory: [] });
    expect((await postInteraction(h, edited)).json).toBeUndefined();
    expect((await h.store.sessions.get(TENANT, session.id))?.value).toMatchObject({ endsAt: '2026-11-26T17:30:00.000Z', revision: 1 });

    // Cancel: an ephemeral message with a danger button that Slack confirms before sending the press.
    await postSigned(h, command(h, LEAD, 'cancel adaptive teaching', 'trg-cancel'));
    await h.bot.drain();
    const reply = h.api.callsOf('/response/trg-cancel')[0]!.args;
    const cancel = findButton(reply.blocks, 'session.cancel') as { action_id: string; value?: string; confirm?: Json; style?: string };
    expect(cancel).toMatchObject({ style: 'danger', confirm: expect.objectContaining({ style: 'danger' }) });
    expect((await h.store.sessions.get(TENANT, session.id))?.value.status).toBe('published');
    const message = { channel: 'C1', ts: '1700000000.000100' };
    await postInteraction(h, buttonPress(LEAD, message, cancel, 'trg-press-1'));
    await postInteraction(h, buttonPress(LEAD, message, cancel, 'trg-press-2'));
    expect((await h.store.sessions.get(TENANT, session.id))?.value.status).toBe('cancelled');
    expect(JSON.stringify(h.api.callsOf('chat.update').at(-1)!.args.blocks)).toContain('Session cancelled');
  });

  it('every field is checked at once: a past start, a bad link, a bad capacity and an unknown person are all marked together', async () => {
    await postSigned(h, command(h, LEAD, 'new', 'trg-all'));
    await h.bot.drain();
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-all')!.args.view as Json;
    const lastMonth = String(Date.parse('2026-10-15T16:00:00.000Z') / 1000);
    const bad = await postInteraction(
      h,
      modalSubmission(LEAD, modal, 'V-all', {
        title: 'All at once',
        category: 'TL',
        kind: 'twilight',
        startsAt: lastMonth,
        durationMinutes: '60',
        place: 'Hall',
        meetingUrl: 'http://meet.example/x',
        audienceKind: 'staff',
        audienceValue: 'nobody@school.example',
        capacity: 'lots',
      }),
    );
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: {
        'field:startsAt': 'Choose a date and time in the future.',
        'field:meetingUrl': 'A meeting link must start with https://',
        'field:capacity': 'Give a whole number of places from 1 to 10000.',
        'field:audienceValue': "I can't find nobody@school.example in the staff list.",
      },
    });
    expect(await h.store.sessions.count(TENANT, { title: 'All at once' })).toBe(0);
  });
});

