import fc from 'fast-check';
import { handleCardAction } from '../../src/app/card-actions';
import { checkSessionForm } from '../../src/app/sessions/session-form';
import { CARD_VERBS } from '../../src/cards/actions';
import { checkAnswers, defaultReactionTemplate, type Staff, type Tenant } from '../../src/domain';
import { importProgramme } from '../../src/imports/import-programme';
import { importStaffRoster } from '../../src/imports/import-staff';
import {
  BOT_ID,
  PEOPLE,
  TENANT,
  invokeActivity,
  postJson,
  postSlack,
  slackForm,
  startReliabilityWorld,
  writeCounts,
  type ReliabilityWorld,
} from './support/reliability-world';

/**
 * Generated payloads thrown at every inbound parser and handler. Each property runs a bounded
 * number of cases (RUNS) and checks: no crash (no 5xx, no throw), no write from invalid input,
 * and a 4xx or a message for the person. The people acting are chosen so that no generated
 * payload can be a legitimate write: the lead answers a questionnaire not sent to them and owns
 * no gap task; a member of staff presses the lead-only buttons.
 */
const RUNS = 120;
/** Totals for docs/reliability.md, printed at the end. */
const tried: Record<string, number> = {};
const count = (name: string) => (tried[name] = (tried[name] ?? 0) + 1);

const json = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', '1', '6', '0', '-1', '3.5', 'yes', 'no', 'true', '<script>', 'x'.repeat(3000), '2026-13-45', '25:99', 'qn-1', 'ses-1'));
const fields = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('quality', 'impact', 'further_cpd', 'comments', 'whatDone', 'title', 'date', 'startTime', 'endTime', 'category', 'kind', 'place')), fc.oneof(text, json), { maxKeys: 8 });
const verb = fc.oneof(fc.constantFrom(...CARD_VERBS), fc.string({ maxLength: 20 }));

