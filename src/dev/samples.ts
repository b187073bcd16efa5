import { DEFAULT_REACTION_QUESTIONS, Question, STAFF_AUDIT_QUESTIONS } from '../domain';
import type { CardKind, CardView, ViewOfKind } from '../cards/views';
import type { SessionSummary } from '../cards/views/common';
import type { LeadDigestView, LeadDigestWeek } from '../cards/views/lead-digest';
import type { LeadReportView } from '../cards/views/lead-report';
import type { ManagerDigestView } from '../cards/views/manager-digest';
import { withChartImages } from '../cards/charts/report-charts';
import { chartToken } from '../cards/charts/chart-token';

/**
 * Realistic sample views, at least one per card kind, shared by the Adaptive Card (Teams) and
 * Block Kit (Slack) renderer tests and by any preview page. Typed so that adding a `CardKind`
 * without a sample fails to compile.
 */

const reactionQuestions: Question[] = DEFAULT_REACTION_QUESTIONS.map((q) => Question.parse(q));
const staffAuditQuestions: Question[] = STAFF_AUDIT_QUESTIONS.map((q) => Question.parse(q));

const retrievalSession: SessionSummary = {
  sessionId: 'ses-retrieval-1',
  title: 'Retrieval practice that sticks',
  categoryLabel: 'Teaching & Learning',
  kindLabel: 'Twilight',
  whenText: 'Tuesday 24 November, 16:00–17:30',
  startsAt: '2026-11-24T16:00:00.000Z',
  endsAt: '2026-11-24T17:30:00.000Z',
  place: 'Library, Huntingdon Academy',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_sample',
  facilitatorText: 'Led by Priya Shah (Lead Practitioner)',
  compulsory: false,
  placesLeft: 6,
};

const safeguardingSession: SessionSummary = {
  sessionId: 'ses-safeguarding-update',
  title: 'Safeguarding annual update',
  categoryLabel: 'Safeguarding',
  kindLabel: 'Whole-staff INSET',
  whenText: 'Monday 4 January, 09:00–10:30',
  startsAt: '2027-01-04T09:00:00.000Z',
  endsAt: '2027-01-04T10:30:00.000Z',
  place: 'Main hall',
  compulsory: true,
  rsvp: 'yes',
};

const openTasks: CardSampleViews['my-record']['openTasks'] = [
  { gapTaskId: 'gap-retrieval-jb', sessionTitle: 'Retrieval practice that sticks', dueText: 'due Tuesday 8 December', stage: 'plan', overdue: false },
  { gapTaskId: 'gap-oracy-jb', sessionTitle: 'Oracy across the curriculum', dueText: 'was due Friday 13 November', stage: 'report', overdue: true },
];

const openQuestionnaires: NonNullable<CardSampleViews['my-record']['openQuestionnaires']> = [
  { questionnaireId: 'qn-retrieval-1', title: 'How was it?', sessionTitle: 'Retrieval practice that sticks', closesText: 'Closes Tuesday 1 December, 17:00', anonymous: false },
  { questionnaireId: 'qn-audit-2026', title: 'Staff CPD audit', closesText: 'Closes Friday 4 December, 23:59', anonymous: true },
];

const registerRows: CardSampleViews['register']['expected'] = [
  { staffId: 'demo-amara', name: 'Amara Okafor', present: true, marked: false, rsvp: 'yes' },
  { staffId: 'demo-ben', name: 'Ben Hughes', present: true, marked: false, rsvp: 'yes' },
  { staffId: 'demo-chloe', name: 'Chloe Evans', present: true, marked: false, rsvp: 'yes' },
  { staffId: 'demo-dev', name: 'Dev Mistry', present: true, marked: false, rsvp: 'yes' },
  { staffId: 'demo-james', name: 'James Brown', present: true, marked: false, rsvp: 'yes' },
];

/** A whole-staff INSET register: 23 names, more than one Slack checkbox block holds. */
const insetRows: CardSampleViews['register']['expected'] = [
  'Aisha Khan', 'Alex Turner', 'Beth Morgan', 'Carlos Silva', 'Dan Price', 'Ella Ward', 'Fatima Ali', 'George Hall', 'Hannah Lee', 'Ian Wright', 'Jade Patel',
  'Kieran Doyle', 'Laura Green', 'Mo Hassan', 'Nina Shah', 'Olly Reed', 'Priya Shah', 'Quinn Foster', 'Ravi Kumar', 'Sara Jones', 'Tom Baker', 'Uma Das', 'Will Chen',
].map((name, i) => ({
  staffId: `demo-${name.toLowerCase().replace(/\W+/g, '-')}`,
  name,
  present: i % 5 !== 3,
  marked: i < 20,
  ...(i % 7 === 2 ? { rsvp: 'no' as const } : i % 3 === 0 ? { rsvp: 'yes' as const } : {}),
}));


type CardSampleViews = { [K in CardKind]: ViewOfKind<K> };

