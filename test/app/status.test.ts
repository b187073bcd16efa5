import { runCommand } from '../../src/app/commands';
import { loadStatusFigures, statusText } from '../../src/app/status';
import type { NoticeView } from '../../src/cards/views';
import { runCli } from '../../src/cli/run-cli';
import { ManualClock, PLAN_NOW } from '../../src/domain';
import { smallSchool } from '../support/app-world';
import { onBothStores } from '../support/both-stores';
import { delivery, tenant } from '../support/fixtures';

const NOW = '2026-11-23T10:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();

onBothStores('status', (label, open, done) => {
  describe(`status figures (${label})`, () => {
    afterAll(done);

    test('outbox due and its oldest wait, planner lag, the last day by outcome and platform, answers; one tenant only', async () => {
      const clock = new ManualClock(NOW);
      const store = await open(clock);
      await store.tenants.put(tenant('t1'));
      await store.tenants.put(tenant('t2'));
      const d = (id: string, extra: Parameters<typeof delivery>[2]) => store.deliveries.put(delivery('t1', id, extra));
      await d('due-old', { dueAt: minutesAgo(15) });
      await d('due-new', { dueAt: minutesAgo(1) });
      await d('not-yet', { dueAt: minutesAgo(-30) });
      await d('sent-teams', { status: 'sent', platform: 'teams', dueAt: minutesAgo(60) });
      await d('sent-slack', { status: 'sent', platform: 'slack', dueAt: minutesAgo(60) });
      await d('sent-long-ago', { status: 'sent', platform: 'slack', dueAt: minutesAgo(3 * 24 * 60) });
      await d('failed-slack', { status: 'failed', platform: 'slack', dueAt: minutesAgo(30) });
      await d('expired-teams', { status: 'expired', platform: 'teams', dueAt: minutesAgo(120) });
      // Another tenant's backlog is not this lead's.
      await store.deliveries.put(delivery('t2', 'other', { dueAt: minutesAgo(600) }));
      await store.planRequests.put({ tenantId: 't1', id: 'session:ses-1', subject: { kind: 'session', sessionId: 'ses-1' }, availableAt: minutesAgo(20) });
      await store.planRequests.put({ tenantId: 't1', id: 'tenant', subject: { kind: 'tenant' }, availableAt: PLAN_NOW });
      await store.responses.put({ tenantId: 't1', id: 'r1', questionnaireId: 'qn-1', sessionId: 'ses-1', respondentId: 'ada', submittedAt: minutesAgo(5), answers: { q1: 4 } });

      const figures = await loadStatusFigures({ store, clock }, ['t1']);
      expect(figures).toEqual({
        at: NOW,
        outbox: { due: 2, oldestDueSeconds: 15 * 60 },
        plannerLagSeconds: 20 * 60,
        plannerChangesWaiting: 1,
        lastDay: { sent: { teams: 1, slack: 1 }, failed: { teams: 0, slack: 1 }, expired: { teams: 1, slack: 0 } },
        answersLastDay: 1,
      });
      expect((await loadStatusFigures({ store, clock }, ['t1', 't2'])).outbox).toEqual({ due: 3, oldestDueSeconds: 600 * 60 });
      expect(statusText(figures)).toBe(
        [
          'Outbox: 2 due now; the oldest has waited 15 min (an alert fires past 10 min).',
          'Planner: the oldest due wake-up has waited 20 min; 1 change waiting to be planned.',
          'Last 24 hours: sent 2 (Teams 1, Slack 1); failed 1 (Teams 0, Slack 1) (33.3 %); expired 1 (Teams 1, Slack 0).',
          'Answers stored in the last 24 hours: 1.',
        ].join('\n'),
      );
      await store.close();
    });
  });
});

describe('status in chat (leads only) and in the CLI: the same figures', () => {
  test('a lead gets the figures; anyone else is told it is for leads; the CLI prints the same text', async () => {
    const w = await smallSchool(NOW);
    await w.store.deliveries.put(delivery('t1', 'ada', { dueAt: minutesAgo(12) }));
    const expected = statusText(await loadStatusFigures(w.deps, ['t1']));
    const view = (await runCommand(w.deps, w.actor('lead'), 'status')) as NoticeView;
    expect(view).toEqual({ kind: 'notice', title: 'Twilight status', notice: { tone: 'attention', text: expected } });
    expect(expected).toContain('the oldest has waited 12 min');
    expect(((await runCommand(w.deps, w.actor('ada'), 'status')) as NoticeView).notice.text).toMatch(/^Only CPD leads can do that/);
    const lines: string[] = [];
    expect(await runCli(['status', '--tenant', 't1'], { ...w.deps, defaultTenantId: 'demo', print: (t) => lines.push(t) })).toBe(0);
    expect(lines).toEqual([expected]);
    await w.store.close();
  });
});
