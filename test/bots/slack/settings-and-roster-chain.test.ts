import { Tenant, type Delivery } from '../../../src/domain';
import { importStaffRoster } from '../../../src/imports/import-staff';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

const ROSTER = [
  'Email,Forename,Surname,Job Title,School,Line Manager',
  'dawn.cooper@rt.example,Dawn,Cooper,Headteacher,Riverside Academy,',
  'lee.park@rt.example,Lee,Park,CPD Lead,Riverside Academy,dawn.cooper@rt.example',
  'mia.shah@rt.example,Mia,Shah,Head of English,Riverside Academy,dawn.cooper@rt.example',
  'jo.patel@rt.example,Jo,Patel,Teacher of English,Riverside Academy,mia.shah@rt.example',
  'tom.reed@rt.example,Tom,Reed,Teacher,Hill Primary,',
].join('\n');

const DAWN = { id: 'UDAWN', email: 'dawn.cooper@rt.example', name: 'Dawn Cooper' };
const LEE = { id: 'ULEE', email: 'lee.park@rt.example', name: 'Lee Park' };
const MIA = { id: 'UMIA', email: 'mia.shah@rt.example', name: 'Mia Shah' };
const JO = { id: 'UJO', email: 'jo.patel@rt.example', name: 'Jo Patel' };
const TOM = { id: 'UTOM', email: 'tom.reed@rt.example', name: 'Tom Reed' };

const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  mode: 'online',
  fee: '250',
  purpose: 'appraisal-objective',
  purposeDetail: 'Objective 1: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

/** What a modal shows in each field now: the answers a person who changes nothing would send back. */
function shownValues(modal: Json): Record<string, string> {
  const values: Record<string, string> = {};
  for (const block of modal.blocks as Json[]) {
    if (block.type !== 'input') continue;
    const element = block.element as Json;
    const value = (element.initial_value as string | undefined) ?? ((element.initial_option as Json | undefined)?.value as string | undefined);
    if (value !== undefined) values[String(block.block_id).replace(/^field:/, '')] = value;
  }
  return values;
}

