/**
 * Telemetry with in-memory exporters beside Azure Monitor's: the spans (inbound, Cosmos DB, Slack,
 * Bot Connector) and the Twilight metrics are there, and no attribute of any span, span event or
 * metric point holds the person's id, e-mail address or name. Runs test/telemetry/telemetry-run.ts
 * as its own process (see there why).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { redactUrl } from '../../src/telemetry/redact';
import { PERSON } from './person';

interface Exported {
  spans: { name: string; kind: number; scope: string; attributes: Record<string, unknown>; events: { name: string; attributes: Record<string, unknown> }[] }[];
  metrics: { name: string; unit: string; points: { attributes: Record<string, unknown>; value: unknown }[] }[];
}

const SERVER = 1;
const CLIENT = 2;
const root = join(__dirname, '..', '..');
let exported: Exported;

beforeAll(() => {
  const stdout = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['test/telemetry/telemetry-run.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env }, timeout: 90_000 });
  // The Cosmos-protocol server logs to stdout too: the exporters' JSON is the last line.
  exported = JSON.parse(stdout.trim().split('\n').at(-1)!) as Exported;
}, 120_000);

const urlOf = (s: Exported['spans'][number]) => String(s.attributes['url.full'] ?? s.attributes['http.url'] ?? s.attributes['url.path'] ?? '');

describe('telemetry (Azure Monitor distro, in-memory exporters beside it)', () => {
  test('traces: the inbound request, Cosmos DB calls, Slack Web API calls and the Bot Connector send', () => {
    const clientUrls = exported.spans.filter((s) => s.kind === CLIENT).map(urlOf);
    expect(exported.spans.some((s) => s.kind === SERVER && urlOf(s) === '/links/{id}/certificate')).toBe(true);
    expect(clientUrls.some((u) => /\/dbs\/telemetry\/colls\/staff\/docs\/\{id\}$/.test(u))).toBe(true);
    expect(clientUrls.some((u) => u.endsWith('/api/chat.postMessage'))).toBe(true);
    expect(clientUrls.some((u) => u.endsWith('/api/users.lookupByEmail'))).toBe(true);
    expect(clientUrls.some((u) => u.endsWith('/v3/conversations/{id}/activities'))).toBe(true);
  });

  test('metrics named for what they mean: messages by outcome and platform, outbox, planner, answers, request units', () => {
    const byName = new Map(exported.metrics.map((m) => [m.name, m.points]));
    expect(byName.get('twilight.messages.sent')).toEqual(expect.arrayContaining([{ attributes: { platform: 'teams' }, value: 1 }, { attributes: { platform: 'slack' }, value: 1 }]));
    expect(byName.get('twilight.messages.failed')).toEqual([{ attributes: { platform: 'slack' }, value: 1 }]);
    expect(byName.get('twilight.messages.throttled')).toEqual([{ attributes: { platform: 'teams' }, value: 1 }]);
    expect(byName.get('twilight.messages.expired')).toEqual([{ attributes: { platform: 'none' }, value: 1 }]);
    expect(byName.get('twilight.outbox.due')).toEqual([{ attributes: {}, value: 1 }]);
    // The message was put due 15 minutes before the figures were read.
    const oldest = byName.get('twilight.outbox.oldest_due_age')![0]!.value as number;
    expect(oldest).toBeGreaterThanOrEqual(900);
    expect(oldest).toBeLessThan(900 + 60);
    expect(byName.get('twilight.planner.lag')).toEqual([{ attributes: {}, value: 0 }]);
    expect(byName.has('twilight.planner.changes_waiting')).toBe(true);
    expect(byName.get('twilight.answers.stored_last_day')).toEqual([{ attributes: {}, value: 0 }]);
    expect(byName.get('twilight.cosmos.request_units')![0]!.value).toBeGreaterThan(0);
  });

  test('no person id, e-mail address or name in any span name, attribute, event or metric point', () => {
    const needles = [PERSON.id, PERSON.email, encodeURIComponent(PERSON.email), PERSON.name, PERSON.slackId, PERSON.conversation, encodeURIComponent(PERSON.conversation)];
    const texts = [
      ...exported.spans.flatMap((s) => [s.name, JSON.stringify(s.attributes), JSON.stringify(s.events)]),
      ...exported.metrics.flatMap((m) => m.points.map((p) => JSON.stringify(p.attributes))),
    ];
    expect(exported.spans.length).toBeGreaterThan(10);
    for (const needle of needles) expect({ needle, found: texts.filter((t) => t.includes(needle)) }).toEqual({ needle, found: [] });
  });
});

describe('redactUrl', () => {
  test('drops the query and the segments that name a thing', () => {
    expect(redactUrl('https://slack.com/api/users.lookupByEmail?email=jo%40school.example')).toBe('https://slack.com/api/users.lookupByEmail');
    expect(redactUrl('https://acct.documents.azure.com/dbs/twilight/colls/staff/docs/staff-7f3a')).toBe('https://acct.documents.azure.com/dbs/twilight/colls/staff/docs/{id}');
    expect(redactUrl('https://smba.trafficmanager.net/uk/v3/conversations/a:1xYz/activities/123')).toBe('https://smba.trafficmanager.net/uk/v3/conversations/{id}/activities/{id}');
    expect(redactUrl('/api/messages')).toBe('/api/messages');
  });
});
