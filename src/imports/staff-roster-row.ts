import { z } from 'zod';
import { Email, type MentorRole, type Pathway, type Role } from '../domain';

/**
 * The cells of one roster row, each parsed with zod on its own so that a message can name the
 * file's own heading, the value and what would be accepted.
 */

const ROLE_WORDS: Record<string, Role> = {
  staff: 'staff',
  teacher: 'staff',
  teachingassistant: 'staff',
  ta: 'staff',
  supportstaff: 'staff',
  support: 'staff',
  linemanager: 'line-manager',
  manager: 'line-manager',
  headofdepartment: 'line-manager',
  hod: 'line-manager',
  headofyear: 'line-manager',
  cpdlead: 'cpd-lead',
  lead: 'cpd-lead',
  facilitator: 'facilitator',
  trainer: 'facilitator',
  admin: 'admin',
  seniorleader: 'senior-leader',
  slt: 'senior-leader',
  // The posts MIS exports carry (issue 25): each also fills a position below (headteacher, booker...).
  headteacher: 'senior-leader',
  headofschool: 'senior-leader',
  principal: 'senior-leader',
  executiveheadteacher: 'senior-leader',
  executivehead: 'senior-leader',
  executiveprincipal: 'senior-leader',
  ceo: 'senior-leader',
  chiefexecutive: 'senior-leader',
  chiefexecutiveofficer: 'senior-leader',
  professionaldevelopmentlead: 'cpd-lead',
  cpdcoordinator: 'cpd-lead',
  schoolbusinessmanager: 'staff',
  businessmanager: 'staff',
  mentor: 'facilitator',
};

/**
 * Posts that decide who approves and books CPD (docs/requests.md): the headteacher of the
 * person's school, the trust's executive lead, the booker. A role or job title names them.
 */
export type RosterPosition = 'headteacher' | 'executive-lead' | 'booker' | 'cpd-lead' | 'senior-leader' | 'mentor';

const POSITION_WORDS: Record<string, RosterPosition> = {
  headteacher: 'headteacher',
  headofschool: 'headteacher',
  principal: 'headteacher',
  executiveheadteacher: 'executive-lead',
  executivehead: 'executive-lead',
  executiveprincipal: 'executive-lead',
  ceo: 'executive-lead',
  chiefexecutive: 'executive-lead',
  chiefexecutiveofficer: 'executive-lead',
  cpdlead: 'cpd-lead',
  professionaldevelopmentlead: 'cpd-lead',
  cpdcoordinator: 'cpd-lead',
  schoolbusinessmanager: 'booker',
  businessmanager: 'booker',
  seniorleader: 'senior-leader',
  deputyheadteacher: 'senior-leader',
  assistantheadteacher: 'senior-leader',
  mentor: 'mentor',
  ectmentor: 'mentor',
};

/** The roles a position brings (a headteacher is a senior leader; a mentor facilitates). */
export const POSITION_ROLES: Record<RosterPosition, Role | undefined> = {
  headteacher: 'senior-leader',
  'executive-lead': 'senior-leader',
  booker: undefined,
  'cpd-lead': 'cpd-lead',
  'senior-leader': 'senior-leader',
  mentor: 'facilitator',
};

/** "Headteacher", "Head of School / DSL", "CEO and Accounting Officer" → the positions named, whole words only ("Deputy Headteacher" is not the headteacher). */
export function positionsIn(text: string | undefined): RosterPosition[] {
  if (!text) return [];
  const found = text
    .split(/[;,/|&+]|\band\b/i)
    .map((part) => POSITION_WORDS[word(part)])
    .filter((p): p is RosterPosition => p !== undefined);
  return [...new Set(found)];
}

const PATHWAY_WORDS: Record<string, Pathway> = {
  ect: 'ect',
  nqt: 'ect',
  earlycareerteacher: 'ect',
  developingteacher: 'developing-teacher',
  developingexcellence: 'developing-excellence',
  supportstaff: 'support-staff',
  support: 'support-staff',
  leadership: 'leadership',
  slt: 'leadership',
};

