import { DateTime } from 'luxon';
import {
  DEFAULT_REACTION_QUESTIONS,
  Questionnaire,
  Session,
  Staff,
  Tenant,
  defaultReactionTemplate,
  gapTaskId,
  participationId,
  receiptId,
  responseId,
  type Answers,
  type GapTask,
} from '../domain';
import { digestWeek } from '../reports/digest-week';
import type { ReportDeps } from '../reports/report-deps';

export const DEMO_TENANT_ID = 'demo';

const REPORTS = [
  ['demo-jo', 'Jo Adeyemi', 'ect'],
  ['demo-priya', 'Priya Shah', 'developing-teacher'],
  ['demo-tom', 'Tom Walsh', 'developing-excellence'],
  ['demo-ellie', 'Ellie Brooks', 'developing-teacher'],
  ['demo-ben', 'Ben Carter', 'ect'],
  ['demo-hannah', 'Hannah Okafor', 'developing-excellence'],
] as const;

const COMMENTS = [
  'Really practical, I will use the retrieval grids with Year 9 tomorrow.',
  'Useful, but we need more time to plan retrieval quizzes as a department.',
  'Good pace. More examples for practical science lessons please.',
  'Would like time to plan with my department after the session.',
  'Clear and well organised; the quizzes idea is easy to start with.',
];

