import { Staff, TenantSettings, type Delivery } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { tenant } from '../../support/fixtures';
import { JO, TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
const MIA = { id: 'UMIA', email: 'mia@school.example', name: 'Mia Manager' };

/** What Jo types: a planted link, Slack link syntax, a bare address, and characters nobody means to type. */
const IMPACT = 'More pupils \u202Eread\u0000 [Click here](https://evil.example/phish) <https://evil.example/x|Open> https://evil.example/bare';
const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  startTime: '09:00',
  endTime: '15:30',
  mode: 'online',
  fee: '250',
  travel: '',
  coverHalfDays: '1',
  purpose: 'appraisal-objective',
  purposeDetail: 'Objective 1: early reading',
  intendedImpact: IMPACT,
};

function mrkdwnOf(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => mrkdwnOf(n, out));
  else if (node && typeof node === 'object') {
    if ((node as Json).type === 'mrkdwn') out.push(node as Json);
    Object.values(node).forEach((v) => mrkdwnOf(v, out));
  }
  return out;
}

describe('typed text in Slack (real bolt App, signed requests, real scheduler)', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  const tick = async () => {
    h.clock.advance(60_000);
    await scheduler.runOnce();
    await h.bot.drain();
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    for (const u of [JO, MIA]) h.api.users.set(u.id, u);
    const base = tenant(TENANT);
    await h.store.tenants.create({ ...base, slackTeamId: h.api.teamId, settings: TenantSettings.parse({ ...base.settings, cpdRequests: { chain: ['line-manager'] } }) });
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, lineManagerId: 'stf-mia' }));
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-mia', name: MIA.name, email: MIA.email, roles: ['staff', 'line-manager'] }));
    await h.bot.linkStaffByEmail(TENANT);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it("Jo's intended impact reaches Mia as text (no link, no auto-link, no control characters); a decline reason of a zero-width space is refused beside the field", async () => {
    await slashCommand(h, JO, 'request cpd', 'trg-form');
    expect((await postInteraction(h, modalSubmission(JO, openedModal(h, 'trg-form'), 'V-r1', FORM))).text).toBe('');
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value);
    expect(request!.details.intendedImpact).toBe('More pupils read [Click here](https://evil.example/phish) <https://evil.example/x|Open> https://evil.example/bare');

    await tick();
    const sent = (await h.store.deliveries.find(TENANT, { where: { kind: 'request-approval' as Delivery['kind'], recipientId: 'stf-mia' } })).map((d) => d.value).find((d) => d.status === 'sent')!;
    const message = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === MIA.id && String(c.args.text).includes(FORM.courseTitle)).at(-1)!.args;
    const evil = mrkdwnOf(message.blocks).filter((m) => String(m.text).includes('evil.example'));
    expect(evil.length).toBeGreaterThan(0);
    expect(evil.filter((m) => /<https?:/.test(String(m.text)) || m.verbatim !== true)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('&lt;https://evil.example/x|Open&gt;');

    const where = { channel: sent.platformConversationId!, ts: sent.platformMessageId! };
    await postInteraction(h, buttonPress(MIA, where, findButton(message.blocks, 'request.decline.open'), 'trg-decline'));
    const refused = await postInteraction(h, modalSubmission(MIA, openedModal(h, 'trg-decline'), 'V-d1', { reason: '\u200B' }));
    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { 'field:reason': 'Please give a reason for declining.' } });
    expect((await h.store.cpdRequests.get(TENANT, request!.id))!.value.status).toBe('submitted');
  });
});
