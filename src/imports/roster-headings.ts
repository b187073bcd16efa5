/**
 * Which roster column means what. MIS and HR exports (SIMS, Arbor, Bromcom, iSAMS, Entra ID,
 * Google Workspace) name the same thing differently; headings are compared after
 * `headingKey`, so "E-mail", "email" and "Email Address [Required]" all match their alias.
 * docs/imports.md lists this table for people: keep the two in step.
 */

export type RosterField =
  | 'email'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'role'
  | 'jobTitle'
  | 'department'
  | 'lineManager'
  | 'pathway'
  | 'school'
  | 'active'
  // Mentoring (issue 30, docs/mentoring.md): each names a person, by e-mail or name, as a line manager is.
  | 'subjectMentor'
  | 'professionalMentor'
  | 'coach'
  | 'inductionTutor';

/** How a field is named in messages and in `--map` (any alias below also works there). */
export const FIELD_LABELS: Record<RosterField, string> = {
  email: 'e-mail',
  name: 'full name',
  firstName: 'first name',
  lastName: 'last name',
  role: 'role',
  jobTitle: 'job title',
  department: 'department',
  lineManager: 'line manager',
  pathway: 'pathway',
  school: 'school',
  active: 'active',
  subjectMentor: 'subject mentor',
  professionalMentor: 'professional mentor',
  coach: 'coach',
  inductionTutor: 'induction tutor',
};

/**
 * Alias → field, with a rank: when several columns give the same field, the lowest rank that
 * has a value on the row wins (a preferred forename over the legal one, `mail` over the UPN).
 */
const ALIASES: Record<RosterField, readonly (readonly [string, number])[]> = {
  email: [
    ['email', 0], ['emailaddress', 0], ['workemail', 0], ['workemailaddress', 0], ['schoolemail', 0],
    ['schoolemailaddress', 0], ['staffemail', 0], ['staffemailaddress', 0], ['businessemail', 0],
    ['primaryemail', 0], ['primaryemailaddress', 0], ['mail', 0], ['emailwork', 0], ['officialemail', 0],
    ['email1', 1], ['userprincipalname', 2], ['upn', 2], ['username', 3],
  ],
  name: [['name', 0], ['fullname', 0], ['staffname', 0], ['displayname', 0], ['preferredfullname', 0], ['employeename', 0], ['legalfullname', 1]],
  firstName: [
    ['preferredforename', 0], ['preferredfirstname', 0], ['knownas', 0], ['preferredname', 0], ['chosenname', 0],
    ['forename', 1], ['forenames', 1], ['firstname', 1], ['givenname', 1], ['legalforename', 1], ['legalfirstname', 1],
  ],
  lastName: [
    ['preferredsurname', 0], ['preferredlastname', 0], ['surname', 1], ['lastname', 1], ['familyname', 1],
    ['legalsurname', 1], ['legallastname', 1],
  ],
  role: [['role', 0], ['roles', 0], ['twilightrole', 0], ['botrole', 0], ['cpdrole', 0], ['accessrole', 0]],
  jobTitle: [
    ['jobtitle', 0], ['staffrole', 0], ['jobrole', 0], ['employeetitle', 0], ['post', 0], ['posttitle', 0],
    ['position', 0], ['designation', 0], ['roletitle', 0], ['contractrole', 0], ['businessrole', 0], ['occupation', 0],
  ],
  department: [['department', 0], ['departments', 0], ['dept', 0], ['faculty', 0], ['subjectarea', 0], ['team', 1]],
  lineManager: [
    ['linemanager', 0], ['linemanageremail', 0], ['linemanageremailaddress', 0], ['linemanagername', 0],
    ['manager', 0], ['manageremail', 0], ['manageremailaddress', 0], ['managername', 0], ['reportsto', 0],
    ['reportingmanager', 0], ['supervisor', 1], ['performancemanager', 1], ['appraiser', 1], ['reviewer', 1],
  ],
  pathway: [['pathway', 0], ['careerpathway', 0], ['careerstage', 0], ['cpdpathway', 0]],
  school: [['school', 0], ['schoolname', 0], ['site', 0], ['sitename', 0], ['schoolid', 0], ['campus', 0], ['academy', 0], ['establishment', 0], ['schoolsite', 0]],
  active: [['active', 0], ['accountenabled', 0], ['enabled', 0], ['status', 1], ['employmentstatus', 1], ['staffstatus', 1]],
  subjectMentor: [
    ['subjectmentor', 0], ['subjectmentoremail', 0], ['subjectmentorname', 0], ['departmentmentor', 0], ['departmentalmentor', 0],
    ['ectmentor', 1], ['nqtmentor', 1], ['inductionmentor', 1], ['mentor', 1], ['mentoremail', 1], ['mentorname', 1],
  ],
  professionalMentor: [
    ['professionalmentor', 0], ['professionalmentoremail', 0], ['professionalmentorname', 0], ['wholeschoolmentor', 0],
    ['schoolmentor', 0], ['generalprofessionalmentor', 0], ['professionaltutor', 1],
  ],
  coach: [['coach', 0], ['coachemail', 0], ['coachname', 0], ['instructionalcoach', 0], ['teachingcoach', 0], ['cpdcoach', 0]],
  inductionTutor: [
    ['inductiontutor', 0], ['inductiontutoremail', 0], ['inductiontutorname', 0], ['ectinductiontutor', 0], ['ectinductionlead', 1],
    ['inductionlead', 1], ['inductioncoordinator', 1], ['ectcoordinator', 1],
  ],
};

