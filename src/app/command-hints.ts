import { chatCommandTable } from './commands';

/** A chat command as the Teams command menu and Slack's `/cpd` hint suggest it. */
export interface CommandHint {
  /** The command's own name: the first of its names in the command table (commands.ts). */
  name: string;
  /** What follows the name, as the person types it (`<session title>`). */
  argument?: string;
  description: string;
}

/** Teams and Slack suggest at most this many commands per scope (Teams manifest 1.24 and later). */
export const HINTS_PER_SCOPE = 12;

/**
 * The personal-chat commands in order of use, most used first: what staff do every week, then what
 * line managers and leads do. The manifests suggest the first HINTS_PER_SCOPE; who may use each
 * (CPD leads, facilitators) is added from the command table, not written here.
 */
const PERSONAL_BY_USE: readonly CommandHint[] = [
  { name: 'sessions', description: 'Upcoming sessions, with RSVP buttons' },
  { name: 'tasks', description: 'Your open gap tasks' },
  { name: 'my cpd', description: 'Your CPD record, certificates and a CSV download' },
  { name: 'request cpd', description: 'Ask to go on a course: your line manager and headteacher approve it' },
  { name: 'requests', description: 'Your CPD requests, and any waiting for you' },
  { name: 'log cpd', description: 'Add CPD you did elsewhere (a course, reading, coaching) to your record' },
  { name: 'calendar', description: "This school year's terms, holidays and INSET days" },
  { name: 'year ahead', description: 'Optional yearly self-review: strengths, aspirations, the CPD you would like' },
  { name: 'digest', description: "This week's digest about your team (line managers)" },
  { name: 'register', argument: '<session>', description: 'Take the register for a session' },
  { name: 'report', argument: '<session>', description: 'Attendance and reactions for a session' },
  { name: 'new session', description: 'Create a session and invite its audience' },
  { name: 'programme', description: "This week's programme digest" },
  { name: 'new survey', description: 'Send a staff survey (the CPD audit) to an audience' },
  { name: 'survey results', argument: '<title>', description: 'How many answered a survey, and what they said' },
  { name: 'help', description: 'Everything you can do' },
];

/** In a team or group chat the bot answers with help: its commands work in a personal chat. */
const TEAM_BY_USE: readonly CommandHint[] = [{ name: 'help', description: 'How to use Twilight (commands work in a personal chat)' }];

/** A hint with who may use it appended from the command table; throws on a name the table lacks. */
function withAudience(hint: CommandHint): CommandHint {
  const spec = chatCommandTable().find((c) => c.names[0] === hint.name);
  if (!spec) throw new Error(`command hint "${hint.name}" is not a command's own name in commands.ts`);
  const who = spec.leadOnly ? ' (CPD leads)' : spec.leadOrFacilitator ? ' (CPD leads, its facilitators)' : '';
  return { ...hint, description: `${hint.description}${who}` };
}

/** The most-used commands of a scope, at most HINTS_PER_SCOPE, with who may use each. */
export function commandHints(scope: 'personal' | 'team'): CommandHint[] {
  return (scope === 'personal' ? PERSONAL_BY_USE : TEAM_BY_USE).slice(0, HINTS_PER_SCOPE).map(withAudience);
}
