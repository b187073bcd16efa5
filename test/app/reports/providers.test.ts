import { runCommand } from '../../../src/app/commands';
import type { AppDeps } from '../../../src/app/deps';
import type { Actor } from '../../../src/app/people/actor';
import { buildProviderReport, buildProviderSummary, loadProviderReportInput } from '../../../src/app/reports';
import { changeSettings, CLI_CHANGER } from '../../../src/app/tenants/change-settings';
import { runCli } from '../../../src/cli/run-cli';
import { loadReportPage } from '../../../src/documents/load-report-page';
import { renderReportPage } from '../../../src/documents/report-page-html';
import { DEFAULT_REACTION_QUESTIONS, ManualClock, Questionnaire, impactFollowUpId, participationId, responseId, type Answers } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { gapTask, session, staff, tenant } from '../../support/fixtures';

/** Monday 23 November 2026: the school year 2026-27 so far. */
const NOW = new Date('2026-11-23T10:00:00.000Z');
const T = 't1';
const ATTENDEES = ['ada', 'ben', 'cat', 'dan', 'eve'];
/** Words from the comments that must never reach the provider: a colleague's name inside a comment. */
const QUOTED = 'Ada Teacher said the phonics pack';

/**
 * Issue 26 item 7: the year by provider. Fenland English Hub provided a twilight (provider field,
 * £350 own cost, five attended and answered) and a booked course (£250, one attended); Dawn Cooper
 * ran a 90-minute in-house session for two. A cancelled and a draft Fenland session, and another
 * trust's Fenland session, count for nothing.
 */
