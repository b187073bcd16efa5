import { z } from 'zod';
import { Email, type Pathway, type Role } from '../domain';
import { blankToUndefined } from './csv-rows';

/** MIS header spellings → our column keys (keys are already lower-case, letters and digits only). */
export const STAFF_HEADER_ALIASES: Record<string, string> = {
  fullname: 'name',
  staffname: 'name',
  emailaddress: 'email',
  workemail: 'email',
  roles: 'role',
  jobrole: 'role',
  dept: 'department',
  linemanager: 'linemanageremail',
  linemanageremailaddress: 'linemanageremail',
  manageremail: 'linemanageremail',
  careerpathway: 'pathway',
  careerstage: 'pathway',
  schoolid: 'school',
  site: 'school',
};

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

const word = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

const Roles = z.string().transform((text, ctx): Role[] => {
  const parts = text.split(/[;,/|]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return ['staff'];
  const roles: Role[] = [];
  for (const part of parts) {
    const role = ROLE_WORDS[word(part)];
    if (!role) {
      ctx.addIssue({ code: 'custom', message: `unknown role "${part}" (use staff, line manager, CPD lead, facilitator or admin)` });
      return z.NEVER;
    }
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
});

const PathwayCell = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((text, ctx): Pathway => {
      const pathway = PATHWAY_WORDS[word(text)];
      if (!pathway) {
        ctx.addIssue({ code: 'custom', message: `unknown pathway "${text}" (use ECT, developing teacher, developing excellence, support staff or leadership)` });
        return z.NEVER;
      }
      return pathway;
    })
    .optional(),
);

/** One roster row as a school MIS exports it. */
export const StaffRosterRow = z.object({
  name: z.string().trim().min(1, 'a name is needed').max(200),
  email: Email,
  role: z.preprocess((v) => v ?? '', Roles),
  department: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  linemanageremail: z.preprocess(blankToUndefined, Email.optional()),
  pathway: PathwayCell,
  school: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});
export type StaffRosterRow = z.infer<typeof StaffRosterRow>;