const ACTIVE_WORDS: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  active: true,
  enabled: true,
  current: true,
  false: false,
  no: false,
  n: false,
  inactive: false,
  disabled: false,
  suspended: false,
  archived: false,
  left: false,
  leaver: false,
  former: false,
  past: false,
};

const word = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

export const RoleCell = z.string().transform((text, ctx): Role[] => {
  const parts = text.split(/[;,/|]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return ['staff'];
  const roles: Role[] = [];
  for (const part of parts) {
    const role = ROLE_WORDS[word(part)];
    if (!role) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown role "${part}" (use staff, line manager, CPD lead, facilitator or admin; if this column is a job title, add --map "HEADING=job title")`,
      });
      return z.NEVER;
    }
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
});

export const PathwayCell = z.string().transform((text, ctx): Pathway => {
  const pathway = PATHWAY_WORDS[word(text)];
  if (!pathway) {
    ctx.addIssue({ code: 'custom', message: `unknown pathway "${text}" (use ECT, developing teacher, developing excellence, support staff or leadership)` });
    return z.NEVER;
  }
  return pathway;
});

export const ActiveCell = z.string().transform((text, ctx): boolean => {
  const active = ACTIVE_WORDS[word(text)];
  if (active === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not active or inactive (use yes/no, true/false, active/suspended)` });
    return z.NEVER;
  }
  return active;
});

export function isActiveWord(text: string): boolean {
  return ACTIVE_WORDS[word(text)] !== undefined;
}

/** "Jo Bloggs <jo@school.org.uk>" or "jo@school.org.uk (work)": the one address inside, when there is exactly one. */
function soleAddress(text: string): string {
  const found = text.match(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/g);
  return found?.length === 1 ? found[0]! : text;
}

export const EmailCell = z.string().transform((text, ctx) => {
  const parsed = Email.safeParse(soleAddress(text));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an e-mail address (expected something like name@school.org.uk)` });
    return z.NEVER;
  }
  return parsed.data;
});

/** Free text with a length limit; the message says the limit. */
export const textCell = (max: number) => z.string().max(max, `longer than ${max} characters`);

/** A line manager is an e-mail, or a name looked up later among the file and the staff list. */
export const LineManagerCell = z.string().transform((text, ctx): { email: string } | { name: string } => {
  const email = Email.safeParse(soleAddress(text));
  if (email.success) return { email: email.data };
  if (text.includes('@')) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an e-mail address (give the manager's e-mail, or their name as it appears in the file)` });
    return z.NEVER;
  }
  return { name: text };
});

/** A mentor, coach or induction tutor: named like a line manager; "none" (or "-") ends the link. */
export const MentorCell = z.string().transform((text, ctx): { email: string } | { name: string } | 'none' => {
  if (/^(none|no|n\/a|-+)$/i.test(text.trim())) return 'none';
  const email = Email.safeParse(soleAddress(text));
  if (email.success) return { email: email.data };
  if (text.includes('@')) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an e-mail address (give the mentor's e-mail, their name as it appears in the file, or "none")` });
    return z.NEVER;
  }
  return { name: text };
});

/** A roster row once every cell has been read. */
export interface StaffRosterRow {
  email: string;
  name: string;
  roles: Role[];
  jobTitle?: string;
  department?: string;
  lineManager?: { email: string } | { name: string };
  pathway?: Pathway;
  school?: string;
  /** Posts named by the role or job title, for the tenant's headteachers, executive lead and booker. */
  positions: RosterPosition[];
  active: boolean;
  /** Supporters the file's mentoring columns name (issue 30); a blank cell in a column the file has is 'none'. */
  mentors?: Partial<Record<MentorRole, { email: string } | { name: string } | 'none'>>;
}
