import { cleanTyped, hasRole, schoolsLedBy } from '../domain';
import type { CardView } from '../cards/views';
import type { HelpView } from '../cards/views/help';
import type { MyRecordView } from '../cards/views/my-record';
import type { Actor } from './people/actor';
import type { AppDeps } from './deps';
import { calendarCommand } from './calendar/calendar-command';
import { notice } from './notice';
import { awayCommand, backCommand } from './people/away-command';
import { templatesCommand } from './questionnaires/templates-command';
import { programmeDigest } from './digests/programme-digest';
import { listOpenTasks } from './gap-tasks/open-tasks';
import { listUpcomingSessions, upcomingSessions } from './sessions/upcoming-sessions';
import { registerCommand } from './register/register';
import { myRecord, sessionReport } from './reports/report-commands';
import { providerSummaryCommand, providersCommand } from './reports/provider-commands';
import { myTeamDigest } from './digests/team-digest';
import { cancelSessionCommand, editSessionCommand } from './sessions/session-card-actions';
import { buildSessionFormView } from './sessions/session-form-view';
import { newSurvey, surveyResults } from './surveys/survey-commands';
import { runsSessions } from './sessions/session-roles';
import { listCpdRequests } from './requests/request-list';
import { cpdBudgetView, setCpdBudget } from './requests/budget';
import { openCpdRequestFormFor } from './requests/request-form';
import { longTermImpactCommand } from './impact/long-term-impact';
import { governorsReport } from './records/governors-command';
import { buildCpdLogForm } from './records/log-cpd';
import { buildStatutoryReportForm } from './records/statutory-report';
import { buildNeedsForm, needsSummary } from './records/needs';
import { yearAheadTeam } from './records/year-ahead-team';
import { statutoryCompliance } from './records/statutory-compliance';
import { sessionUndelivered, unreachableCommand } from './reach';
import { setupChecklist } from './setup';
import { statusCommand } from './status';
import { settingsCommand } from './tenants/settings-form';
import { linkWorkspaceCommand } from './tenants/link-workspace-command';
import { menteesCommand } from './mentoring-views';
import { inductionDigestCommand } from './digests/induction-tutor-digest';
import { mentorCommand, programmesCommand } from './mentoring';

/** What a school's own CPD lead (setting school-cpd-lead.<school>) may ask for their school: the commands marked `schoolLeads`. */
const SCHOOL_LEAD_COMMANDS = [
  { command: 'programme', text: "This week's programme digest for your school: sessions, response rates, gap tasks, what needs attention" },
  { command: 'governors [autumn-2026|2026-27]', text: "Your school's report to governors for a term or year: money, qualifications, no names, small groups withheld" },
  { command: 'statutory', text: "Who in your school is out of date, due to renew, or has never had required statutory training recorded" },
];

const FACILITATOR_COMMANDS = [
  { command: 'register <session title>', text: 'Take the register for a session you facilitate' },
  { command: 'report <session title>', text: 'Attendance and reactions for a session you facilitate' },
];

