import {
  defaultReactionTemplate,
  Session as SessionSchema,
  Staff as StaffSchema,
  Tenant as TenantSchema,
  gapTaskId,
  participationId,
  type Answers,
  type GapTask,
  type Participation,
  type Questionnaire,
  type Session,
  type SessionCategory,
  type Staff,
} from '../domain';
import type { ReportPageInput } from '../documents/report-page';

/**
 * A made-up school year for the report page's /dev preview, its browser test and its benchmark:
 * deterministic (a seeded generator, a fixed "now"), sized by the number of staff. No store: the
 * figures go straight to buildReportPage, so a test can count them from the same input.
 */
export interface SampleYearOptions {
  staff: number;
  sessionsPerMonth?: number;
  /** One session has anonymous answers below the minimum, to show withholding. */
  withWithheldSession?: boolean;
}

const COMMENTS = [
  'More time to plan with my department would help.',
  'Subject specific examples for maths please.',
  'Behaviour strategies were really practical.',
  'Would like time to plan quizzes in the session.',
  'More subject examples for science.',
  'Practical behaviour ideas I can use tomorrow.',
];
const BARRIERS = ['Not enough time to plan', 'Time pressure from marking', 'Timetable clashes with the class', 'None so far'];
const CATEGORIES: SessionCategory[] = ['TL', 'TL', 'P', 'Tech', 'LD'];
const TITLES = ['Retrieval practice', 'Adaptive teaching', 'Oracy across the curriculum', 'Behaviour for learning', 'Safeguarding update', 'Using the new MIS', 'Middle leaders: coaching'];

/** Mulberry32: tiny, seeded, good enough for made-up figures. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_YEAR_NOW = new Date('2027-07-20T12:00:00.000Z');
export const SAMPLE_TENANT_ID = 'sample-school';

export function sampleYear(options: SampleYearOptions): ReportPageInput {
  const rand = random(18);
  const tenantId = SAMPLE_TENANT_ID;
  const tenant = TenantSchema.parse({ tenantId, id: tenantId, name: 'Riverside Academy Trust', kind: 'trust', schools: [{ id: 'sch-1', name: 'Riverside Academy' }] });
  const staff: Staff[] = Array.from({ length: options.staff }, (_, i) =>
    StaffSchema.parse({ tenantId, id: `stf-${i}`, name: `Staff ${i}`, email: `s${i}@riverside.example`, roles: i === 0 ? ['staff', 'cpd-lead'] : ['staff'] }),
  );
  const sessions: Session[] = [];
  const participations: Participation[] = [];
  const questionnaires: Questionnaire[] = [];
  const answersBySession = new Map<string, Answers[]>();
  const responsesBySession = new Map<string, number>();
  const gapTasks: GapTask[] = [];
  const perMonth = options.sessionsPerMonth ?? 3;
  const questions = defaultReactionTemplate(tenantId).questions;
  let n = 0;
  // September 2026 to July 2027: eleven teaching months.
  for (let m = 0; m < 11; m++) {
    const year = m < 4 ? 2026 : 2027;
    const month = ((8 + m) % 12) + 1;
    for (let k = 0; k < perMonth; k++, n++) {
      const day = 5 + k * 7;
      const startsAt = new Date(Date.UTC(year, month - 1, day, 15, 30)).toISOString();
      const id = `ses-${n}`;
      const cancelled = n % 17 === 16;
      sessions.push(
        SessionSchema.parse({
          tenantId,
          id,
          title: `${TITLES[n % TITLES.length]}${n >= TITLES.length ? ` (${Math.floor(n / TITLES.length) + 1})` : ''}`,
          category: CATEGORIES[n % CATEGORIES.length],
          kind: 'twilight',
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
          location: { place: 'Library' },
          audience: { kind: 'trust' },
          status: cancelled ? 'cancelled' : 'published',
        }),
      );
      if (cancelled) continue;
      const withheld = options.withWithheldSession === true && n === 4;
      questionnaires.push({
        tenantId,
        id: `qn-${n}`,
        title: 'Reaction',
        purpose: 'reaction',
        sessionId: id,
        anonymous: withheld,
        questions,
        opensAt: startsAt,
        closesAt: new Date(Date.parse(startsAt) + 7 * 86_400_000).toISOString(),
      } as Questionnaire);
      const share = 0.15 + rand() * 0.35;
      const answers: Answers[] = [];
      // The withheld session: three people came and all three answered, anonymously.
      for (const person of withheld ? staff.slice(0, 3) : staff) {
        if (!withheld && rand() > share) continue;
        participations.push({ tenantId, id: participationId(id, person.id), sessionId: id, staffId: person.id, rsvp: 'yes', attended: true });
        if (!withheld && rand() > 0.7) continue;
        const quality = Math.min(5, 2 + Math.floor(rand() * 4) + (rand() > 0.6 ? 1 : 0));
        const a: Answers = { quality, impact: Math.max(1, quality - (rand() > 0.5 ? 1 : 0)), further_cpd: rand() > 0.75 };
        if (rand() > 0.6) a.comments = COMMENTS[Math.floor(rand() * COMMENTS.length)]!;
        answers.push(a);
        if (rand() > 0.4) {
          const status = rand() > 0.45 ? 'reported' : rand() > 0.4 ? 'planned' : 'awaiting-plan';
          gapTasks.push({
            tenantId,
            id: gapTaskId(id, person.id),
            sessionId: id,
            staffId: person.id,
            intent: 'Use it',
            task: 'Try it with one class',
            dueAt: new Date(Date.parse(startsAt) + 42 * 86_400_000).toISOString(),
            status,
            ...(status === 'reported'
              ? { report: { whatDone: 'Tried it', impactSoFar: 'Some', sustain: 'Keep going', successes: 'Pupils engaged', barriers: BARRIERS[Math.floor(rand() * BARRIERS.length)]!, shareWithManager: true, submittedAt: startsAt } }
              : {}),
          } as GapTask);
        }
      }
      answersBySession.set(id, answers);
      responsesBySession.set(id, answers.length);
    }
  }
  return {
    tenant,
    from: '2026-08-31T23:00:00.000Z',
    to: '2027-08-31T23:00:00.000Z',
    now: SAMPLE_YEAR_NOW,
    sessions,
    participations,
    responsesBySession,
    ratingQuestions: questions.filter((q) => q.kind === 'rating'),
    answers: [...answersBySession.values()].flat(),
    gapTasks,
    staff,
    questionnaires,
    answersBySession,
  };
}