onBothStores('providers', (label, open, done) => {
  describe(`providers and value for money (${label})`, () => {
    const clock = new ManualClock(NOW);
    let store: Store;
    let deps: AppDeps;
    const actor = async (id: string): Promise<Actor> => ({ tenant: (await store.tenants.get(T, T))!.value, staff: (await store.staff.get(T, id))!.value });
    const attend = (tenantId: string, sessionId: string, staffId: string) =>
      store.participations.put({ tenantId, id: participationId(sessionId, staffId), sessionId, staffId, rsvp: 'yes', attended: true });
    const reaction = (sessionId: string) =>
      Questionnaire.parse({ tenantId: T, id: `q-${sessionId}`, title: `Reaction ${sessionId}`, purpose: 'reaction', sessionId, anonymous: false, questions: DEFAULT_REACTION_QUESTIONS, opensAt: '2026-10-01T17:30:00.000Z', closesAt: '2026-10-08T17:30:00.000Z' });
    const answer = (sessionId: string, who: string, answers: Answers) =>
      store.responses.put({ tenantId: T, id: responseId(`q-${sessionId}`, who), questionnaireId: `q-${sessionId}`, sessionId, respondentId: who, answers, submittedAt: '2026-10-02T10:00:00.000Z' });

    beforeAll(async () => {
      store = await open(clock);
      deps = { store, clock };
      await store.tenants.put(tenant(T));
      await store.tenants.put(tenant('other'));
      await store.staff.put(staff(T, 'lead', { name: 'Lee Lead', roles: ['staff', 'cpd-lead'] }));
      await store.staff.put(staff(T, 'fac', { name: 'Dawn Cooper' }));
      for (const id of ATTENDEES) await store.staff.put(staff(T, id, { name: `${id[0]!.toUpperCase()}${id.slice(1)} Teacher` }));
      const october = { startsAt: '2026-10-01T16:00:00.000Z', endsAt: '2026-10-01T17:30:00.000Z' };
      await store.sessions.put(session(T, 'hub1', { ...october, title: 'Early reading twilight', provider: 'Fenland English Hub', costPence: 35_000 }));
      await store.sessions.put(
        session(T, 'ext1', { ...october, title: 'Leading phonics (course)', kind: 'external', externalFacilitator: 'fenland english hub', externalCourse: { requestId: 'req-1', hours: 6, costPence: 25_000 } }),
      );
      await store.sessions.put(session(T, 'inh1', { ...october, title: 'Questioning in-house', facilitatorIds: ['fac'] }));
      await store.sessions.put(session(T, 'gone', { ...october, title: 'Cancelled hub day', provider: 'Fenland English Hub', costPence: 99_000, status: 'cancelled' }));
      await store.sessions.put(session(T, 'draft', { ...october, title: 'Draft hub day', provider: 'Fenland English Hub', costPence: 99_000, status: 'draft' }));
      await store.sessions.put(session('other', 'hub1', { ...october, title: 'Other trust hub', provider: 'Fenland English Hub', costPence: 99_000 }));
      await attend('other', 'hub1', 'x');
      for (const id of ATTENDEES) await attend(T, 'hub1', id);
      await attend(T, 'ext1', 'ada');
      await attend(T, 'inh1', 'ben');
      await attend(T, 'inh1', 'cat');
      for (const id of ['hub1', 'ext1', 'inh1']) await store.questionnaires.put(reaction(id));
      const comments = [`${QUOTED} was brilliant`, 'More phonics practice please', 'Phonics assessment ideas', 'Good pace', undefined];
      for (const [i, who] of ATTENDEES.entries()) await answer('hub1', who, { quality: 4 + (i % 2), impact: 4, further_cpd: false, ...(comments[i] ? { comments: comments[i] } : {}) });
      await answer('ext1', 'ada', { quality: 2, impact: 2, further_cpd: false, comments: 'Too long' });
      await answer('inh1', 'ben', { quality: 5, impact: 5, further_cpd: false });
      await answer('inh1', 'cat', { quality: 3, impact: 3, further_cpd: false });
      // Impact: two gap-task reports and one follow-up saying it was applied (one saying not yet counts for nothing).
      const report = { whatDone: 'x', impactSoFar: 'x', sustain: 'x', successes: 'x', barriers: 'x', shareWithManager: false, submittedAt: '2026-10-20T10:00:00.000Z' };
      await store.gapTasks.put(gapTask(T, 'hub1', 'ada', { status: 'reported', report }));
      await store.gapTasks.put(gapTask(T, 'hub1', 'ben', { status: 'reported', report }));
      await store.gapTasks.put(gapTask(T, 'hub1', 'cat', { status: 'planned' }));
      const person = (applied: 'yes' | 'not-yet') => ({ applied, how: 'x', pupilChange: 'x', evidence: ['pupil-data' as const], submittedAt: '2026-11-10T10:00:00.000Z' });
      await store.impactFollowUps.put({ tenantId: T, id: impactFollowUpId('ext1', 'ada'), sessionId: 'ext1', staffId: 'ada', askedAt: '2026-11-09T09:00:00.000Z', status: 'answered', person: person('yes') });
      await store.impactFollowUps.put({ tenantId: T, id: impactFollowUpId('hub1', 'dan'), sessionId: 'hub1', staffId: 'dan', askedAt: '2026-11-09T09:00:00.000Z', status: 'answered', person: person('not-yet') });
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it('groups the year by provider: ratings, impact reports, cost per attendee and per impact report; facilitator time uncosted until a rate is set', async () => {
      const input = await loadProviderReportInput(deps, T, NOW);
      if (!input.ok) throw new Error(input.message);
      const report = buildProviderReport(input.value);
      expect(report.rows.map((r) => [r.provider, r.kindText, r.sessions, r.attended, r.responses, r.impactReports, r.costPence, r.costPerAttendeePence, r.costPerImpactPence])).toEqual([
        ['Fenland English Hub', 'External', 2, 6, 6, 3, 60_000, 10_000, 20_000],
        ['In-house: Dawn Cooper', 'In-house', 1, 2, 2, 0, 0, 0, undefined],
      ]);
      const [hub, dawn] = report.rows;
      expect(hub!.ratings?.find((r) => r.questionId === 'quality')).toMatchObject({ count: 6, mean: 4 });
      // Two answers are under the minimum of five: no average.
      expect(dawn!.ratings).toBeUndefined();
      expect(dawn!.withheld).toBe('fewer than 5 responses');
      expect(dawn!.uncostedHours).toBe(1.5);
      expect(report.notes.join(' ')).toContain('Facilitator time is not costed: no hourly rate is set. Set it with "settings evaluation"');
    });

    it('the facilitator-hourly-rate setting costs facilitator time; a bad amount is refused and nothing changes', async () => {
      const bad = await changeSettings(deps, T, CLI_CHANGER, { 'facilitator-hourly-rate': 'forty' });
      expect(bad).toMatchObject({ ok: false });
      expect((await store.tenants.get(T, T))!.value.settings.facilitatorHourlyPence).toBeUndefined();
      expect(await changeSettings(deps, T, CLI_CHANGER, { 'facilitator-hourly-rate': '£40' })).toMatchObject({ ok: true });
      const input = await loadProviderReportInput(deps, T, NOW);
      if (!input.ok) throw new Error(input.message);
      const dawn = buildProviderReport(input.value).rows.find((r) => r.provider === 'In-house: Dawn Cooper')!;
      expect([dawn.costPence, dawn.costPerAttendeePence, dawn.uncostedHours]).toEqual([6_000, 3_000, undefined]);
      expect(buildProviderReport(input.value).notes[0]).toContain('at £40.00 an hour');
    });

    it("the provider's summary to send on names nobody and quotes no comment: ratings and themes only; a small group's figures are withheld", async () => {
      const input = await loadProviderReportInput(deps, T, NOW);
      if (!input.ok) throw new Error(input.message);
      const hub = buildProviderSummary(input.value, 'Fenland English Hub');
      expect(hub.sessions.map((s) => s.title)).toEqual(['Early reading twilight', 'Leading phonics (course)']);
      expect([hub.attended, hub.responses]).toEqual([6, 6]);
      expect(hub.themes).toContainEqual({ theme: 'phonics', count: 3 });
      // Three people reported impact: fewer than five, so the count is not given to the provider.
      expect(hub.impactReports).toBeUndefined();
      const json = JSON.stringify(hub);
      for (const name of ['Ada', 'Ben', 'Cat', 'Dan', 'Eve', 'Teacher', 'Lee Lead', QUOTED, 'Too long', '£', 'cost']) expect(json).not.toContain(name);
      expect(hub.forwardText).toContain('# Feedback for Fenland English Hub');

      const dawn = buildProviderSummary(input.value, 'In-house: Dawn Cooper');
      expect(dawn.withheld).toBe('fewer than 5 responses');
      expect([dawn.ratings, dawn.themes]).toEqual([undefined, undefined]);
      expect(dawn.forwardText).toContain('Ratings and comments: fewer than 5 responses.');
    });

    it('in chat: providers and provider <name> for the lead; a name fitting none or several is answered; staff are refused; another trust sees none of it', async () => {
      const lead = await actor('lead');
      expect((await runCommand(deps, lead, 'providers')).kind).toBe('provider-report');
      const summary = await runCommand(deps, lead, 'provider fenland');
      expect(summary.kind === 'provider-summary' && summary.provider).toBe('Fenland English Hub');
      expect(await runCommand(deps, lead, 'provider nobody')).toMatchObject({ kind: 'notice', notice: { text: expect.stringContaining('No session held this school year was provided by "nobody"') } });
      expect(await runCommand(deps, lead, 'provider e')).toMatchObject({ kind: 'notice', notice: { text: expect.stringContaining('fits 2 providers') } });
      expect(await runCommand(deps, lead, 'providers 2026-28')).toMatchObject({ kind: 'notice', notice: { text: '"2026-28" is not a school year: give one like 2026-27.' } });
      expect(await runCommand(deps, await actor('ada'), 'providers')).toMatchObject({ kind: 'notice', notice: { text: expect.stringContaining('Only CPD leads') } });
      const otherInput = await loadProviderReportInput(deps, 'other', NOW);
      expect(otherInput.ok && buildProviderReport(otherInput.value).rows.map((r) => [r.provider, r.costPence])).toEqual([['Fenland English Hub', 99_000]]);
    });

    it('the report page has the providers section; the CLI exports the table as CSV and the summary as Markdown or CSV, with no names', async () => {
      const page = await loadReportPage(deps, T, NOW);
      if (!page.ok) throw new Error(page.message);
      const html = renderReportPage(page.value);
      expect(html).toContain('Providers and value for money');
      expect(html).toContain('Fenland English Hub');
      expect(html).toContain('£100.00');
      const lines: string[] = [];
      const cli = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });
      expect(await cli('export', 'providers')).toBe(0);
      expect(lines.at(-1)!.replace(/^\uFEFF/, '').split('\n')[0]).toBe('provider,kind,sessions,attended,responses,ratings,impact_reports,cost_gbp,cost_per_attendee_gbp,cost_per_impact_report_gbp,facilitator_hours_not_costed');
      expect(lines.at(-1)).toContain('Fenland English Hub,External,2,6,6,');
      expect(await cli('export', 'provider', 'Fenland', 'English', 'Hub')).toBe(0);
      expect(lines.at(-1)).toContain('# Feedback for Fenland English Hub');
      expect(await cli('export', 'provider', 'fenland', '--format', 'csv')).toBe(0);
      expect(lines.at(-1)).toContain('comment theme: phonics,3');
      for (const text of lines) expect(text).not.toMatch(/Ada|Ben Teacher|Lee Lead/);
      expect(await cli('export', 'provider', 'nobody')).toBe(1);
      expect(lines.at(-1)).toContain('Providers: Fenland English Hub; In-house: Dawn Cooper.');
    });
  });
});