/** `facilitates`: the person is named as a session's facilitator (see `runsSessions`). */
export function helpView(actor: Actor, facilitates = false): HelpView {
  const isLead = hasRole(actor.staff, 'cpd-lead');
  return {
    kind: 'help',
    isLead,
    commands: [
      { command: 'sessions', text: 'Upcoming sessions, with buttons to say whether you are coming' },
      { command: 'tasks', text: 'Your open gap tasks' },
      { command: 'my cpd', text: 'Your CPD record: what you attended and its impact' },
      { command: 'request cpd', text: 'Ask to go on a course: your line manager and headteacher approve it' },
      { command: 'requests', text: isLead ? 'CPD requests: yours and those waiting for you ("requests all" for everyone\'s)' : 'Your CPD requests, and any waiting for you' },
      { command: 'year ahead', text: 'Your year-ahead review before your performance review: strengths, what to develop, aspirations; yours unless you share it with your line manager' },
      { command: 'log cpd', text: 'Add CPD you did elsewhere (a course, reading, coaching...) to your record' },
      { command: 'report training', text: 'Tell your CPD lead about statutory training you completed (safeguarding, first aid...) for your record' },
      hasRole(actor.staff, 'senior-leader') || isLead
        ? { command: 'impact <session title>', text: 'Record the longer-term impact for those who reported on a gap task (your own, for yours)' }
        : { command: 'impact <session title>', text: 'Add the longer-term impact you have seen from a gap task you reported on' },
      ...(hasRole(actor.staff, 'line-manager') ? [{ command: 'digest', text: "This week's digest about your team" }] : []),
      { command: 'mentees', text: 'The people you mentor or coach: next meeting, meetings held, open actions' },
      { command: 'induction', text: 'For induction tutors: your early-career teachers, and those of your school with no mentor' },
      ...(hasRole(actor.staff, 'line-manager') ? [{ command: 'team reviews', text: 'The year-ahead reviews your team shared with you' }] : []),
      { command: 'calendar', text: "This school year's terms, holidays and INSET days" },
      { command: 'away until <date>', text: 'Away for a while: no reminders or nudges until then' },
      { command: 'back', text: 'Back sooner than you said: reminders and nudges start again today' },
      { command: 'help', text: 'This list' },
      ...(isLead
        ? [
            { command: 'new session', text: 'Create a session and invite its audience' },
            { command: 'edit <session title>', text: 'Change a session: a new time or place is told to everyone booked on' },
            { command: 'cancel <session title>', text: 'Cancel a session: everyone booked on is told' },
            { command: 'report <session title>', text: 'Attendance and reactions for a session' },
            { command: 'register <session title>', text: 'Take the register for a session' },
            { command: 'programme', text: "This week's programme digest: sessions, response rates, gap tasks, what needs attention" },
            { command: 'budget [2026-27]', text: 'The CPD budget: committed and spent by school, cover used, cost per course' },
            { command: 'budget set <school or trust> <£ amount> [2026-27]', text: "Set a school's (or the trust's) CPD budget for the year" },
            { command: 'governors [school] [autumn-2026|2026-27]', text: "The report to governors for a term or year, the trust's or one school's: money, qualifications, no names, small groups withheld" },
            { command: 'needs', text: "The year-ahead reviews: counts and themes, no names" },
            { command: 'statutory', text: 'Who is out of date, due to renew, or has never had required statutory training recorded, by school' },
            { command: 'providers [2026-27]', text: 'Ratings, impact and cost per attendee and per impact report, by provider' },
            { command: 'provider <name>', text: 'A feedback summary to send on to one provider: no names, small groups withheld' },
            { command: 'new survey', text: 'Send a staff survey (the CPD audit) to an audience' },
            { command: 'survey results <title>', text: 'How many answered a survey, and what they said' },
            { command: 'templates', text: 'The questionnaires you can use, and how to change them' },
            { command: 'setup', text: 'What the school still needs set up, each with how to fix it (send me a staff list, programme or calendar as a file)' },
            { command: 'unreachable', text: 'Who could not be reached in Teams or Slack, why, and what to do' },
            { command: 'status', text: 'Is it working? The outbox, the planner, messages sent and failed, answers stored' },
            { command: 'settings [approval|messages|privacy|evaluation]', text: 'Schools and headteachers, who approves requests, quiet hours and reminders, privacy: see and change them' },
            { command: 'settings history', text: 'Who changed which setting, when, from what to what' },
            { command: 'programmes', text: 'Mentoring programmes: list, copy, and assign one to a person or a pathway ("programmes assign <name> to pathway ect")' },
            { command: 'mentor <person> <role> <mentor|none>', text: "Set or end someone's subject mentor, professional mentor, coach or induction tutor (\"mentor <person>\" shows theirs)" },
            { command: 'link slack <workspace id>', text: "Confirm a Slack workspace its admin installed from your trust's install link" },
          ]
        : [...(schoolsLedBy(actor.tenant.settings.cpdRequests, actor.staff.id).length > 0 ? SCHOOL_LEAD_COMMANDS : []), ...(facilitates ? FACILITATOR_COMMANDS : [])]),
    ],
  };
}

type CommandHandler = (deps: AppDeps, actor: Actor, argument: string) => Promise<CardView>;

interface CommandSpec {
  names: string[];
  leadOnly?: boolean;
  /** With leadOnly: a school's own CPD lead may run it too, and it then covers their school (issue 26 item 5). */
  schoolLeads?: boolean;
  /** Leads and session facilitators; the command itself then checks the session is theirs. */
  leadOrFacilitator?: boolean;
  run: CommandHandler;
}

