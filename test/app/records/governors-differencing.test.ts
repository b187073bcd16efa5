import { parse } from 'csv-parse/sync';
import { runCli } from '../../../src/cli/run-cli';
import { defaultReactionTemplate, ManualClock, participationId, statutoryTrainingId, type Questionnaire } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { session, staff, tenant } from '../../support/fixtures';

type Row = { term: string; section: string; group: string; measure: string; value: string };
const T = 't1';
const MIN = 5;
const TEACHERS = Array.from({ length: 12 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

async function exportGovernors(store: Store, clock: ManualClock): Promise<Row[]> {
  const lines: string[] = [];
  expect(await runCli(['export', 'governors', '--term', 'autumn-2026'], { store, clock, defaultTenantId: T, print: (t) => lines.push(t) })).toBe(0);
  return parse(lines.join('\n'), { columns: true }) as Row[];
}

const value = (rows: Row[], section: string, group: string, measure: string | RegExp) =>
  rows.find((r) => r.section === section && r.group === group && (typeof measure === 'string' ? r.measure === measure : measure.test(r.measure)))?.value;

/** One twilight a day, each with a reaction questionnaire closing that evening, answered by exactly one person (anonymously). */
async function addDay(store: Store, day: number, rating: number) {
  const date = `2026-11-${String(day).padStart(2, '0')}`;
  const id = `ses-${day}`;
  await store.sessions.put(session(T, id, { title: `Twilight ${day}`, startsAt: `${date}T16:00:00.000Z`, endsAt: `${date}T17:00:00.000Z` }));
  for (const p of TEACHERS) await store.participations.put({ tenantId: T, id: participationId(id, p), sessionId: id, staffId: p, rsvp: 'yes', attended: true });
  const template = defaultReactionTemplate(T);
  const questionnaire: Questionnaire = { tenantId: T, id: `q-${id}`, title: `How was Twilight ${day}?`, purpose: 'reaction', sessionId: id, anonymous: true, questions: template.questions, opensAt: `${date}T17:00:00.000Z`, closesAt: `${date}T21:00:00.000Z` };
  await store.questionnaires.put(questionnaire);
  await store.anonymousResponses.put({ tenantId: T, id: `anon-${day}`, questionnaireId: questionnaire.id, sessionId: id, answers: { quality: rating, impact: rating }, submittedOn: date });
}

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`governors' exports cannot be differenced (${label})`, () => {
    afterAll(done);

    it('exports a day apart, every pair of them: the answered count moves by 0 (figures unchanged) or by at least the minimum, so no one answer is isolated', async () => {
      const clock = new ManualClock('2026-11-02T09:00:00.000Z');
      const store = await open(clock);
      await store.tenants.put(tenant(T));
      for (const p of TEACHERS) await store.staff.put(staff(T, p, { pathway: 'developing-teacher' }));
      const exports: { day: number; answered: number; means: (string | undefined)[] }[] = [];
      const ratings = [5, 4, 5, 3, 4, 1, 5, 2, 4, 5, 3, 4, 2, 5];
      for (const [i, rating] of ratings.entries()) {
        const day = i + 2;
        await addDay(store, day, rating);
        clock.set(`2026-11-${String(day + 1).padStart(2, '0')}T09:00:00.000Z`);
        const rows = await exportGovernors(store, clock);
        const answered = value(rows, 'Evaluation by level', 'Level 1: Reaction', 'Answered');
        const means = rows.filter((r) => r.section === 'Evaluation by level' && /mean of 5/.test(r.measure)).map((r) => r.value);
        exports.push({ day, answered: /^\d+$/.test(answered ?? '') ? Number(answered) : 0, means: [...means, value(rows, 'Evaluation by level', 'Level 1: Reaction', 'Result')] });
      }
      // Something is reported at all (the test would pass vacuously if everything were withheld).
      expect(exports.at(-1)!.answered).toBeGreaterThanOrEqual(10);
      const isolating: string[] = [];
      for (const a of exports) {
        for (const b of exports) {
          if (b.day <= a.day) continue;
          const moved = b.answered - a.answered;
          if (moved === 0 && JSON.stringify(a.means) !== JSON.stringify(b.means)) isolating.push(`${a.day}→${b.day}: same count, figures changed`);
          if (moved > 0 && moved < MIN) isolating.push(`${a.day}→${b.day}: ${moved} answer(s) apart`);
        }
      }
      expect(isolating).toEqual([]);
    });

    it('a figure whose complement is under the minimum is withheld too: 4 of 5 up to date, 11 of 12 took part', async () => {
      const clock = new ManualClock('2027-01-10T09:00:00.000Z');
      const store = await open(clock);
      await store.tenants.put(tenant(T));
      for (const p of TEACHERS) await store.staff.put(staff(T, p, { pathway: 'developing-teacher' }));
      await store.sessions.put(session(T, 'ses-1', { startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:30:00.000Z' }));
      for (const p of TEACHERS.slice(1)) await store.participations.put({ tenantId: T, id: participationId('ses-1', p), sessionId: 'ses-1', staffId: p, rsvp: 'yes', attended: true });
      for (const [i, p] of TEACHERS.slice(0, 5).entries()) {
        await store.statutoryTraining.put({ tenantId: T, id: statutoryTrainingId(p, 'safeguarding'), staffId: p, topic: 'Safeguarding', completedOn: '2024-09-01', expiresOn: i === 0 ? '2026-11-01' : '2027-09-01', recordedAt: '2024-09-01T00:00:00.000Z' });
      }
      for (const p of TEACHERS) await store.statutoryTraining.put({ tenantId: T, id: statutoryTrainingId(p, 'prevent'), staffId: p, topic: 'Prevent', completedOn: '2024-09-01', expiresOn: '2027-09-01', recordedAt: '2024-09-01T00:00:00.000Z' });
      const rows = await exportGovernors(store, clock);
      const withheld = `withheld (fewer than ${MIN})`;
      expect(value(rows, 'Statutory training', 'Safeguarding', 'Staff recorded')).toBe('5');
      expect(value(rows, 'Statutory training', 'Safeguarding', 'Up to date')).toBe(withheld);
      // Nobody lapsed: everyone's status is the same, and nobody is singled out.
      expect(value(rows, 'Statutory training', 'Prevent', 'Up to date')).toBe('100%');
      expect(value(rows, 'Participation and hours by staff group', 'Developing teachers', 'Staff')).toBe('12');
      expect(value(rows, 'Participation and hours by staff group', 'Developing teachers', 'Took part in CPD')).toBe(withheld);
      expect(value(rows, 'Participation and hours by staff group', 'Developing teachers', 'CPD hours (sessions and logged)')).toBe(withheld);
      expect(value(rows, 'Evaluation by level', 'Level 1: Reaction', 'Asked')).toBe('11');
    });
  });
}

onBothStores('gov-diff', suite);
