import { Staff, TenantSettings } from '../../../src/domain';
import { FakeConnector } from '../../support/fake-connector';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { tenant } from '../../support/fixtures';
import { JO, TENANT, AAD_TENANT, cardActionActivity, cardText, installActivity, invokeCard, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

type Json = Record<string, unknown>;
const MIA: TeamsUser = { userId: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Manager', conversationId: 'a:personal-mia' };

/** What Jo types: a planted markdown link and emphasis, and characters nobody means to type. */
const IMPACT = 'More pupils \u202Eread\u0000 **now** [Click here](https://evil.example/phish)';
const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  startTime: '09:00',
  endTime: '15:30',
  mode: 'in-person',
  fee: '250',
  travel: '18.40',
  coverHalfDays: 2,
  purpose: 'school-priority',
  purposeDetail: 'SIP priority 2: early reading',
  intendedImpact: IMPACT,
};

/** TextBlock texts and fact titles and values: what Teams reads as markdown. */
function markdownStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownStrings(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.type === 'TextBlock') out.push(String(o.text));
    if (o.type === 'FactSet') for (const f of o.facts as Json[]) out.push(String(f.title), String(f.value));
    for (const [k, v] of Object.entries(o)) if (k !== 'data') markdownStrings(v, out);
  }
  return out;
}

describe('typed text in Teams (real botbuilder, fake connector, real scheduler)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  const press = async (user: TeamsUser, verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, user, verb, data))).body).value as unknown as Json;

  beforeAll(async () => {
    h = await startTeamsHarness();
    h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
    const base = tenant(TENANT);
    await h.store.tenants.create({ ...base, teamsTenantId: AAD_TENANT, settings: TenantSettings.parse({ ...base.settings, cpdRequests: { chain: ['line-manager'] } }) });
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', lineManagerId: 'stf-mia' }));
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-mia', name: MIA.name, email: 'mia@school.example', roles: ['staff', 'line-manager'], teams: { aadObjectId: MIA.aadObjectId } }));
    scheduler = startTestScheduler(h, [h.bot.sender]);
    for (const user of [JO, MIA]) await postActivity(h, installActivity(h, user));
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it("Jo's intended impact reaches Mia's approval card as text (no live link or emphasis, no control characters); a decline reason of a zero-width space is refused", async () => {
    expect(cardText(await press(JO, 'request.submit', FORM))).toContain('Sent to Mia Manager for approval');
    const [stored] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value);
    expect(stored!.details.intendedImpact).toBe('More pupils read **now** [Click here](https://evil.example/phish)');

    h.clock.advance(60_000);
    await scheduler.runOnce();
    const sent = (await h.store.deliveries.find(TENANT, { where: { kind: 'request-approval' } })).map((d) => d.value).find((d) => d.status === 'sent')!;
    const card = FakeConnector.card(h.connector.sentTo(MIA.conversationId).find((a) => a.id === sent.platformMessageId))!;
    const texts = markdownStrings(card);
    const impact = texts.find((t) => t.includes('evil.example'))!;
    expect(impact).toBe('More pupils read \\*\\*now\\*\\* \\[Click here\\](https://evil.example/phish)');
    expect(texts.filter((t) => /(^|[^\\])\[[^\]]*\]\(https?:\/\/evil/.test(t))).toEqual([]);

    const refused = await press(MIA, 'request.decline', { requestId: stored!.id, reason: '\u200B' });
    expect(cardText(refused)).toContain('Please give a reason for declining.');
    expect((await h.store.cpdRequests.get(TENANT, stored!.id))!.value.status).toBe('submitted');
  });
});