/** A demo school so `npm start` has something to show: idempotent, and dated around `now`. */
export async function seedDemo(deps: ReportDeps): Promise<{ staff: number; sessions: number }> {
  const { store } = deps;
  const now = deps.clock.now();
  const tenantId = DEMO_TENANT_ID;
  const tenant = Tenant.parse({ tenantId, id: tenantId, name: 'Demo Learning Trust', kind: 'trust', schools: [{ id: 'demo-school', name: 'Riverside Academy' }] });
  await store.tenants.put(tenant);
  await store.templates.put(defaultReactionTemplate(tenantId));
  const zone = tenant.settings.timezone;

  const people = [
    Staff.parse({ tenantId, id: 'demo-lead', name: 'Alex Morgan', email: 'alex.morgan@riverside.example', roles: ['cpd-lead', 'facilitator'], schoolId: 'demo-school', department: 'Leadership', pathway: 'leadership' }),
    Staff.parse({ tenantId, id: 'demo-manager', name: 'Sam Patel', email: 'sam.patel@riverside.example', roles: ['line-manager'], schoolId: 'demo-school', department: 'Science', lineManagerId: 'demo-lead' }),
    ...REPORTS.map(([id, name, pathway]) =>
      Staff.parse({ tenantId, id, name, email: `${id.slice(5)}@riverside.example`, roles: ['staff'], schoolId: 'demo-school', department: 'Science', pathway, lineManagerId: 'demo-manager' }),
    ),
  ];
  for (const p of people) await store.staff.put(p);

  const week = digestWeek(now, zone);
  const at = (day: DateTime, time: string) => DateTime.fromISO(`${day.toISODate()}T${time}`, { zone }).toUTC().toISO()!;
  const lastWednesday = DateTime.fromISO(week.start, { zone }).plus({ days: 2 });
  const tomorrow = DateTime.fromJSDate(now, { zone }).plus({ days: 1 });
  const inTwoWeeks = lastWednesday.plus({ weeks: 3 });
  const base = { tenantId, category: 'TL', kind: 'twilight', schoolId: 'demo-school', audience: { kind: 'school', schoolId: 'demo-school' }, compulsory: true, status: 'published', publishedAt: at(lastWednesday.minus({ weeks: 3 }), '09:00'), facilitatorIds: ['demo-lead'], createdBy: 'demo-lead' } as const;
  const part2 = Session.parse({ ...base, id: 'demo-ses-retrieval-2', title: 'Retrieval practice: part 2', startsAt: at(inTwoWeeks, '15:45'), endsAt: at(inTwoWeeks, '17:00'), location: { place: 'Library' }, seriesId: 'demo-series-retrieval' });
  const part1 = Session.parse({
    ...base,
    id: 'demo-ses-retrieval-1',
    title: 'Retrieval practice: part 1',
    startsAt: at(lastWednesday, '15:45'),
    endsAt: at(lastWednesday, '17:00'),
    location: { place: 'Library' },
    seriesId: 'demo-series-retrieval',
    followUpSessionId: part2.id,
    gapTask: { intent: 'Every lesson opens with low-stakes retrieval of prior learning.', task: 'Plan and run three retrieval quizzes with one class; note what changes.' },
  });
  const upcoming = Session.parse({ ...base, id: 'demo-ses-adaptive', title: 'Adaptive teaching in mixed-attainment classes', category: 'TL', startsAt: at(tomorrow, '15:45'), endsAt: at(tomorrow, '17:00'), location: { place: 'Room S4', meetingUrl: 'https://teams.microsoft.com/l/meetup-join/demo' }, capacity: 40 });
  for (const s of [part1, part2, upcoming]) await store.sessions.put(s);

  const attendees = REPORTS.map(([id]) => id);
  for (const staffId of attendees) {
    await store.participations.put({ tenantId, id: participationId(part1.id, staffId), sessionId: part1.id, staffId, rsvp: 'yes', rsvpAt: part1.publishedAt!, attended: true, attendanceMarkedAt: part1.endsAt, attendanceMarkedBy: 'demo-lead' });
  }
  const questionnaire = Questionnaire.parse({
    tenantId,
    id: 'demo-q-retrieval-1',
    title: 'How was it?',
    purpose: 'reaction',
    sessionId: part1.id,
    templateId: 'tpl-reaction-default',
    anonymous: false,
    questions: DEFAULT_REACTION_QUESTIONS,
    opensAt: part1.endsAt,
    // Open for a week from whenever the demo is seeded, so /dev always has something to answer.
    closesAt: DateTime.fromJSDate(now).plus({ days: 7 }).toUTC().toISO()!,
  });
  await store.questionnaires.put(questionnaire);
  // Five of six answer: enough for the team average to be shown (minimum 5).
  for (const [i, staffId] of attendees.slice(0, 5).entries()) {
    const answers: Answers = { quality: 4 + (i % 2), impact: 3 + (i % 3 === 0 ? 1 : 0), further_cpd: i % 2 === 0, comments: COMMENTS[i]! };
    await store.responses.put({ tenantId, id: responseId(questionnaire.id, staffId), questionnaireId: questionnaire.id, sessionId: part1.id, respondentId: staffId, answers, submittedAt: DateTime.fromISO(part1.endsAt).plus({ hours: 1 + i }).toUTC().toISO()! });
    await store.receipts.put({ tenantId, id: receiptId(questionnaire.id, staffId), questionnaireId: questionnaire.id, staffId });
  }

  const submitted = DateTime.fromISO(part1.endsAt).plus({ days: 2 }).toUTC().toISO()!;
  const plan = { takeBack: 'Retrieval grids at the start of lessons', intendedImpact: 'Better recall of key vocabulary', startingPoint: 'Baseline quiz average 45%', practiceChange: 'Every lesson starts with five questions', submittedAt: submitted };
  for (const [i, staffId] of attendees.entries()) {
    const task: GapTask = { tenantId, id: gapTaskId(part1.id, staffId), sessionId: part1.id, followUpSessionId: part2.id, staffId, intent: part1.gapTask!.intent, task: part1.gapTask!.task, dueAt: part2.startsAt, status: 'awaiting-plan' };
    if (i < 4) Object.assign(task, { status: 'planned', plan });
    if (i < 2) {
      Object.assign(task, {
        status: 'reported',
        report: { whatDone: 'Ran three quizzes with 9X2', impactSoFar: 'Quiz average rose from 45% to 62%; students ask for the grids.', sustain: 'Shared the grids with the department', successes: 'Quieter, faster starts', barriers: 'Finding time to write good questions', shareWithManager: i === 0, submittedAt: submitted },
      });
    }
    await store.gapTasks.put(task);
  }
  return { staff: people.length, sessions: 3 };
}
