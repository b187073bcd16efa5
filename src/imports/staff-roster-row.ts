import { z } from 'zod';
import { Email, type Pathway, type Role } from '../domain';

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
};

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
  active: boolean;
}