/** The chat commands, the same for Teams and Slack: a typed table, not an if-chain. */
const COMMANDS: readonly CommandSpec[] = [
  { names: ['help', '?', 'hi', 'hello'], run: async (d, actor) => helpView(actor, await runsSessions(d, actor)) },
  { names: ['log cpd'], run: (d, a) => Promise.resolve(buildCpdLogForm(d, a)) },
  { names: ['report training', 'training done', 'report statutory'], run: (d, a) => Promise.resolve(buildStatutoryReportForm(d, a)) },
  { names: ['my cpd', 'my record', 'my', 'record'], run: (d, a) => myRecord(d, a) },
  { names: ['digest', 'my team'], run: (d, a) => myTeamDigest(d, a) },
  { names: ['mentees', 'my mentees'], run: (d, a) => menteesCommand(d, a) },
  { names: ['induction', 'induction digest'], run: (d, a) => inductionDigestCommand(d, a) },
  { names: ['report'], leadOrFacilitator: true, run: (d, a, argument) => sessionReportWithUndelivered(d, a, argument) },
  { names: ['register'], leadOrFacilitator: true, run: (d, a, argument) => registerCommand(d, a, argument) },
  { names: ['new session'], leadOnly: true, run: (d, a) => buildSessionFormView(d, a) },
  { names: ['edit session', 'edit'], leadOnly: true, run: (d, a, argument) => editSessionCommand(d, a, argument) },
  { names: ['cancel session', 'cancel'], leadOnly: true, run: (d, a, argument) => cancelSessionCommand(d, a, argument) },
  { names: ['programme', 'programme digest', 'program'], leadOnly: true, schoolLeads: true, run: (d, a) => programmeDigest(d, a) },
  { names: ['sessions', 'session', 'upcoming'], run: (d, a) => listUpcomingSessions(d, a) },
  { names: ['tasks', 'task', 'gap tasks'], run: (d, a) => listOpenTasks(d, a) },
  { names: ['request cpd', 'request course', 'request'], run: (d, a) => openCpdRequestFormFor(d, a) },
  { names: ['requests', 'my requests'], run: (d, a, argument) => listCpdRequests(d, a, argument) },
  { names: ['budget set'], leadOnly: true, run: (d, a, argument) => budgetSetCommand(d, a, argument) },
  { names: ['budget'], leadOnly: true, run: (d, a, argument) => cpdBudgetView(d, a, argument) },
  { names: ['team reviews', 'year ahead team', 'team year ahead'], run: (d, a) => yearAheadTeam(d, a) },
  { names: ['year ahead', 'my needs'], run: (d, a) => buildNeedsForm(d, a) },
  { names: ['needs', 'needs summary'], leadOnly: true, run: (d, a) => needsSummary(d, a) },
  { names: ['impact'], run: (d, a, argument) => longTermImpactCommand(d, a, argument) },
  { names: ['providers', 'providers report'], leadOnly: true, run: (d, a, argument) => providersCommand(d, a, argument) },
  { names: ['provider summary', 'provider'], leadOnly: true, run: (d, a, argument) => providerSummaryCommand(d, a, argument) },
  { names: ['governors report', 'governors'], leadOnly: true, schoolLeads: true, run: (d, a, argument) => governorsReport(d, a, argument) },
  { names: ['statutory', 'statutory training', 'compliance'], leadOnly: true, schoolLeads: true, run: (d, a) => statutoryCompliance(d, a) },
  { names: ['new survey'], leadOnly: true, run: (d, a) => newSurvey(d, a) },
  { names: ['survey results', 'results'], leadOnly: true, run: (d, a, argument) => surveyResults(d, a, argument) },
  { names: ['calendar', 'term dates', 'holidays'], run: (d, a) => calendarCommand(d, a) },
  { names: ['back', 'away off', "i'm back", 'im back'], run: (d, a) => backCommand(d, a) },
  { names: ['away'], run: (d, a, argument) => awayCommand(d, a, argument) },
  { names: ['templates', 'questionnaires'], leadOnly: true, run: (d, a) => templatesCommand(d, a) },
  { names: ['setup', 'set up', 'checklist'], leadOnly: true, run: (d, a) => setupChecklist(d, a) },
  { names: ['unreachable', 'not reached', 'undelivered'], leadOnly: true, run: (d, a) => unreachableCommand(d, a) },
  { names: ['status'], leadOnly: true, run: (d, a) => statusCommand(d, a) },
  { names: ['settings', 'setting'], leadOnly: true, run: (d, a, argument) => settingsCommand(d, a, argument) },
  { names: ['link'], leadOnly: true, run: (d, a, argument) => linkWorkspaceCommand(d, a, argument) },
  { names: ['mentor'], leadOnly: true, run: (d, a, argument) => mentorCommand(d, a, argument) },
  { names: ['programmes', 'mentoring programmes'], leadOnly: true, run: (d, a, argument) => programmesCommand(d, a, argument) },
];

