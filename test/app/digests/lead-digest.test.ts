import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../../src/cards/blockkit';
import type { LeadDigestView } from '../../../src/cards/views';
import { comingDays, digestWeek } from '../../../src/app/digests/digest-week';
import { buildLeadDigest, hasNothingToReport } from '../../../src/app/digests/lead-digest';
import { loadLeadDigest } from '../../../src/app/digests/load-lead-digest';
import { participationId } from '../../../src/domain';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { slackLimitBreaches } from '../../cards/blockkit/slack-limits';
import { session, staff, tenant } from '../../support/fixtures';
import { ANONYMOUS_REMARK, leadDigestWorld } from './lead-digest-world';
import { NOW, T } from '../reports/report-world';

async function digestFor(world: Awaited<ReturnType<typeof leadDigestWorld>>, tenantId = T, leadId = 'lead'): Promise<LeadDigestView> {
  const result = await loadLeadDigest(world, tenantId, leadId, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('comingDays (Europe/London)', () => {
  it('runs from now to the end of the sixth day after today, in local days', () => {
    expect(comingDays(NOW)).toEqual({ start: '2026-11-23T07:30:00.000Z', end: '2026-11-30T00:00:00.000Z', text: '23–29 November 2026' });
    // 23:30 UTC on Sunday 18 October is 00:30 BST on Monday; its seven days span the clock change (169 hours).
    expect(comingDays(new Date('2026-10-18T23:30:00.000Z'))).toMatchObject({ end: '2026-10-26T00:00:00.000Z', text: '19–25 October 2026' });
    expect(comingDays(new Date('2026-03-29T23:30:00.000Z')).text).toBe('30 March – 5 April 2026');
  });
});

describe('loadLeadDigest against the embedded store', () => {
  it('reports the week held with the figures `report` gives, the coming days and the open questionnaires', async () => {
    const world = await leadDigestWorld();
    const view = await digestFor(world);
    expect(view).toMatchObject({ kind: 'lead-digest', leadName: 'Lead Person', weekText: '16–22 November 2026', comingText: '23–29 November 2026' });
    // Drafts and cancellations are not part of the programme; the week's sessions in start order.
    expect(view.held).toEqual([
      { sessionId: 's1', title: 'Retrieval practice', whenText: 'Wednesday 18 November, 16:00–17:30', invited: 7, accepted: 5, attended: 4, responses: 2, responseRate: 0.5, registerTaken: true },
      { sessionId: 's3', title: 'Oracy across the curriculum', whenText: 'Thursday 19 November, 16:00–17:00', invited: 7, accepted: 3, attended: 0, responses: 1, registerTaken: false },
    ]);
    expect(view.coming).toEqual([
      { sessionId: 's4', title: 'Behaviour for learning', whenText: 'Tuesday 24 November, 16:00–17:30', placesTaken: 2, capacity: 2, waitlist: 2 },
      { sessionId: 's5', title: 'ECT: adaptive teaching', whenText: 'Thursday 26 November, 15:45–17:00', placesTaken: 1, waitlist: 0 },
    ]);
    // Asked: those marked present (q1), those who said yes when no register was taken (q3), a survey's recipients.
    expect(view.openQuestionnaires.map((q) => [q.title, q.responses, q.asked, q.responseRate, q.closesText])).toEqual([
      ['Reaction: Retrieval practice', 2, 4, 0.5, 'closes Wednesday 25 November at 17:30'],
      ['Reaction: Oracy across the curriculum', 1, 3, 0.333, 'closes Thursday 26 November at 17:00'],
      ['Staff CPD audit', 0, 6, 0, 'closes Monday 30 November at 17:00'],
    ]);
    expect(view.notShown).toEqual({ attention: 0, held: 0, coming: 0, openQuestionnaires: 0 });
    expect(view.moreCommands.map((c) => c.command)).toEqual(['report <session title>', 'programme']);
    expect(hasNothingToReport(view)).toBe(false);
    await world.store.close();
  });

  it('flags a low response once the reminder has gone, a missing register and a full session with people waiting', async () => {
    const world = await leadDigestWorld();
    const view = await digestFor(world);
    expect(view.attention).toEqual([
      {
        text: 'Oracy across the curriculum: 1 of 3 answered the questionnaire (33%); it closes Thursday 26 November at 17:00.',
        command: 'report Oracy across the curriculum',
      },
      { text: 'Staff CPD audit: 0 of 6 answered the questionnaire (0%); it closes Monday 30 November at 17:00.' },
      { text: 'No register was taken for Oracy across the curriculum (Thursday 19 November): its questionnaire went to the 3 who said yes.' },
      { text: 'Behaviour for learning (Tuesday 24 November, 16:00–17:30) is full, with 2 on the waiting list: a bigger room or a repeat?' },
    ]);
    await world.store.close();
  });

  it('does not call a response rate low before the reminder has gone out', async () => {
    const world = await leadDigestWorld();
    // Opened at 19:00 on Sunday, it is 12½ hours old on Monday morning: its reminder (after 24 hours) is still to come.
    await world.store.questionnaires.put({ ...(await world.store.questionnaires.get(T, 'q3'))!.value, opensAt: '2026-11-22T19:00:00.000Z' });
    const texts = (await digestFor(world)).attention.map((a) => a.text);
    expect(texts.filter((t) => t.includes('answered the questionnaire'))).toEqual([
      'Staff CPD audit: 0 of 6 answered the questionnaire (0%); it closes Monday 30 November at 17:00.',
    ]);
    await world.store.close();
  });

  it('counts gap tasks this school year and further-CPD requests given this week', async () => {
    const world = await leadDigestWorld();
    const view = await digestFor(world);
    expect(view.gapTasks).toEqual({ open: 4, awaitingPlan: 3, dueSoon: 1, overdue: 2, reportedThisWeek: 2 });
    // Ada said yes on the named questionnaire; the one anonymous "yes" is in a set below the minimum.
    expect(view.furtherCpdRequests).toBe(1);
    await world.store.close();
  });

  it('leaves anonymous sets under the minimum out of the averages, and carries no answer text or participant', async () => {
    const world = await leadDigestWorld();
    const view = await digestFor(world);
    expect(view.reactionSummary).toEqual({ text: 'Quality 4.5 / 5, impact 4.0 / 5 (2 responses; 1 anonymous questionnaire with fewer than 5 responses left out)' });
    const json = JSON.stringify(view);
    expect(json).not.toContain(ANONYMOUS_REMARK);
    // Programme aggregates only: no participant's name or e-mail anywhere.
    expect(json).not.toMatch(/Ada Report|Ben Report|Cat Report|Dan Elsewhere|Manager One|@school\.example/);
    await world.store.close();
  });

  it('counts an anonymous set once it reaches the tenant minimum', async () => {
    const world = await leadDigestWorld();
    const t = tenant(T);
    await world.store.tenants.put({ ...t, settings: { ...t.settings, minAggregateCount: 3 } });
    // Two more anonymous answers bring the set to 3, the least minimum the settings allow.
    for (const n of [2, 3]) {
      await world.store.anonymousResponses.put({ tenantId: T, id: `anon-oracy-${n}`, questionnaireId: 'q3', sessionId: 's3', answers: { quality: 4, impact: 4, further_cpd: false }, submittedOn: '2026-11-20' });
    }
    const view = await digestFor(world);
    expect(view.reactionSummary).toEqual({ text: 'Quality 3.6 / 5, impact 3.4 / 5 (5 responses)' });
    expect(view.furtherCpdRequests).toBe(2);
    expect(JSON.stringify(view)).not.toContain(ANONYMOUS_REMARK);
    await world.store.close();
  });

  it("gives the other trust's lead (same staff id) only their own programme", async () => {
    const world = await leadDigestWorld();
    const view = await digestFor(world, 'other', 'lead');
    expect(view.leadName).toBe('Olu OtherLead');
    expect(view.held.map((s) => s.title)).toEqual(['Other trust induction', 'Other trust session']);
    expect(view.gapTasks).toEqual({ open: 1, awaitingPlan: 1, dueSoon: 0, overdue: 1, reportedThisWeek: 0 });
    expect(view.coming).toEqual([]);
    expect(view.openQuestionnaires).toEqual([]);
    expect(JSON.stringify(view)).not.toMatch(/Retrieval|Oracy|Behaviour|ECT|Staff CPD audit|Lead Person/);
    await world.store.close();
  });

  it('says so when the lead is unknown in that tenant', async () => {
    const world = await leadDigestWorld();
    expect(await loadLeadDigest(world, T, 'solo', NOW)).toEqual({ ok: false, message: 'We could not find you in the staff list.' });
    await world.store.close();
  });
});

describe('buildLeadDigest', () => {
  const t = tenant(T);
  const week = digestWeek(NOW);
  const coming = comingDays(NOW);
  const none = { open: 0, awaitingPlan: 0, dueSoon: 0, overdue: 0, reportedThisWeek: 0 };
  const base = { tenant: t, lead: staff(T, 'lead', { roles: ['cpd-lead'] }), week, coming, now: NOW, staff: [], participations: [], questionnaires: [], answers: [], gapTasks: none };

  it('has nothing to report in an empty week, and drops records of another tenant', () => {
    const foreign = session('other', 'x1', { startsAt: '2026-11-18T16:00:00.000Z', endsAt: '2026-11-18T17:00:00.000Z' });
    const view = buildLeadDigest({ ...base, sessions: [foreign] });
    expect(view.held).toEqual([]);
    expect(hasNothingToReport(view)).toBe(true);
    expect(hasNothingToReport({ ...view, gapTasks: { ...none, open: 1 } })).toBe(false);
  });

  it('keeps each list to eight rows, says how many more, and stays within Slack and Adaptive Card limits', () => {
    const sessions = Array.from({ length: 30 }, (_, i) =>
      session(T, `c${i}`, { title: `Coming session ${i} ${'x'.repeat(180)}`, startsAt: `2026-11-2${4 + (i % 5)}T16:00:00.000Z`, endsAt: `2026-11-2${4 + (i % 5)}T17:00:00.000Z`, capacity: 1 }),
    );
    const participations = sessions.flatMap((s) => [
      { tenantId: T, id: participationId(s.id, 'a'), sessionId: s.id, staffId: 'a', rsvp: 'yes' as const },
      { tenantId: T, id: participationId(s.id, 'b'), sessionId: s.id, staffId: 'b', rsvp: 'waitlist' as const },
    ]);
    const view = buildLeadDigest({ ...base, sessions, participations });
    expect(view.coming).toHaveLength(8);
    expect(view.attention).toHaveLength(8);
    expect(view.notShown).toMatchObject({ coming: 22, attention: 22 });
    const message = renderBlockKitMessage(view);
    expect(slackLimitBreaches(message, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('and 22 more');
    expect(adaptiveCardProblems(renderAdaptiveCard(view))).toEqual([]);
  });
});