/** One sample of every kind, named by kind. */
export const CARD_SAMPLES: CardSampleViews = {
  invitation: {
    kind: 'invitation',
    session: retrievalSession,
    description: 'Practical ways to build low-stakes quizzing into every lesson, with examples from KS3 science and English.',
    intent: 'Staff leave with three retrieval activities ready to use next week.',
    reason: 'invitation',
    calendarUrl: 'https://twilight.example.org/ics/ses-retrieval-1.ics',
    canRespond: true,
  },
  reminder: { kind: 'reminder', session: { ...retrievalSession, rsvp: 'yes' }, when: 'day-before', canRespond: true },
  questionnaire: {
    kind: 'questionnaire',
    questionnaireId: 'qn-retrieval-1',
    title: 'How was today’s twilight?',
    sessionTitle: 'Retrieval practice that sticks',
    anonymous: false,
    questions: reactionQuestions,
    closesText: 'Closes Friday 27 November at 17:00',
    state: 'open',
  },
  'thank-you': {
    kind: 'thank-you',
    title: 'Thank you',
    text: 'Your answers help us plan next term’s CPD.',
    summary: [
      { label: 'Quality', value: '4 of 5' },
      { label: 'Impact on practice', value: '5 of 5' },
      { label: 'Further CPD', value: 'Yes: questioning in maths' },
    ],
  },
  'gap-plan': {
    kind: 'gap-plan',
    gapTaskId: 'gap-retrieval-jb',
    sessionTitle: 'Retrieval practice that sticks',
    intent: 'Every lesson opens with a short retrieval task.',
    task: 'Plan and teach three low-stakes quizzes with one class; note what pupils recall.',
    dueText: 'Before session two, Tuesday 8 December',
    state: 'open',
  },
  'gap-report': {
    kind: 'gap-report',
    gapTaskId: 'gap-retrieval-jb',
    sessionTitle: 'Retrieval practice that sticks',
    intent: 'Every lesson opens with a short retrieval task.',
    task: 'Plan and teach three low-stakes quizzes with one class; note what pupils recall.',
    dueText: 'Before session two, Tuesday 8 December',
    state: 'open',
    planSummary: [
      { label: 'Taking back', value: 'Do-now quizzes with Year 8 science' },
      { label: 'Starting point', value: 'End-of-unit test scores, autumn 1' },
    ],
  },
  nudge: {
    kind: 'nudge',
    gapTaskId: 'gap-oracy-jb',
    sessionTitle: 'Oracy across the curriculum',
    stage: 'report',
    dueText: 'Due tomorrow, Friday 13 November',
    urgency: 'tomorrow',
    done: false,
  },
  'manager-digest': {
    kind: 'manager-digest',
    managerName: 'Helen Carter',
    weekText: '23–29 November 2026',
    reports: [
      {
        staffId: 'stf-jb',
        name: 'James Brown',
        attendedThisWeek: ['Retrieval practice that sticks'],
        questionnairesOutstanding: 0,
        gapTasksOutstanding: 1,
        gapTasksOverdue: 0,
        impactNotes: ['Year 8 recall of key terms up from 55% to 72%.'],
      },
      {
        staffId: 'stf-ak',
        name: 'Aisha Khan',
        attendedThisWeek: [],
        questionnairesOutstanding: 1,
        gapTasksOutstanding: 1,
        gapTasksOverdue: 1,
        impactNotes: [],
      },
    ],
    totals: { attended: 1, questionnairesOutstanding: 1, gapTasksOutstanding: 2, gapTasksOverdue: 1 },
    reactionSummary: { withheld: 'Team averages appear once 3 people have answered.' },
  },
  'lead-digest': {
    kind: 'lead-digest',
    leadName: 'Rachel Okafor',
    weekText: '16–22 November 2026',
    comingText: '23–29 November 2026',
    attention: [
      {
        text: 'Oracy across the curriculum: 4 of 14 answered the questionnaire (29%); it closes Tuesday 24 November at 17:30.',
        command: 'report Oracy across the curriculum',
      },
      { text: 'No register was taken for Behaviour for learning (Thursday 19 November): its questionnaire went to the 12 who said yes.' },
      { text: 'Retrieval practice that sticks (Tuesday 24 November, 16:00–17:30) is full, with 5 on the waiting list: a bigger room or a repeat?' },
    ],
    held: [
      {
        sessionId: 'ses-oracy-1',
        title: 'Oracy across the curriculum',
        whenText: 'Tuesday 17 November, 16:00–17:30',
        invited: 42,
        accepted: 16,
        attended: 14,
        responses: 4,
        responseRate: 0.286,
        registerTaken: true,
      },
      {
        sessionId: 'ses-behaviour-1',
        title: 'Behaviour for learning',
        whenText: 'Thursday 19 November, 16:00–17:00',
        invited: 120,
        accepted: 12,
        attended: 0,
        responses: 9,
        registerTaken: false,
      },
    ],
    reactionSummary: { text: 'Quality 4.2 / 5, impact 3.8 / 5 (13 responses)' },
    coming: [
      { sessionId: 'ses-retrieval-1', title: 'Retrieval practice that sticks', whenText: 'Tuesday 24 November, 16:00–17:30', placesTaken: 30, capacity: 30, waitlist: 5 },
      { sessionId: 'ses-ect-7', title: 'ECT: adaptive teaching', whenText: 'Thursday 26 November, 15:45–17:00', placesTaken: 8, waitlist: 0 },
    ],
    openQuestionnaires: [
      { questionnaireId: 'qn-oracy-1', title: 'Reaction: Oracy across the curriculum', responses: 4, asked: 14, responseRate: 0.286, closesText: 'closes Tuesday 24 November at 17:30' },
      { questionnaireId: 'qn-behaviour-1', title: 'Reaction: Behaviour for learning', responses: 9, asked: 12, responseRate: 0.75, closesText: 'closes Thursday 26 November at 17:00' },
    ],
    notShown: { attention: 0, held: 0, coming: 0, openQuestionnaires: 0 },
    gapTasks: { open: 37, awaitingPlan: 6, dueSoon: 11, overdue: 4, reportedThisWeek: 9 },
    furtherCpdRequests: 5,
    moreCommands: [
      { command: 'report <session title>', text: 'attendance and reactions for one session' },
      { command: 'programme', text: 'this digest again, at any time' },
    ],
  },
  'lead-report': {
    kind: 'lead-report',
    session: retrievalSession,
    invited: 42,
    accepted: 31,
    attended: 28,
    responses: 21,
    responseRate: 0.75,
    ratings: [
      { questionId: 'quality', prompt: 'Quality of the session', count: 21, mean: 4.3, distribution: [0, 1, 2, 7, 11] },
      { questionId: 'impact', prompt: 'Impact on practice', count: 21, mean: 3.9, distribution: [0, 2, 4, 8, 7] },
    ],
    furtherCpdRequests: 9,
    commentThemes: [
      { theme: 'More subject examples', count: 6, examples: ['Would love maths-specific quizzes.'] },
      { theme: 'Time to plan', count: 4, examples: ['Give us 20 minutes to build a quiz in the session.'] },
    ],
  },
  'my-record': {
    kind: 'my-record',
    name: 'James Brown',
    rows: [
      {
        sessionId: 'ses-safeguarding-2026',
        year: '2025-26',
        hours: 3,
        month: 'September',
        cpd: 'Safeguarding annual update',
        impact: 'Updated DSL referral steps in my tutor group.',
        certificateUrl: 'https://twilight.example.org/links/certificate/demo/ses-safeguarding-2026/demo-james?expires=1798761600&sig=sample',
      },
      { sessionId: 'ses-oracy-1', year: '2026-27', month: 'October', cpd: 'Oracy across the curriculum', hours: 1.5 },
      { logId: 'cpd-demo-reading', year: '2026-27', month: 'October', cpd: 'Rosenshine\'s Principles in Action (Reading, logged)', hours: 4, impact: 'Weekly reviews at the start of each lesson.' },
      { sessionId: 'ses-retrieval-0', year: '2026-27', month: 'November', cpd: 'Retrieval practice that sticks', hours: 1.5, impact: 'Do-now quizzes in Year 8.' },
    ],
    years: [
      { year: '2025-26', hours: 3, entries: 1 },
      { year: '2026-27', hours: 7, entries: 3 },
    ],
    qualifications: [{ title: 'NPQ in Senior Leadership (NPQSL)', datesText: 'Started September 2024, Awarded July 2025' }],
    statutory: [
      { topic: 'First aid', expiresText: 'Lapsed 13 November 2026', lapsed: true },
      { topic: 'Safeguarding', expiresText: 'Valid until 1 September 2027', lapsed: false },
    ],
    upcoming: [safeguardingSession],
    openTasks,
    openQuestionnaires,
    exportUrl: 'https://twilight.example.org/links/record/demo/demo-james?expires=1798761600&sig=sample',
  },
  'session-list': {
    kind: 'session-list',
    sessions: [retrievalSession, safeguardingSession],
    emptyText: 'No sessions coming up. New ones will appear here.',
  },
  'task-list': { kind: 'task-list', tasks: openTasks, emptyText: 'No open gap tasks. Well done!', openQuestionnaires },
  help: {
    kind: 'help',
    isLead: true,
    commands: [
      { command: 'sessions', text: 'Upcoming sessions, with RSVP buttons' },
      { command: 'my cpd', text: 'Your CPD record this year' },
      { command: 'tasks', text: 'Your open gap tasks' },
      { command: 'new session', text: 'Plan a new session (CPD leads)' },
      { command: 'report <session>', text: 'Reactions and attendance for a session (CPD leads)' },
    ],
  },
  notice: { kind: 'notice', title: 'Sessions', notice: { tone: 'warning', text: 'That session has already started, so RSVPs are closed.' } },
  'session-form': {
    kind: 'session-form',
    followUpOptions: [{ sessionId: 'ses-retrieval-2', label: 'Retrieval practice: session two (Tuesday 12 January, 16:00–17:30)' }],
    schools: [
      { id: 'huntingdon', name: 'Huntingdon Academy' },
      { id: 'st-ives', name: 'St Ives School' },
    ],
  },
  'session-cancel': { kind: 'session-cancel', session: retrievalSession, bookedCount: 14, cancelled: false },
  'cpd-log-form': { kind: 'cpd-log-form', today: '2026-11-24' },
  'needs-form': { kind: 'needs-form', year: '2026-27', lineManagerName: 'Mia Jones' },
  'statutory-report-form': {
    kind: 'statutory-report-form',
    topics: [
      { value: 'Safeguarding', label: 'Safeguarding' },
      { value: 'First aid', label: 'First aid' },
    ],
    today: '2026-11-24',
  },
  'statutory-report-review': {
    kind: 'statutory-report-review',
    reportId: 'statrep-1',
    personName: 'Aisha Khan',
    schoolName: 'Huntingdon Academy',
    topic: 'First aid',
    completedOnText: 'Friday 20 November 2026',
    expiresText: 'Lapses Monday 20 November 2028 (renewed every 36 months)',
    certificateText: 'first-aid.pdf (PDF), sent with the report',
    status: 'reported',
  },
  'statutory-reject-form': { kind: 'statutory-reject-form', reportId: 'statrep-1', personName: 'Aisha Khan', topic: 'First aid', completedOnText: 'Friday 20 November 2026' },
  'needs-summary': {
    kind: 'needs-summary',
    year: '2026-27',
    responses: 34,
    preferred: [
      { label: 'Coaching or mentoring', count: 19 },
      { label: 'Twilight sessions', count: 15 },
    ],
    strands: [
      { label: 'A skill', count: 21 },
      { label: 'Knowledge', count: 12 },
    ],
    aspirationThemes: [{ theme: 'Behaviour', count: 8 }],
    strengthThemes: [{ theme: 'Questioning', count: 5 }],
    developmentThemes: [{ theme: 'Behaviour', count: 6 }],
  },
  'year-ahead-team': {
    kind: 'year-ahead-team',
    year: '2026-27',
    reviews: [
      {
        name: 'Aisha Khan',
        submittedText: 'Sent Monday 21 September',
        answers: [
          { label: 'Strengths', value: 'Questioning in KS3 science' },
          { label: 'Aspect for development', value: 'Adaptive teaching for SEND pupils' },
          { label: 'Skill, knowledge or attitude', value: 'A skill, Knowledge' },
          { label: 'Support wanted', value: 'Time to observe the SENCo' },
        ],
      },
    ],
    notShared: 3,
  },
  'gap-plan-shared': {
    kind: 'gap-plan-shared',
    personName: 'Aisha Khan',
    sessionTitle: 'Retrieval practice that sticks',
    audience: 'line-manager',
    plan: [
      { label: 'What will you take back to school?', value: 'Do-now quizzes in Year 8' },
      { label: 'What is the intended impact?', value: 'Better recall in the mid-term test' },
    ],
  },
  'provider-report': {
    kind: 'provider-report',
    periodText: '1 September 2026 – 31 August 2027',
    rows: [
      {
        provider: 'Fenland English Hub',
        kindText: 'External',
        sessions: 3,
        attended: 24,
        responses: 18,
        ratings: [
          { questionId: 'quality', prompt: 'How useful was this session?', count: 18, mean: 4.3, distribution: [0, 1, 2, 5, 10] },
          { questionId: 'impact', prompt: 'How likely are you to use this in your teaching?', count: 18, mean: 4.1, distribution: [0, 1, 3, 6, 8] },
        ],
        impactReports: 9,
        costPence: 180000,
        costPerAttendeePence: 7500,
        costPerImpactPence: 20000,
      },
      { provider: 'In-house: Dawn Cooper', kindText: 'In-house', sessions: 2, attended: 11, responses: 3, withheld: 'fewer than 5 responses', impactReports: 2, costPence: 27000, costPerAttendeePence: 2455, costPerImpactPence: 13500 },
    ],
    notes: ['Cost: course fees, each session’s own cost, and facilitator time at £45.00 an hour.', 'Impact: gap-task impact reports, and impact follow-ups saying the learning was applied (yes or partly).'],
    moreCommands: [{ command: 'provider <name>', text: 'a feedback summary to send on to one provider: no names, small groups withheld' }],
  },
  'provider-summary': {
    kind: 'provider-summary',
    provider: 'Fenland English Hub',
    periodText: '1 September 2026 – 31 August 2027',
    sessions: [{ title: 'Leading early reading', dateText: '12 January 2027' }],
    attended: 24,
    responses: 18,
    ratings: [{ prompt: 'How useful was this session?', mean: 4.3, count: 18 }],
    themes: [{ theme: 'phonics', count: 6 }],
    impactReports: 9,
    forwardText: '# Feedback for Fenland English Hub\n\n- Sessions: 1\n- Attended: 24\n',
  },
  'long-term-impact': {
    kind: 'long-term-impact',
    sessionId: 'ses-retrieval-0',
    sessionTitle: 'Retrieval practice that sticks',
    tasks: [
      { gapTaskId: 'gap-demo-1', name: 'Aisha Khan', reportText: 'Do-now quizzes in Year 8; recall up in the mid-term test.' },
      { gapTaskId: 'gap-demo-2', name: 'Dan Price', reportText: 'Low-stakes quizzes in KS3 science.', longTerm: 'Now department practice; end-of-year results held up.' },
    ],
  },
  'impact-follow-up': {
    kind: 'impact-follow-up',
    impactFollowUpId: 'impact-demo',
    stage: 'person',
    sessionTitle: 'Retrieval practice that sticks',
    whenText: '6 school weeks after the last session',
    state: 'open',
  },
  'governors-report': {
    kind: 'governors-report',
    term: 'autumn-2026',
    periodText: '1 September 2026 – 31 December 2026',
    minGroup: 5,
    sections: [
      { title: 'Programme by category', rows: [{ group: 'Teaching & learning', measure: 'Sessions held', value: '6' }, { group: 'Teaching & learning', measure: 'Attendances', value: '212' }] },
      { title: 'Participation and hours by staff group', rows: [{ group: 'Early career teachers', measure: 'Staff', value: 'withheld (fewer than 5)' }] },
      { title: 'Evaluation by level', rows: [{ group: 'Level 1: reactions', measure: 'Questionnaires answered', value: '148' }] },
      { title: 'Statutory training', rows: [] },
    ],
  },
  'statutory-compliance': {
    kind: 'statutory-compliance',
    dueWithinWeeks: 4,
    schools: [
      {
        name: 'Huntingdon Academy',
        lapsed: [{ name: 'Dan Price', topic: 'First aid', expiresText: 'Lapsed Friday 13 November 2026' }],
        due: [{ name: 'Aisha Khan', topic: 'Safeguarding', expiresText: 'Lapses Monday 14 December 2026' }],
        never: [{ name: 'Tom Reed', topic: 'Prevent', expiresText: 'Never recorded' }],
        current: 41,
      },
      { name: 'Ramsey Spinning Infants', lapsed: [], due: [], never: [], current: 18 },
    ],
    emptyText: 'No statutory training is recorded yet.',
  },
  'survey-form': {
    kind: 'survey-form',
    templates: [{ id: 'tpl-staff-audit', name: 'Staff audit of CPD', questionCount: staffAuditQuestions.length }],
    schools: [
      { id: 'sch-huntingdon', name: 'Huntingdon Academy' },
      { id: 'sch-ramsey', name: 'Ramsey Spinning Infants' },
    ],
    closesOn: '2026-12-07',
    earliestClosesOn: '2026-11-24',
    latestClosesOn: '2027-02-21',
  },
  'survey-results': {
    kind: 'survey-results',
    questionnaireId: 'srv-staff-audit-autumn',
    title: 'Staff audit of CPD',
    audienceText: 'Everyone in the trust',
    statusText: 'Open until Monday 7 December at 23:59',
    anonymous: true,
    asked: 64,
    responses: 38,
    responseRate: 0.594,
    statements: staffAuditQuestions
      .filter((q) => q.kind === 'likert')
      .map((q, i) => {
        const distribution: [number, number, number, number, number] = [[9, 18, 7, 2, 2], [5, 14, 12, 4, 3], [11, 19, 4, 1, 3]][i % 3] as [number, number, number, number, number];
        return { questionId: q.id, prompt: q.prompt, ...(q.section ? { section: q.section } : {}), count: 38, distribution, agreeShare: Math.round(((distribution[0] + distribution[1]) / 38) * 1000) / 1000 };
      }),
    commentThemes: [
      { theme: 'time', count: 7, examples: ['We need protected time to act on what we learn.', 'More time to plan after twilights, please.'] },
      { theme: 'coaching', count: 4, examples: ['Coaching has been the most useful part of this year.'] },
    ],
  },
  register: {
    kind: 'register',
    session: { ...retrievalSession, placesLeft: 0 },
    expected: registerRows,
    waitlist: [{ staffId: 'demo-sam', name: 'Sam Taylor', present: false, marked: false, rsvp: 'waitlist' }],
    taken: false,
  },
  'cpd-budget': {
    kind: 'cpd-budget',
    year: '2026-27',
    rows: [
      { name: 'Huntingdon Academy', budgetText: '£6,000.00', committedText: '£268.40', spentText: '£5,890.00', leftText: '−£158.40', overBudget: true, coverHalfDays: 14, coverCostText: '£1,540 at £110 a half-day' },
      { name: 'Trust (central)', budgetText: '£12,000.00', committedText: '£0.00', spentText: '£2,400.00', leftText: '£9,600.00', overBudget: false, coverHalfDays: 0 },
    ],
    byPurpose: [
      { label: 'School improvement priority', value: '£6,158.40' },
      { label: 'Appraisal objective', value: '£2,400.00' },
    ],
    byPathway: [{ label: 'Early career teachers', value: '£1,200.00' }],
    costPerAttendeeText: '£412.50 per course attended (12)',
    costPerImpactReportText: '£550.00 per impact report returned (9)',
  },
  'cpd-request-form': { kind: 'cpd-request-form' },
  'cpd-request': {
    kind: 'cpd-request',
    requestId: 'req-demo-1',
    audience: 'approver',
    requesterName: 'Priya Shah',
    courseTitle: 'Leading early reading',
    status: 'submitted',
    statusText: 'Waiting for Dawn Cooper (headteacher)',
    facts: [
      { label: 'Provider', value: 'Fenland English Hub' },
      { label: 'When', value: 'Tuesday 12 January 2027, 09:00–15:30' },
      { label: 'Where', value: 'In person' },
      { label: 'Cost', value: '£250.00 fee + £18.40 travel' },
      { label: 'Cover', value: '2 half-days' },
      { label: 'Serves', value: 'School improvement priority: SIP priority 2, early reading' },
    ],
    intendedImpact: 'More Year 1 pupils pass the phonics screening check.',
    steps: [
      { label: 'Line manager: Alex Turner', text: 'Approved (Monday 23 November at 10:12)' },
      { label: 'Headteacher: Dawn Cooper', text: 'Waiting for a decision' },
    ],
    questions: [],
    context: [
      { label: 'Their external CPD 2026-27', value: '1 course, £120.00' },
      { label: 'Budget left 2026-27', value: '£180.00 — this request would exceed it' },
    ],
    overBudget: true,
    canDecide: true,
    canBook: false,
    canWithdraw: false,
    canCancel: false,
  },
  'cpd-request-reply': { kind: 'cpd-request-reply', requestId: 'req-demo-1', mode: 'decline', courseTitle: 'Leading early reading', requesterName: 'Priya Shah' },
  'cpd-request-list': {
    kind: 'cpd-request-list',
    title: 'CPD requests: waiting for you, and your own',
    rows: [
      { requestId: 'req-demo-1', courseTitle: 'Leading early reading', requesterName: 'Priya Shah', statusText: 'Waiting for approval', costText: '£268.40', waitingForYou: true },
      { requestId: 'req-demo-2', courseTitle: 'NPQ Leading Teaching', requesterName: 'Dawn Cooper', statusText: 'Booked', costText: '£0.00', waitingForYou: false },
    ],
    emptyText: 'No CPD requests yet.',
    canRequest: true,
  },
  'file-import': {
    kind: 'file-import',
    fileName: 'staff-2026.csv',
    what: 'Staff list',
    state: 'preview',
    notice: { tone: 'info', text: 'Nothing has been imported yet. Check what would change, then press Import (or Cancel).' },
    summary: ['3 people would be added', '1 would be updated', '1 leaver would be marked inactive', '40 unchanged', 'roles: would make Dawn Cooper CPD lead'],
    details: ['add: Dawn Cooper <dawn.cooper@school.example> (Headteacher)', 'update: Sam Lee <sam.lee@school.example> (department)', 'leaver: Kit Moss <kit.moss@school.example> (not in the file: marked inactive, records kept)'],
    errors: [],
    notes: ['Columns not used: Payroll number.'],
    fileImportId: 'file-sample-1',
  },
  setup: {
    kind: 'setup',
    tenantName: 'Huntingdon Academy',
    items: [
      { text: 'Staff list: 46 people', done: true },
      { text: 'No term calendar for 2026-27', done: false, action: 'Send me the term dates here, as the .ics file from the school website or a CSV (Type, Name, Start, End).' },
      { text: 'Huntingdon Academy has no headteacher named', done: false, action: 'Send the staff list again with a Role or Job title column saying "Headteacher", or set it in "settings".' },
    ],
  },
  unreachable: {
    kind: 'unreachable',
    summary: {
      messages: 5,
      people: 3,
      periodText: 'in the last 30 days',
      groups: [
        { reason: 'no-account', reasonText: 'no Teams or Slack account linked', action: 'Check their e-mail on the staff list matches their Teams or Slack account, and ask them to open Twilight once.', messages: 3, people: 2, names: ['Jo Patel', 'Sam Lee'] },
        { reason: 'removed', reasonText: 'they removed Twilight', action: 'Ask them to add Twilight again.', messages: 2, people: 1, names: ['Kit Moss'] },
      ],
    },
    unlinkedStaff: 2,
    unlinkedNames: ['Jo Patel', 'Sam Lee'],
  },
  'settings-form': {
    kind: 'settings-form',
    section: 'privacy',
    title: 'Privacy',
    help: 'What managers may see, and how long answers are kept.',
    fields: [
      {
        key: 'min-group-size',
        label: 'Minimum group size',
        help: 'Managers see no average, count or theme of fewer answers than this.',
        range: '3 to 25',
        value: '4',
        warning: 'Below 5, a manager may be able to tell who gave an answer in a small team: 4 is allowed, but 5 is what the policies ask.',
      },
      { key: 'retention-days', label: 'Keep answers and records for (days)', help: 'After this many days answers and records are deleted.', range: '30 to 3650', value: '2190' },
    ],
    sections: [
      { section: 'schools', title: 'Schools and who leads them' },
      { section: 'approval', title: 'Approving CPD requests' },
      { section: 'messages', title: 'Messages and reminders' },
      { section: 'privacy', title: 'Privacy' },
    ],
  },
  'settings-history': {
    kind: 'settings-history',
    rows: [{ when: '2026-11-24 10:00 UTC', who: 'Dawn Cooper', label: 'quiet-hours', before: '18:00-07:30', after: '19:00-07:30' }],
    emptyText: 'No setting has been changed yet.',
  },
  mentees: {
    kind: 'mentees',
    mentorName: 'Helen Carter',
    todayText: 'Tuesday 24 November',
    mentees: [
      { staffId: 'demo-james', name: 'James Brown', roleText: 'subject mentor', nextMeetingText: 'week of Monday 30 November: Questioning to check understanding', held: 6, planned: 38, overdue: 0, openActions: 2, overdueActions: 0 },
      { staffId: 'demo-aisha', name: 'Aisha Khan', roleText: 'coach', held: 2, planned: 3, overdue: 1, openActions: 1, overdueActions: 1 },
    ],
  },
  'induction-digest': {
    kind: 'induction-digest',
    tutorName: 'Dawn Cooper',
    dateText: 'Monday 23 November 2026',
    ects: [
      { staffId: 'demo-james', name: 'James Brown', held: 9, dueSoFar: 10, planned: 44, overdueMeetings: 1, overdueActions: 0, latestReview: { outcomeText: 'on track', termText: '2026-27, term 1', atRisk: false }, noMentor: false, notOnEctPathway: false },
      { staffId: 'demo-priya', name: 'Priya Shah', held: 4, dueSoFar: 10, planned: 44, overdueMeetings: 5, overdueActions: 2, latestReview: { outcomeText: 'at risk', termText: '2026-27, term 1', atRisk: true }, noMentor: true, notOnEctPathway: false },
    ],
    unmentored: [
      { staffId: 'demo-priya', name: 'Priya Shah' },
      { staffId: 'demo-tom', name: 'Tom Baker' },
    ],
  },
  'mentoring-meeting': {
    kind: 'mentoring-meeting',
    mentoringMeetingId: 'mmeet-demo-1',
    stage: 'reminder',
    viewer: 'mentor',
    title: 'Meeting with Jo Patel (you are their subject mentor)',
    focus: 'Settling in. Q&A. Support mechanisms. Reflection.',
    weekText: 'Week of Monday 14 September',
    state: 'open',
  },
  'mentoring-action': {
    kind: 'mentoring-action',
    mentoringMeetingId: 'mmeet-demo-1',
    mentoringActionId: 'a1',
    text: 'Observe a Year 8 lesson with Sam',
    dueText: 'Due Monday 21 September',
    overdue: false,
    agreedText: 'Agreed with Sam Lee on Tuesday 15 September',
    done: false,
  },
  'progress-review': {
    kind: 'progress-review',
    menteeId: 'stf-jo',
    reviewTerm: '2026-27:1',
    stage: 'prompt',
    menteeName: 'Jo Patel',
    termText: 'Autumn term 2026-27',
    facts: [
      { label: 'Meetings held', value: '4 of 5 planned' },
      { label: 'Actions completed', value: '5 of 7' },
    ],
    reflections: [{ whenText: 'Tuesday 15 September', text: 'Seating plans first: the calmer start helped Year 9.' }],
    state: 'open',
  },
  'mentoring-reflection': {
    kind: 'mentoring-reflection',
    mentoringMeetingId: 'mmeet-demo-1',
    menteeName: 'Jo Patel',
    heldOnText: 'Tuesday 15 September',
    focus: 'Settling in. Q&A. Support mechanisms. Reflection.',
  },
};