const ALIAS_INDEX = new Map<string, { field: RosterField; rank: number }>(
  Object.entries(ALIASES).flatMap(([field, list]) => list.map(([alias, rank]) => [alias, { field: field as RosterField, rank }] as const)),
);

/** The names `--map` understands for each field: its label and every alias. */
const TARGET_INDEX = new Map<string, RosterField | 'ignore'>([
  ...[...ALIAS_INDEX].map(([alias, { field }]) => [alias, field] as const),
  ...Object.entries(FIELD_LABELS).map(([field, label]) => [headingKey(label), field as RosterField] as const),
  ['ignore', 'ignore'],
  ['skip', 'ignore'],
  ['none', 'ignore'],
]);

/**
 * "Email Address [Required]" → "emailaddress": case, spaces, punctuation and Google's bracketed
 * notes do not matter.
 */
export function headingKey(heading: string): string {
  return heading
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** Every alias of every field, for docs and messages. */
export function aliasesOf(field: RosterField): string[] {
  return ALIASES[field].map(([alias]) => alias);
}

export interface RosterColumn {
  index: number;
  /** The heading as the file spells it: every message uses it. */
  heading: string;
  rank: number;
}

export interface RosterLayout {
  /** Columns for each field, best first. */
  columns: Partial<Record<RosterField, RosterColumn[]>>;
  /** Headings that feed nothing, as the file spells them. */
  ignored: string[];
  /** Headings read by the rule of thumb below, to be told to the person ("E-mail address (work)" as the e-mail). */
  guessed: { heading: string; field: RosterField }[];
}

/**
 * Headings not in the table, matched by what they contain ("E-mail address (work)", "Line Manager
 * (Name)"): only for the fields every roster has, never for personal or recovery e-mails or id
 * columns, ranked after any exact alias, and always reported.
 */
const GUESSES: readonly { field: RosterField; contains: RegExp; unless?: RegExp }[] = [
  {
    field: 'email',
    contains: /e?mail/,
    unless: /personal|home|private|recovery|alternat|secondary|other|parent|contact|guardian|nextofkin|password|usage|quota|verified|nickname|alias|forward|new|domain|status|sent/,
  },
  { field: 'lineManager', contains: /linemanager|reportsto|manageremail|managername/, unless: /id$|number|code|no$|ref/ },
  { field: 'firstName', contains: /forename|firstname|givenname/, unless: /legal|initial/ },
  { field: 'lastName', contains: /surname|lastname|familyname/, unless: /legal|previous|maiden|birth/ },
  { field: 'jobTitle', contains: /jobtitle|posttitle|jobrole/ },
  { field: 'department', contains: /department|faculty/, unless: /id$|code|head/ },
];

function guessField(key: string): RosterField | undefined {
  return GUESSES.find((g) => g.contains.test(key) && !(g.unless?.test(key) ?? false))?.field;
}

export type ColumnMap = ReadonlyMap<string, RosterField | 'ignore'>;

/**
 * Parses `--map "Work Email=email,Known As=first name"`: file heading = field. The heading side is
 * matched like any heading; the field side takes a label from FIELD_LABELS, an alias, or "ignore".
 */
export function parseColumnMap(text: string): { ok: true; map: ColumnMap } | { ok: false; message: string } {
  const map = new Map<string, RosterField | 'ignore'>();
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const heading = eq > 0 ? pair.slice(0, eq).trim() : '';
    const target = eq > 0 ? pair.slice(eq + 1).trim() : '';
    if (!heading || !target) return { ok: false, message: `--map: "${pair}" is not HEADING=FIELD (e.g. "Work Email=email")` };
    const field = TARGET_INDEX.get(headingKey(target));
    if (!field) {
      return { ok: false, message: `--map: "${target}" is not a field; use one of: ${Object.values(FIELD_LABELS).join(', ')}, ignore` };
    }
    map.set(headingKey(heading), field);
  }
  return { ok: true, map };
}