/** A session's report, with its messages that could not be delivered (names for CPD leads only). */
async function sessionReportWithUndelivered(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const view = await sessionReport(deps, actor, argument);
  return view.kind === 'lead-report' ? { ...view, undelivered: await sessionUndelivered(deps, actor, view.session.sessionId) } : view;
}

/** `budget set <school or trust> <amount> [year]`: the school's name may have spaces, so the amount is the first money-like word. */
async function budgetSetCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const words = argument.split(' ').filter(Boolean);
  const year = words.length > 0 && /^\d{4}-\d{2}$/.test(words.at(-1)!) ? words.pop() : undefined;
  const amount = words.pop();
  if (!amount || words.length === 0) return notice('attention', 'Say "budget set <school or trust> <amount>", e.g. "budget set Huntingdon Academy 6000".');
  const result = await setCpdBudget(deps, actor.tenant, { scope: words.join(' '), amount, ...(year ? { year } : {}), setBy: actor.staff.id });
  return notice(result.ok ? 'good' : 'attention', result.message);
}

function match(text: string): { spec: CommandSpec; argument: string } | undefined {
  const normalised = text.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const spec of COMMANDS) {
    for (const name of spec.names) {
      if (normalised === name || normalised.startsWith(`${name} `)) {
        return { spec, argument: text.trim().replace(/\s+/g, ' ').slice(name.length).trim() };
      }
    }
  }
  return undefined;
}

/** Whether text starts with a command of the table (manifests list only these). */
export function isKnownCommand(text: string): boolean {
  return match(text) !== undefined;
}

/** Runs a typed command (Teams personal chat, Slack `/cpd ...`). Unknown text gets help, not an error. */
export async function runCommand(deps: AppDeps, actor: Actor, text: string): Promise<CardView> {
  const found = match(cleanTyped(text).slice(0, 500));
  if (!found) return helpView(actor, await runsSessions(deps, actor));
  const schoolLead = found.spec.schoolLeads === true && schoolsLedBy(actor.tenant.settings.cpdRequests, actor.staff.id).length > 0;
  if (found.spec.leadOnly && !hasRole(actor.staff, 'cpd-lead') && !schoolLead) {
    return notice('attention', 'Only CPD leads can do that. Say "help" to see what you can do.');
  }
  if (found.spec.leadOrFacilitator && !(await runsSessions(deps, actor))) {
    return notice('attention', 'Only CPD leads and session facilitators can do that. Say "help" to see what you can do.');
  }
  return found.spec.run(deps, actor, found.argument);
}

/** What Slack's App Home shows: the person's record, or at least their upcoming sessions and open tasks. */
export async function appHomeView(deps: AppDeps, actor: Actor): Promise<MyRecordView> {
  const view = await runCommand(deps, actor, 'my cpd');
  if (view.kind === 'my-record') return view;
  const [upcoming, tasks] = await Promise.all([upcomingSessions(deps, actor), listOpenTasks(deps, actor)]);
  return { kind: 'my-record', name: actor.staff.name, rows: [], upcoming, openTasks: tasks.tasks };
}

/** Each chat command's names (the first is its own) and who may use it: the manifests are generated from this. */
export function chatCommandTable(): readonly { names: readonly string[]; leadOnly: boolean; leadOrFacilitator: boolean }[] {
  return COMMANDS.map((c) => ({ names: c.names, leadOnly: c.leadOnly === true, leadOrFacilitator: c.leadOrFacilitator === true }));
}