/** Extra samples for states the renderers treat differently (errors kept, closed, answered, done). */
/** Links as the server signs them (src/app/signed-links.ts), for the "with links" samples. */
export const SAMPLE_REPORT_URL = 'https://twilight.example.org/links/report/demo/demo-lead?expires=1798761600&sig=sample';
export function sampleChartUrl(chart: Parameters<typeof chartToken>[0]): string {
  return `https://twilight.example.org/links/chart/demo/demo-lead/${chartToken(chart)}.png?expires=1798761600&sig=sample`;
}

/** Six weeks of a programme, this week (16 Nov) last: the digest's trend charts. */
export const SAMPLE_DIGEST_WEEKS: LeadDigestWeek[] = [
  { label: '12 Oct', sessions: 2, attended: 31, responseRate: 0.71 },
  { label: '19 Oct', sessions: 0, attended: 0 },
  { label: '26 Oct', sessions: 0, attended: 0 },
  { label: '2 Nov', sessions: 3, attended: 58, responseRate: 0.62 },
  { label: '9 Nov', sessions: 1, attended: 22, responseRate: 0.55 },
  { label: '16 Nov', sessions: 2, attended: 14, responseRate: 0.286 },
];

export const CARD_STATE_SAMPLES: Record<string, CardView> = {
  'questionnaire-with-errors': {
    ...CARD_SAMPLES.questionnaire,
    values: { quality: '9', impact: '4', further_cpd: 'yes', comments: 'Loved the quiz ideas.' },
    errors: { quality: 'Choose a rating from 1 to 5.', further_cpd_topic: 'Keep this to 500 characters (you wrote 612).' },
    notice: { tone: 'attention', text: 'Please check the answers marked below.' },
  },
  'questionnaire-closed': { ...CARD_SAMPLES.questionnaire, state: 'closed' },
  'cpd-request-requester': {
    ...CARD_SAMPLES['cpd-request'],
    audience: 'requester',
    context: undefined,
    overBudget: false,
    canDecide: false,
    canWithdraw: true,
    notice: { tone: 'info', text: 'Your request "Leading early reading" was approved at one step and has gone on to the next.' },
  },
  'cpd-request-form-with-errors': {
    kind: 'cpd-request-form',
    values: { courseTitle: 'Leading early reading', provider: 'Fenland English Hub', fee: '250 pounds', startDate: '2027-01-12', endDate: '2027-01-11' },
    errors: { fee: 'Give an amount in pounds, e.g. 250 or 249.99.', endDate: 'The course must end on or after the day it starts.', mode: 'Please choose one.', purpose: 'Please choose one.', purposeDetail: 'Please fill this in.', intendedImpact: 'Please fill this in.' },
    notice: { tone: 'attention', text: 'Please check the answers marked below.' },
  },
  'questionnaire-answered': { ...CARD_SAMPLES.questionnaire, state: 'answered', anonymous: true, isReminder: false },
  'questionnaire-reminder': { ...CARD_SAMPLES.questionnaire, isReminder: true },
  'invitation-cancelled': {
    ...CARD_SAMPLES.invitation,
    reason: 'cancelled',
    canRespond: false,
    notice: { tone: 'attention', text: 'This session has been cancelled.' },
  },
  'gap-plan-with-errors': {
    ...CARD_SAMPLES['gap-plan'],
    values: { takeBack: 'Do-now quizzes', intendedImpact: '' },
    errors: { intendedImpact: 'Please fill this in.' },
  },
  'gap-report-done': { ...CARD_SAMPLES['gap-report'], state: 'done' },
  'nudge-snoozed': { ...CARD_SAMPLES.nudge, snoozedUntilText: 'Snoozed until Monday 16 November', urgency: 'overdue' },
  'lead-digest-quiet-week': {
    ...CARD_SAMPLES['lead-digest'],
    attention: [],
    held: [],
    reactionSummary: { withheld: 'no ratings yet' },
    coming: [],
    openQuestionnaires: [],
    gapTasks: { open: 3, awaitingPlan: 0, dueSoon: 0, overdue: 3, reportedThisWeek: 0 },
    furtherCpdRequests: 0,
  },
  'session-list-empty': { kind: 'session-list', sessions: [], emptyText: 'No sessions coming up. New ones will appear here.' },
  'session-form-with-errors': {
    ...CARD_SAMPLES['session-form'],
    values: { title: 'Questioning for all', category: 'TL', kind: 'twilight', date: '2026-03-29', start: '01:30', end: '02:30', audienceKind: 'school', audienceValue: 'Hinchingbrooke' },
    errors: {
      start: 'That time does not exist on that day (the clocks change).',
      place: 'Give a place, a meeting link, or both.',
      audienceValue: 'Name one of the schools: Huntingdon Academy, St Ives School.',
    },
    notice: { tone: 'attention', text: 'Please check the fields marked.' },
  },
  'session-form-edit': {
    ...CARD_SAMPLES['session-form'],
    sessionId: 'ses-retrieval-1',
    values: {
      title: 'Retrieval practice that sticks',
      category: 'TL',
      kind: 'twilight',
      date: '2026-11-24',
      start: '16:00',
      end: '17:30',
      startsAt: '1795536000',
      durationMinutes: '90',
      place: 'Library, Huntingdon Academy',
      audienceKind: 'school',
      audienceValue: 'Huntingdon Academy',
      capacity: '20',
      compulsory: 'false',
      intent: 'Every lesson starts with retrieval',
      gapTask: 'Plan three low-stakes quizzes for one class',
    },
  },
  'session-cancel-done': { kind: 'session-cancel', session: retrievalSession, bookedCount: 14, cancelled: true },
  'register-saved': {
    ...CARD_SAMPLES.register,
    expected: registerRows.map((row, i) => ({ ...row, present: i !== 1, marked: true })),
    waitlist: [{ staffId: 'demo-sam', name: 'Sam Taylor', present: true, marked: true, rsvp: 'waitlist' }],
    taken: true,
    notice: { tone: 'good', text: 'Register saved: 5 present, 1 absent' },
  },
  'register-compulsory-inset': {
    kind: 'register',
    session: { ...safeguardingSession, rsvp: undefined },
    expected: insetRows,
    waitlist: [],
    taken: true,
  },
  'register-empty': { ...CARD_SAMPLES.register, expected: [], waitlist: [] },
  'lead-report-with-links': withChartImages({ ...(CARD_SAMPLES['lead-report'] as LeadReportView), fullReportUrl: SAMPLE_REPORT_URL }, sampleChartUrl),
  'lead-digest-with-links': withChartImages({ ...(CARD_SAMPLES['lead-digest'] as LeadDigestView), fullReportUrl: SAMPLE_REPORT_URL }, sampleChartUrl),
  'lead-digest-with-weeks': withChartImages({ ...(CARD_SAMPLES['lead-digest'] as LeadDigestView), weeks: SAMPLE_DIGEST_WEEKS, fullReportUrl: SAMPLE_REPORT_URL }, sampleChartUrl),
  'lead-digest-with-mentoring': {
    ...(CARD_SAMPLES['lead-digest'] as LeadDigestView),
    mentoring: [
      { school: 'Huntingdon Academy', held: 41, dueSoFar: 44, ectsWithoutMentor: 0 },
      { school: 'St Ives School', held: 12, dueSoFar: 18, ectsWithoutMentor: 2 },
    ],
  },
  'manager-digest-with-links': withChartImages(CARD_SAMPLES['manager-digest'] as ManagerDigestView, sampleChartUrl),
  'mentees-none-overdue': { kind: 'mentees', mentorName: 'Helen Carter', todayText: 'Tuesday 24 November', mentees: [{ staffId: 'demo-james', name: 'James Brown', roleText: 'professional mentor', held: 0, planned: 0, overdue: 0, openActions: 0, overdueActions: 0 }] },
  'induction-digest-school-unknown': { kind: 'induction-digest', tutorName: 'Dawn Cooper', dateText: 'Monday 23 November 2026', ects: [], unmentored: [], unmentoredNote: 'Your school is not given in the staff list, so early-career teachers without a mentor cannot be listed for you: ask the CPD lead to add it.' },
  'manager-digest-with-averages': { ...CARD_SAMPLES['manager-digest'], reactionSummary: { text: 'Quality 4.3 / 5 · Impact 3.9 / 5 (5 answers)' } },
  'questionnaire-staff-audit': {
    kind: 'questionnaire',
    questionnaireId: 'srv-staff-audit-autumn',
    title: 'Staff audit of CPD',
    anonymous: true,
    questions: staffAuditQuestions,
    closesText: 'Closes Monday 7 December at 23:59',
    state: 'open',
  },
  'cpd-log-form-with-errors': {
    kind: 'cpd-log-form',
    today: '2026-11-24',
    values: { what: 'Maths Hub work group', on: '2026-11-20', hours: '0', type: 'course', learned: 'Bar models for fractions.' },
    errors: { hours: 'Give the hours: at least a quarter of an hour.' },
    notice: { tone: 'attention', text: 'Please check the marked field.' },
  },
  'survey-form-with-errors': {
    ...CARD_SAMPLES['survey-form'],
    values: { templateId: 'tpl-staff-audit', audienceKind: 'department', audienceValue: 'Geography', closesOn: '2026-11-20', anonymous: 'yes' },
    errors: { audienceValue: 'Nobody on the staff list is in that audience.', closesOn: 'Choose a closing date after today.' },
    notice: { tone: 'attention', text: 'Please check the fields marked.' },
  },
  'survey-results-withheld': {
    ...CARD_SAMPLES['survey-results'],
    statusText: 'Closed Monday 7 December at 23:59',
    asked: 12,
    responses: 3,
    responseRate: 0.25,
    statements: [],
    commentThemes: [],
    withheld: 'fewer than 5 responses',
  },
  'mentoring-record-form-with-errors': {
    ...CARD_SAMPLES['mentoring-meeting'],
    stage: 'record-form',
    values: { heldOn: '2026-09-15', focus: 'Settling in', action1: 'Observe a Year 8 lesson with Sam', action1Due: '' },
    errors: { action1Due: 'Give the day it is due by.' },
    notice: { tone: 'attention', text: 'Please check the marked fields.' },
  },
  'mentoring-move-form': { ...CARD_SAMPLES['mentoring-meeting'], stage: 'move-form', viewer: 'mentee', title: 'Meeting with your subject mentor, Sam Lee' },
  'mentoring-record-for-mentee': {
    ...CARD_SAMPLES['mentoring-meeting'],
    stage: 'record',
    viewer: 'mentee',
    title: 'Meeting with your subject mentor, Sam Lee',
    moveLines: ['Moved from the week of Monday 7 September to the week of Monday 14 September: INSET day'],
    record: {
      facts: [
        { label: 'Held on', value: 'Tuesday 15 September' },
        { label: 'Focus', value: 'Settling in. Q&A. Support mechanisms. Reflection.' },
        { label: 'What went well', value: 'Routines at the door; Year 9 settled faster.' },
        { label: 'Next meeting', value: 'Tuesday 22 September' },
        { label: 'Time', value: '45 minutes' },
      ],
      actions: [{ id: 'a1', text: 'Observe a Year 8 lesson with Sam', dueText: 'Due Monday 21 September', done: false }],
    },
  },
  'mentoring-action-done': { ...CARD_SAMPLES['mentoring-action'], overdue: true, done: true },
  'progress-review-at-risk': {
    ...CARD_SAMPLES['progress-review'],
    stage: 'at-risk',
    state: 'done',
    recorded: { outcomeText: 'At risk', summary: 'Behaviour management is not yet secure; a support plan is agreed.', byText: 'Sam Lee, 14 December 2026' },
  },
};