/** Matches the file's headings to fields; `--map` entries win over the alias table. */
export function resolveRosterLayout(headings: readonly string[], map: ColumnMap = new Map()): { ok: true; layout: RosterLayout } | { ok: false; message: string } {
  const keys = headings.map(headingKey);
  for (const [mapped] of map) {
    if (!keys.includes(mapped)) {
      const named = [...map.keys()].find((k) => k === mapped);
      return { ok: false, message: `--map names a column "${named}" that the file does not have; its headings are: ${headings.filter(Boolean).join(', ')}` };
    }
  }
  const columns: RosterLayout['columns'] = {};
  const ignored: string[] = [];
  const guessed: RosterLayout['guessed'] = [];
  keys.forEach((key, index) => {
    const heading = headings[index]!.trim();
    if (key === '') return; // Trailing empty headings come from spreadsheet exports.
    const mapped = map.get(key);
    let hit = mapped === 'ignore' ? undefined : mapped ? { field: mapped, rank: -1 } : ALIAS_INDEX.get(key);
    if (!hit && mapped === undefined) {
      const field = guessField(key);
      if (field) {
        hit = { field, rank: 10 };
        guessed.push({ heading, field });
      }
    }
    if (!hit) {
      ignored.push(heading);
      return;
    }
    (columns[hit.field] ??= []).push({ index, heading, rank: hit.rank });
  });
  for (const list of Object.values(columns)) list.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { ok: true, layout: { columns, ignored, guessed } };
}

/** Whether a row of the file looks like the heading row (used to skip a report title above it). */
export function looksLikeRosterHeadings(cells: readonly string[], map: ColumnMap = new Map()): boolean {
  const fields = new Set(cells.map((c) => map.get(headingKey(c)) ?? ALIAS_INDEX.get(headingKey(c))?.field ?? guessField(headingKey(c))));
  return fields.has('email') && (fields.has('name') || fields.has('firstName') || fields.has('lastName'));
}

/** The headings a missing field could have had, for the "no column for" message. */
export function exampleHeadings(field: RosterField): string {
  const examples: Record<RosterField, string> = {
    email: '"Email", "Work Email", "Email Address", "School Email" or "Mail"',
    name: '"Name", "Full Name" or "Display Name"',
    firstName: '"Forename", "First Name", "Preferred Forename" or "Known As"',
    lastName: '"Surname", "Last Name" or "Preferred Surname"',
    role: '"Role"',
    jobTitle: '"Job Title" or "Staff Role"',
    department: '"Department"',
    lineManager: '"Line Manager" or "Manager Email"',
    pathway: '"Pathway" or "Career Stage"',
    school: '"School" or "Site"',
    active: '"Active" or "Account Enabled"',
    subjectMentor: '"Subject Mentor" or "ECT Mentor"',
    professionalMentor: '"Professional Mentor" or "Whole School Mentor"',
    coach: '"Coach"',
    inductionTutor: '"Induction Tutor"',
  };
  return examples[field];
}