describe('Slack: a headteacher from the roster approves after the line manager; a lead changes settings in a modal (real bolt, signed requests)', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  const tick = async () => {
    h.clock.advance(60_000);
    await scheduler.runOnce();
    await h.bot.drain();
  };
  const staffId = async (email: string) => (await h.store.staff.find(TENANT)).find((s) => s.value.email === email)!.value.id;
  const dmFor = async (user: { id: string; email: string }, kind: Delivery['kind'], marker = '') => {
    const id = await staffId(user.email);
    const sent = (await h.store.deliveries.find(TENANT, { where: { kind, recipientId: id } })).map((d) => d.value).filter((d) => d.status === 'sent');
    const latest = sent.at(-1)!;
    const message = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === user.id && String(c.args.text).includes(marker)).at(-1)!.args;
    return { where: { channel: latest.platformConversationId!, ts: latest.platformMessageId! }, message };
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    for (const u of [DAWN, LEE, MIA, JO, TOM]) h.api.users.set(u.id, u);
    const tenant = Tenant.parse({ tenantId: TENANT, id: TENANT, name: 'Riverside Trust', kind: 'trust', slackTeamId: h.api.teamId });
    await h.store.tenants.create(tenant);
    expect((await importStaffRoster({ store: h.store, clock: h.clock }, tenant, ROSTER)).ok).toBe(true);
    await h.bot.linkStaffByEmail(TENANT);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it("Jo's request goes to Mia (line manager), then Dawn Cooper, headteacher by the roster's job title", async () => {
    await slashCommand(h, JO, 'request cpd', 'trg-form');
    const modal = openedModal(h, 'trg-form');
    expect(JSON.stringify(modal.blocks)).toContain('Your request will go to your line manager, Mia Shah, then the headteacher of Riverside Academy, Dawn Cooper.');
    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-r1', FORM))).text).toBe('');
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value);

    await tick();
    const toMia = await dmFor(MIA, 'request-approval');
    await postInteraction(h, buttonPress(MIA, toMia.where, findButton(toMia.message.blocks, 'request.approve'), 'trg-mia'));
    await tick();
    const toDawn = await dmFor(DAWN, 'request-approval');
    expect(String(toDawn.message.text)).toContain('Jo Patel asks to go on "Leading early reading"');
    await postInteraction(h, buttonPress(DAWN, toDawn.where, findButton(toDawn.message.blocks, 'request.approve'), 'trg-dawn'));
    const stored = (await h.store.cpdRequests.get(TENANT, request!.id))!.value;
    expect(stored.status).toBe('approved');
    expect(stored.steps.map((s) => [s.role, s.approverId, s.decision?.outcome])).toEqual([
      ['line-manager', await staffId(MIA.email), 'approved'],
      ['headteacher', await staffId(DAWN.email), 'approved'],
    ]);
  });

  it('a school with no headteacher: the modal says so, the submission is refused beside the form, the lead is told', async () => {
    await slashCommand(h, TOM, 'request cpd', 'trg-tom');
    const modal = openedModal(h, 'trg-tom');
    expect(JSON.stringify(modal.blocks)).toContain('Hill Primary has no headteacher in Twilight');
    const refused = await postInteraction(h, modalSubmission(TOM, modal, 'V-t1', FORM));
    expect(JSON.stringify(refused.json)).toContain('Not sent: Hill Primary has no headteacher in Twilight');
    expect(await h.store.cpdRequests.count(TENANT)).toBe(1);
    await tick();
    const toLee = await dmFor(LEE, 'approver-missing', 'An approver is missing');
    expect(JSON.stringify(toLee.message.blocks)).toContain('Hill Primary has no headteacher (settings set headteacher.hill-primary EMAIL)');
  });

  it('/cpd settings opens a section as a modal; refusals come back beside their fields; a saved change is recorded', async () => {
    await slashCommand(h, LEE, 'settings', 'trg-s1');
    const schools = openedModal(h, 'trg-s1');
    expect(schools).toMatchObject({ callback_id: 'settings.save', title: { text: 'Settings' } });
    expect((schools.blocks as Json[]).length).toBeLessThanOrEqual(100);
    expect(shownValues(schools)).toMatchObject({ schools: 'Riverside Academy; Hill Primary', 'headteacher.riverside-academy': 'dawn.cooper@rt.example' });

    // The lead names Hill Primary's headteacher in the modal, with a typo first.
    const typo = await postInteraction(h, modalSubmission(LEE, schools, 'V-s1', { ...shownValues(schools), 'headteacher.hill-primary': 'tom.reid@rt.example' }));
    expect(typo.json).toMatchObject({ response_action: 'errors', errors: { 'field:headteacher.hill-primary': expect.stringContaining('Nobody on the staff list is "tom.reid@rt.example"') } });
    expect((await postInteraction(h, modalSubmission(LEE, schools, 'V-s1', { ...shownValues(schools), 'headteacher.hill-primary': 'Tom Reed', 'cpd-lead.hill-primary': 'tom.reed@rt.example' }))).text).toBe('');
    expect((await h.store.tenants.get(TENANT, TENANT))!.value.settings.cpdRequests.headteacherBySchool['hill-primary']).toBe(await staffId(TOM.email));
    // Hill Primary's CPD lead: the role is on Tom's staff record, so he may use the lead commands.
    expect((await h.store.staff.get(TENANT, await staffId(TOM.email)))!.value.roles).toContain('cpd-lead');

    await slashCommand(h, LEE, 'settings messages', 'trg-s2');
    const messages = openedModal(h, 'trg-s2');
    const bad = await postInteraction(h, modalSubmission(LEE, messages, 'V-s2', { ...shownValues(messages), 'digest-day': 'someday', 'gap-task-nudge-days': '7, 99' }));
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { 'field:gap-task-nudge-days': 'Give whole numbers from 0 to 60, separated by commas.' } });
    expect((await postInteraction(h, modalSubmission(LEE, messages, 'V-s2', { ...shownValues(messages), 'digest-day': 'friday', 'digest-time': '16:00' }))).text).toBe('');
    expect((await h.store.tenants.get(TENANT, TENANT))!.value.settings).toMatchObject({ digestWeekday: 5, digestAt: '16:00' });

    // A teacher may not: the command is refused.
    await slashCommand(h, JO, 'settings', 'trg-s3');
    expect(h.api.callsOf('views.open').some((c) => c.args.trigger_id === 'trg-s3')).toBe(false);

    await slashCommand(h, LEE, 'settings history', 'trg-s4');
    const history = JSON.stringify([...h.api.ephemeral.values()].find((m) => m.responseUrl === '/response/trg-s4')?.args);
    expect(history).toContain('digest-day');
    expect(history).toContain('headteacher.hill-primary');
    expect(history).toContain('Lee Park');
  });
});
