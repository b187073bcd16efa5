import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCommand } from '../../../src/app/commands';
import { runCli } from '../../../src/cli/run-cli';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../../src/cards/blockkit';
import { CpdRequestDetails, participationId, statutoryTrainingId } from '../../../src/domain';
import { bookExternalSession } from '../../../src/app/requests/request-booking';
import { courseDetails, cpdRequest } from '../../support/cpd-request-fixtures';
import { parseTermName, termDates } from '../../../src/app/records/school-term';
import { reactionQuestionnaire, smallSchool } from '../../support/app-world';
import { session, staff } from '../../support/fixtures';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';

type Row = { term: string; section: string; group: string; measure: string; value: string };

/** Six developing teachers (enough to report on) and two ECTs (too few: withheld), a term of sessions and answers. */
async function termWorld() {
  const w = await smallSchool('2026-12-10T10:00:00.000Z');
  const teachers = ['Tia', 'Uri', 'Vic', 'Wes', 'Xan', 'Yas'].map((n) => staff('t1', n.toLowerCase(), { name: `${n} Teacher`, pathway: 'developing-teacher' }));
  const ects = ['Zed', 'Amy'].map((n) => staff('t1', n.toLowerCase(), { name: `${n} Newteacher`, pathway: 'ect' }));
  for (const p of [...teachers, ...ects]) await w.store.staff.put(p);
  // Autumn 2026: a 1.5-hour twilight everyone attended; a summer session outside the term.
  await w.store.sessions.put(session('t1', 'ses-1', { title: 'Retrieval practice', startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:30:00.000Z' }));
  await w.store.sessions.put(session('t1', 'ses-old', { title: 'Summer session', startsAt: '2026-06-24T15:00:00.000Z', endsAt: '2026-06-24T16:00:00.000Z' }));
  for (const p of [...teachers, ...ects]) {
    await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', p.id), sessionId: 'ses-1', staffId: p.id, rsvp: 'yes', attended: true });
    await w.store.participations.put({ tenantId: 't1', id: participationId('ses-old', p.id), sessionId: 'ses-old', staffId: p.id, rsvp: 'yes', attended: true });
  }
  await w.store.questionnaires.put(reactionQuestionnaire());
  for (const [i, p] of teachers.entries()) {
    await w.store.responses.put({ tenantId: 't1', id: `r-${p.id}`, questionnaireId: 'q-ses-1', sessionId: 'ses-1', respondentId: p.id, answers: { quality: i % 2 === 0 ? 5 : 4, impact: 4, further_cpd: 'yes', comments: `Tia said this. ${p.name}` }, submittedAt: '2026-11-24T18:00:00.000Z' });
  }
  // Safeguarding for six (one lapsed), first aid for two (withheld).
  for (const [i, p] of teachers.entries()) {
    await w.store.statutoryTraining.put({ tenantId: 't1', id: statutoryTrainingId(p.id, 'safeguarding'), staffId: p.id, topic: 'Safeguarding', completedOn: '2024-09-01', expiresOn: i === 0 ? '2026-11-01' : '2027-09-01', recordedAt: '2024-09-01T00:00:00.000Z' });
  }
  for (const p of ects) await w.store.statutoryTraining.put({ tenantId: 't1', id: statutoryTrainingId(p.id, 'first aid'), staffId: p.id, topic: 'First aid', completedOn: '2024-09-01', expiresOn: '2027-09-01', recordedAt: '2024-09-01T00:00:00.000Z' });
  return { w, names: [...teachers, ...ects, ...Object.values(w.people)].map((p) => p.name) };
}

describe("governors' report (no names, small groups withheld)", () => {
  it('knows its terms: the published calendar first, else autumn to the new year', () => {
    expect(parseTermName('Autumn-2026')).toEqual({ season: 'autumn', year: 2026 });
    expect(parseTermName('winter-2026')).toBeUndefined();
    expect(termDates('autumn', 2026, { terms: [] }, 'Europe/London')).toEqual({ name: 'autumn-2026', from: '2026-08-31T23:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(termDates('spring', 2027, { terms: [{ start: '2027-01-05', end: '2027-03-26' }] }, 'Europe/London')).toEqual({ name: 'spring-2027', from: '2027-01-05T00:00:00.000Z', to: '2027-03-27T00:00:00.000Z' });
  });

  it('npm run cli -- export governors --term autumn-2026 --out FILE: programme, participation and hours by group, levels, statutory; under five withheld; no names', async () => {
    const { w, names } = await termWorld();
    const dir = mkdtempSync(join(tmpdir(), 'twilight-gov-'));
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli(argv, { store: w.store, clock: w.clock, defaultTenantId: 't1', print: (t) => lines.push(t) });
    try {
      const out = join(dir, 'governors.csv');
      expect(await cli('export', 'governors', '--term', 'autumn-2026', '--out', out)).toBe(0);
      const text = readFileSync(out, 'utf8');
      for (const name of names) expect(text).not.toContain(name);
      const rows = parse(text, { columns: true, bom: true }) as Row[];
      const value = (section: string, group: string, measure: string) => rows.find((r) => r.section === section && r.group === group && r.measure === measure)?.value;
      expect(rows.every((r) => r.term === 'autumn-2026')).toBe(true);
      expect(value('Programme by category', 'Teaching & learning', 'Sessions held')).toBe('1');
      expect(value('Programme by category', 'Teaching & learning', 'Attendances')).toBe('8');
      expect(value('Participation and hours by staff group', 'Developing teachers', 'Took part in CPD')).toBe('6');
      expect(value('Participation and hours by staff group', 'Developing teachers', 'CPD hours (sessions and logged)')).toBe('9');
      expect(value('Participation and hours by staff group', 'Early career teachers', 'Staff')).toBe('withheld (fewer than 5)');
      expect(value('Participation and hours by staff group', 'No staff group given', 'Staff')).toBe('withheld (fewer than 5)');
      expect(value('Evaluation by level', 'Level 1: Reaction', 'Asked')).toBe('8');
      // 6 of 8: the two who did not answer are fewer than the minimum, so the count is withheld (docs/privacy.md).
      expect(value('Evaluation by level', 'Level 1: Reaction', 'Answered')).toBe('withheld (fewer than 5)');
      expect(value('Evaluation by level', 'Level 1: Reaction', 'Result')).toBe('quality 4.5 / 5');
      expect(value('Evaluation by level', 'Level 1: Reaction', 'How would you rate the quality of this session? (mean of 5)')).toBe('4.5');
      // 5 of 6 up to date would point at the one who lapsed.
      expect(value('Statutory training', 'Safeguarding', 'Up to date')).toBe('withheld (fewer than 5)');
      expect(value('Statutory training', 'First aid', 'Staff recorded')).toBe('withheld (fewer than 5)');
      expect(text).not.toContain('said this');

      // Without --term: the current term (10 December 2026 is in autumn 2026).
      expect(await cli('export', 'governors', '--out', join(dir, 'now.csv'))).toBe(0);
      expect(readFileSync(join(dir, 'now.csv'), 'utf8')).toBe(text);
      expect(await cli('export', 'governors', '--term', 'winter-2026')).toBe(1);
      expect(lines.at(-1)).toMatch(/is not a term/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('"governors" in chat: the lead gets the same report, valid on both platforms; anyone else the refusal', async () => {
    const { w, names } = await termWorld();
    const view = await runCommand(w.deps, w.actor('lead'), 'governors autumn-2026');
    if (view.kind !== 'governors-report') throw new Error(`expected the report, got ${view.kind}`);
    const card = renderAdaptiveCard(view);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const slack = JSON.stringify(renderBlockKitMessage(view).blocks);
    for (const name of names) {
      expect(JSON.stringify(card)).not.toContain(name);
      expect(slack).not.toContain(name);
    }
    expect(slack).toContain('Early career teachers: Staff: *withheld (fewer than 5)*');
    for (const who of ['ada', 'manager'] as const) {
      const refused = await runCommand(w.deps, w.actor(who), 'governors');
      expect(refused.kind === 'notice' && refused.notice.text).toMatch(/Only CPD leads can do that/);
    }
    await w.store.close();
  });
});

describe("governors' report: a booked course attended (issue 26)", () => {
  it("counts the course's hours from its days and times once the person said they went, and no name", async () => {
    const { w, names } = await termWorld();
    // Tia's two-day course, 09:00–15:30 on 1 and 2 December: 13 hours, not the 30.5 from first morning to last afternoon.
    const request = cpdRequest('t1', 'req-tia', { requesterId: 'tia', status: 'booked', details: CpdRequestDetails.parse(courseDetails({ startDate: '2026-12-01', endDate: '2026-12-02' })) });
    await w.store.cpdRequests.put(request);
    const sessionId = await bookExternalSession(w.deps, w.tenant, request);
    const hours = async () => {
      const view = (await runCommand(w.deps, w.actor('lead'), 'governors autumn-2026')) as { sections: { title: string; rows: { group: string; measure: string; value: string }[] }[] };
      const text = JSON.stringify(view);
      for (const name of names) expect(text).not.toContain(name);
      return view.sections.flatMap((s) => s.rows).find((r) => r.group === 'Developing teachers' && r.measure === 'CPD hours (sessions and logged)')?.value;
    };
    // Booked and ended, but not yet answered: not on the record.
    expect(await hours()).toBe('9');
    await w.store.participations.put({ ...(await w.store.participations.get('t1', participationId(sessionId, 'tia')))!.value, attended: true });
    expect(await hours()).toBe('22');
  });
});