describe('generated payloads at every inbound parser and handler (fast-check, bounded)', () => {
  let w: ReliabilityWorld;
  let baseline: Record<string, number>;
  beforeAll(async () => {
    w = await startReliabilityWorld();
    baseline = await writeCounts(w);
  });
  afterAll(async () => {
    await w.close();
    console.log(`payloads tried: ${JSON.stringify(tried)}`);
  });

  it('checkAnswers never throws, and accepts only answers to known questions', () => {
    const q = { questions: defaultReactionTemplate('t').questions };
    fc.assert(
      fc.property(fields, (raw) => {
        count('checkAnswers');
        const checked = checkAnswers(q, raw as never);
        if (checked.ok) expect(Object.keys(checked.answers).every((k) => q.questions.some((x) => x.id === k))).toBe(true);
        else expect(Object.keys(checked.errors).length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('checkSessionForm never throws, and explains every refusal', () => {
    fc.assert(
      fc.property(fields, (raw) => {
        count('checkSessionForm');
        const checked = checkSessionForm(raw, 'Europe/London', new Date('2026-11-25T09:00:00.000Z'));
        if (!checked.ok) expect(JSON.stringify(checked)).toMatch(/\w/);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('the card-action verb table answers anything with a view and writes nothing for someone it is not for', async () => {
    const lead = (await w.inner.staff.get(TENANT, PEOPLE.lead.staffId))!.value as Staff;
    const jo = (await w.inner.staff.get(TENANT, PEOPLE.jo.staffId))!.value as Staff;
    const tenant = (await w.inner.tenants.get(TENANT, TENANT))!.value as Tenant;
    await fc.assert(
      fc.asyncProperty(verb, fc.option(fc.oneof(text, json)), fields, async (v, id, inputs) => {
        count('cardActions');
        // RSVPs, creating sessions and sending surveys are writes for anyone allowed to: Jo (no lead) presses create and send, nobody RSVPs to a real session.
        const actor = v === 'session.create' || v === 'survey.send' ? jo : lead;
        const action = { verb: v, questionnaireId: id ?? 'qn-1', gapTaskId: id, sessionId: id === 'ses-1' ? 'ses-x' : id };
        const result = await handleCardAction({ store: w.store, clock: w.clock }, { tenant, staff: actor }, action, inputs);
        expect(result.view.kind).toMatch(/\w/);
        expect(await writeCounts(w)).toEqual(baseline);
      }),
      { numRuns: RUNS },
    );
  });

  it('Teams /api/messages: generated activities and invokes never get a 5xx and write nothing', async () => {
    const activity = fc.record({
      type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'messageReaction', 'event', 'typing'), fc.string({ maxLength: 10 })),
      name: fc.oneof(fc.constant('adaptiveCard/action'), fc.string({ maxLength: 20 })),
      text: text,
      value: fc.oneof(json, fc.record({ action: fc.record({ type: fc.oneof(fc.constant('Action.Execute'), fc.string()), verb, data: fields }), trigger: fc.string({ maxLength: 8 }) })),
      from: fc.oneof(fc.constant({ id: PEOPLE.lead.teamsId, aadObjectId: PEOPLE.lead.aad }), json),
      conversation: fc.oneof(fc.constant({ id: 'a:lead', conversationType: 'personal', tenantId: 'aad-r' }), json),
      membersAdded: fc.array(fc.record({ id: fc.string({ maxLength: 8 }).filter((id) => id !== BOT_ID) }), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(activity, fc.boolean(), async (generated, asInvoke) => {
        count('teamsActivities');
        const base = invokeActivity(w, PEOPLE.lead, 'questionnaire.submit', {});
        const body: Record<string, unknown> = asInvoke ? { ...base, value: generated.value } : { ...base, ...generated, serviceUrl: w.connector.url, recipient: { id: BOT_ID } };
        const reply = await postJson(w, '/api/messages', body);
        // 501 is the Bot Framework's answer to an invoke the bot does not handle (any name but a card action).
        const unhandledInvoke = body.type === 'invoke' && body.name !== 'adaptiveCard/action' && reply.status === 501;
        if (!unhandledInvoke) expect(reply.status).toBeLessThan(500);
        expect(reply.text).not.toMatch(/at .*\.(js|ts):\d+/);
        expect(await writeCounts(w)).toEqual(baseline);
      }),
      { numRuns: RUNS },
    );
  });

  it('Slack /slack/events: generated view submissions, block actions (with or without a user), slash commands and events, correctly signed, never get a 5xx and write nothing', async () => {
    const slackUser = fc.constantFrom(PEOPLE.lead.slackId, 'UNOBODY');
    const state = fc.dictionary(fc.oneof(fc.constantFrom('field:quality', 'field:impact', 'field:whatDone', 'field:title'), fc.string({ maxLength: 12 })), fc.oneof(json, fc.record({ answer: fc.record({ type: fc.constantFrom('radio_buttons', 'plain_text_input', 'checkboxes', 'datetimepicker', 'x'), value: fc.oneof(text, fc.constant(null)), selected_option: fc.option(fc.record({ value: text })), selected_date_time: fc.option(fc.integer()) }, { requiredKeys: ['type'] }) })), { maxKeys: 5 });
    // Slack always sends a user object; a signed body without one, or with one of another shape,
    // made bolt throw before any listener (a 500). So `user` is sometimes left out or malformed.
    const user = fc.oneof(
      { weight: 3, arbitrary: fc.record({ id: slackUser, team_id: fc.constantFrom('T0SCHOOL', 'T0OTHER') }) },
      { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.record({ team_id: fc.constant('T0SCHOOL') }), json) },
    );
    const viewSubmission = fc.record({
      type: fc.constant('view_submission'),
      user,
      team: fc.oneof(fc.record({ id: fc.constantFrom('T0SCHOOL', 'T0OTHER') }), fc.constant(null)),
      view: fc.record({
        id: fc.string({ minLength: 1, maxLength: 10 }),
        callback_id: fc.constantFrom('questionnaire.submit', 'gap.plan.submit', 'gap.report.submit', 'x'),
        private_metadata: fc.oneof(fc.string({ maxLength: 50 }), json.map((j) => JSON.stringify(j)), fc.constant(JSON.stringify({ action: { verb: 'questionnaire.submit', questionnaireId: 'qn-1' } }))),
        state: fc.oneof(fc.record({ values: state }), json),
      }),
    }, { requiredKeys: ['type', 'team', 'view'] });
    const blockAction = fc.record({
      type: fc.constant('block_actions'),
      user,
      team: fc.record({ id: fc.constant('T0SCHOOL') }),
      trigger_id: fc.string({ minLength: 1, maxLength: 10 }),
      actions: fc.array(fc.record({ action_id: verb, value: fc.oneof(text, json.map((j) => JSON.stringify(j))) }), { maxLength: 2 }),
    }, { requiredKeys: ['type', 'team', 'trigger_id', 'actions'] });
    const hasUser = (p: { user?: unknown }) => typeof p.user === 'object' && p.user !== null && 'id' in p.user;
    const interactivity = fc.oneof(viewSubmission, blockAction).map((p) => ({ body: slackForm(p), contentType: 'application/x-www-form-urlencoded', withoutUser: !hasUser(p) }));
    const slash = fc
      .record({ command: fc.constantFrom('/cpd', '/other'), text, user_id: slackUser, team_id: fc.constant('T0SCHOOL'), channel_id: fc.constant('DLEAD'), trigger_id: fc.constant('t'), response_url: fc.constant(`${w.slackApi.url}/response/1`) })
      .map((f) => ({ body: new URLSearchParams(f).toString(), contentType: 'application/x-www-form-urlencoded' }));
    // Events the bot listens to, with a user (and channel) of any shape or none, and anything else.
    const appEvent = fc.record({ type: fc.constantFrom('app_home_opened', 'message'), user: fc.oneof(slackUser, json), channel: json, tab: fc.constant('home') }, { requiredKeys: ['type'] });
    const event = fc
      .oneof(appEvent, json)
      .map((j) => ({ body: JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', event_id: 'Ev1', event: j }), contentType: 'application/json' }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(interactivity, slash, event), async ({ body, contentType, ...generated }) => {
        count('slackRequests');
        if ('withoutUser' in generated && generated.withoutUser) count('slackInteractivityWithoutUser');
        const reply = await postSlack(w, body, { contentType });
        expect(reply.status).toBeLessThan(500);
        // A signed body refused as unreadable tells the Events API not to send it again.
        if (reply.status >= 400) expect(reply.headers.get('x-slack-no-retry')).toBe('1');
        expect(await writeCounts(w)).toEqual(baseline);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV imports: generated staff and programme rows either import or are refused with row errors; a refused file writes nothing', async () => {
    const tenant = (await w.inner.tenants.get(TENANT, TENANT))!.value as Tenant;
    const cell = fc.oneof(text, fc.constantFrom('a@b.example', 'TL', 'twilight', '2026-12-01', '16:00', '17:30', 'Hall', '"quoted, comma"', '=cmd()'));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 6 });
    const csv = (header: string, r: string[][]) => [header, ...r.map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n');
    await fc.assert(
      fc.asyncProperty(rows, fc.boolean(), async (generated, staffFile) => {
        count('csvFiles');
        const before = await writeCounts(w);
        const result = staffFile
          ? await importStaffRoster({ store: w.store }, tenant, csv('name,email,roles,department,line manager', generated))
          : await importProgramme({ store: w.store }, tenant, csv('title,category,kind,date,start,end,place', generated), { now: w.clock.now() });
        if (!result.ok) {
          expect(result.message).toMatch(/\w/);
          expect(await writeCounts(w)).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
    // Imports that succeeded changed the baseline for nothing else: the suites above ran first.
  });
});
