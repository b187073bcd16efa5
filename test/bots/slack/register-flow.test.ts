import { Staff, participationId } from '../../../src/domain';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, TENANT, buttonPress, findButton, modalSubmission, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

const FAY = { id: 'UFAY', email: 'fay.facilitator@school.example', name: 'Fay Facilitator' };

const command = (h: SlackHarness, user: { id: string }, text: string, trigger: string) =>
  slashCommandBody({ command: '/cpd', text, user_id: user.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` });

const openedModal = (h: SlackHarness, trigger: string) => h.api.callsOf('views.open').find((c) => c.args.trigger_id === trigger)?.args.view as Json | undefined;

/** The people a register modal lists and those it ticks, by staff id. */
function ticks(modal: Json): { listed: string[]; ticked: string[] } {
  const boxes = (modal.blocks as Json[]).filter((b) => String(b.block_id).startsWith('register:')).map((b) => b.element as { options: { value: string }[]; initial_options?: { value: string }[] });
  return { listed: boxes.flatMap((b) => b.options.map((o) => o.value)), ticked: boxes.flatMap((b) => (b.initial_options ?? []).map((o) => o.value)) };
}

const attended = async (h: SlackHarness, staffId: string) => (await h.store.participations.get(TENANT, participationId('ses-1', staffId)))?.value.attended;

describe('Slack: a facilitator takes the register with /cpd register (real Bolt, signed requests, fake Web API)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    h.api.users.set(FAY.id, FAY);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-fay', name: FAY.name, email: FAY.email, roles: ['staff'] }));
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: 'Sam Lee', email: 'sam.lee@school.example', roles: ['staff'] }));
    expect(await h.bot.linkStaffByEmail(TENANT)).toMatchObject({ linked: 3 });
    const session = (await h.store.sessions.get(TENANT, 'ses-1'))!.value;
    await h.store.sessions.put({ ...session, facilitatorIds: ['stf-fay'] });
    for (const staffId of ['stf-jo', 'stf-sam']) {
      await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', staffId), sessionId: 'ses-1', staffId, rsvp: 'yes', rsvpAt: '2026-11-20T09:00:00.000Z' });
    }
    // Tuesday 24 November, five minutes into the twilight.
    h.clock.set('2026-11-24T16:05:00.000Z');
  });
  afterAll(() => h.close());

  it('/cpd register retrieval → modal with both ticked → untick Sam → saved, receipt DM; a retry and a resubmission change nothing', async () => {
    // Jo does not run sessions: a private refusal, no modal.
    await postSigned(h, command(h, JO, 'register retrieval', 'trg-jo'));
    await h.bot.drain();
    expect(openedModal(h, 'trg-jo')).toBeUndefined();
    expect(h.api.callsOf('/response/trg-jo')[0]!.args.text).toMatch(/Only CPD leads and session facilitators/);

    await postSigned(h, command(h, FAY, 'register retrieval', 'trg-reg'));
    await h.bot.drain();
    const modal = openedModal(h, 'trg-reg')!;
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'register.submit' });
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ action: { verb: 'register.submit', sessionId: 'ses-1' } });
    expect(ticks(modal)).toEqual({ listed: ['stf-jo', 'stf-sam'], ticked: ['stf-jo', 'stf-sam'] });

    // Sam did not come: only Jo stays ticked.
    const submission = modalSubmission(FAY, modal, 'V-reg-1', { 'register:expected:0': ['stf-jo'] });
    const saved = await postInteraction(h, submission);
    expect(saved.status).toBe(200);
    expect(saved.json).toBeUndefined();
    expect(await attended(h, 'stf-jo')).toBe(true);
    expect(await attended(h, 'stf-sam')).toBe(false);
    const receipts = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === FAY.id);
    expect(receipts.map((c) => c.args.text)).toEqual(['Register saved: 1 present, 1 absent: Retrieval practice that sticks']);

    // Slack retrying the same submission, and the same register saved from a new modal, write nothing.
    const versions = async () => Promise.all(['stf-jo', 'stf-sam'].map(async (id) => (await h.store.participations.get(TENANT, participationId('ses-1', id)))?.version));
    const before = await versions();
    await postInteraction(h, submission, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await postInteraction(h, modalSubmission(FAY, modal, 'V-reg-2', { 'register:expected:0': ['stf-jo'] }));
    expect(await versions()).toEqual(before);

    // The receipt's Open register button opens the register again, ticked as saved.
    const receipt = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === FAY.id).at(-1)!;
    const button = findButton(receipt.args.blocks, 'register.open');
    await postInteraction(h, buttonPress(FAY, { channel: 'DFAY', ts: '1700000001.000100' }, button, 'trg-reopen'));
    const reopened = openedModal(h, 'trg-reopen')!;
    expect(ticks(reopened)).toEqual({ listed: ['stf-jo', 'stf-sam'], ticked: ['stf-jo'] });
    expect(JSON.parse(String(reopened.private_metadata))).toMatchObject({ action: { verb: 'register.open', sessionId: 'ses-1' }, channel: 'DFAY' });

    // Saved from the reopened modal, the DM message itself is updated.
    await postInteraction(h, modalSubmission(FAY, reopened, 'V-reg-3', { 'register:expected:0': ['stf-jo', 'stf-sam'] }));
    expect(await attended(h, 'stf-sam')).toBe(true);
    const updated = h.api.callsOf('chat.update').at(-1)!;
    expect(updated.args).toMatchObject({ channel: 'DFAY', ts: '1700000001.000100', text: 'Register saved: 2 present, 0 absent: Retrieval practice that sticks' });
  });

  it('a forged submission listing someone off the register is refused beside the ticks, and nothing is written', async () => {
    await postSigned(h, command(h, FAY, 'register retrieval', 'trg-forge'));
    await h.bot.drain();
    const modal = openedModal(h, 'trg-forge')!;
    // The lead never answered; a forged view lists and ticks them anyway.
    const blocks = (modal.blocks as Json[]).map((b) =>
      b.block_id === 'register:expected:0' ? { ...b, element: { ...(b.element as Json), options: [...((b.element as Json).options as Json[]), { text: { type: 'plain_text', text: 'Lee' }, value: 'stf-lead' }] } } : b,
    );
    const before = (await h.store.participations.find(TENANT, { where: { sessionId: 'ses-1' } })).map((p) => p.version);
    const refused = await postInteraction(h, modalSubmission(FAY, { ...modal, blocks }, 'V-forge', { 'register:expected:0': ['stf-jo', 'stf-lead'] }));
    expect(refused.json).toEqual({ response_action: 'errors', errors: { 'register:expected:0': expect.stringContaining('Nothing was saved') } });
    expect((await h.store.participations.find(TENANT, { where: { sessionId: 'ses-1' } })).map((p) => p.version)).toEqual(before);
    expect(await h.store.participations.get(TENANT, participationId('ses-1', 'stf-lead'))).toBeUndefined();
  });
});
