import { parse } from 'csv-parse/sync';
import { runCli } from '../../../src/cli/run-cli';
import { defaultReactionTemplate, ManualClock, participationId, type Questionnaire } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { session, staff, tenant } from '../../support/fixtures';

type Row = { section: string; group: string; measure: string; value: string };
const T = 't1';
const MIN = 5;
const SCHOOL = 'sch-1';
const TEACHERS = Array.from({ length: 12 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

async function exportSchool(store: Store, clock: ManualClock): Promise<Row[]> {
  const lines: string[] = [];
  expect(await runCli(['export', 'governors', '--school', SCHOOL, '--term', 'autumn-2026'], { store, clock, defaultTenantId: T, print: (t) => lines.push(t) })).toBe(0);
  return parse(lines.join('\n'), { columns: true, bom: true }) as Row[];
}

/** The school's own twilight each day, its questionnaire closing that evening, answered by one person. */
async function addDay(store: Store, day: number, rating: number) {
  const date = `2026-11-${String(day).padStart(2, '0')}`;
  const id = `ses-${day}`;
  await store.sessions.put(session(T, id, { startsAt: `${date}T16:00:00.000Z`, endsAt: `${date}T17:00:00.000Z`, audience: { kind: 'school', schoolId: SCHOOL } }));
  for (const p of TEACHERS) await store.participations.put({ tenantId: T, id: participationId(id, p), sessionId: id, staffId: p, rsvp: 'yes', attended: true });
  const questionnaire: Questionnaire = { tenantId: T, id: `q-${id}`, title: `How was ${id}?`, purpose: 'reaction', sessionId: id, anonymous: true, questions: defaultReactionTemplate(T).questions, opensAt: `${date}T17:00:00.000Z`, closesAt: `${date}T21:00:00.000Z` };
  await store.questionnaires.put(questionnaire);
  await store.anonymousResponses.put({ tenantId: T, id: `anon-${day}`, questionnaireId: questionnaire.id, sessionId: id, answers: { quality: rating, impact: rating }, submittedOn: date });
}

onBothStores('gov-school-diff', (label, open, done) => {
  describe(`a school's governors' exports cannot be differenced over time (${label})`, () => {
    afterAll(done);

    it("one school's exports a day apart, every pair: its answered count moves by 0 (figures unchanged) or by at least the minimum", async () => {
      const clock = new ManualClock('2026-11-02T09:00:00.000Z');
      const store = await open(clock);
      await store.tenants.put(tenant(T));
      for (const p of TEACHERS) await store.staff.put(staff(T, p, { pathway: 'developing-teacher', schoolId: SCHOOL }));
      const exports: { day: number; answered: number; figures: string }[] = [];
      for (const [i, rating] of [5, 4, 5, 3, 4, 1, 5, 2, 4, 5, 3, 4].entries()) {
        const day = i + 2;
        await addDay(store, day, rating);
        clock.set(`2026-11-${String(day + 1).padStart(2, '0')}T09:00:00.000Z`);
        const rows = (await exportSchool(store, clock)).filter((r) => r.section === 'Evaluation by level' && r.group === 'Level 1: Reaction');
        const answered = rows.find((r) => r.measure === 'Answered')?.value ?? '';
        exports.push({ day, answered: /^\d+$/.test(answered) ? Number(answered) : 0, figures: JSON.stringify(rows.filter((r) => r.measure !== 'Asked' && r.measure !== 'Answered')) });
      }
      expect(exports.at(-1)!.answered).toBeGreaterThanOrEqual(10);
      const isolating: string[] = [];
      for (const a of exports) {
        for (const b of exports.filter((x) => x.day > a.day)) {
          const moved = b.answered - a.answered;
          if (moved === 0 && a.figures !== b.figures) isolating.push(`${a.day}→${b.day}: same count, figures changed`);
          if (moved > 0 && moved < MIN) isolating.push(`${a.day}→${b.day}: ${moved} answer(s) apart`);
        }
      }
      expect(isolating).toEqual([]);
    });
  });
});
