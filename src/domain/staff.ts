import { z } from 'zod';
import { Email, Id, LocalDate } from './ids';

/** senior-leader: may record the longer-term impact of CPD (gap-task part 4). */
export const Role = z.enum(['staff', 'line-manager', 'cpd-lead', 'facilitator', 'admin', 'senior-leader']);
export type Role = z.infer<typeof Role>;

/** Roles as people say them, for lists and sentences ("CPD lead", not `cpd-lead`). */
export const ROLE_LABELS: Record<Role, string> = {
  staff: 'staff',
  'line-manager': 'line manager',
  'cpd-lead': 'CPD lead',
  facilitator: 'facilitator',
  admin: 'admin',
  'senior-leader': 'senior leader',
};

/** Career-stage pathways from the trust policies. */
export const Pathway = z.enum(['ect', 'developing-teacher', 'developing-excellence', 'support-staff', 'leadership']);
export type Pathway = z.infer<typeof Pathway>;

/** Each pathway as a group of people in a report or budget ("Early career teachers"). */
export const PATHWAY_GROUP_NAMES: Record<Pathway, string> = {
  ect: 'Early career teachers',
  'developing-teacher': 'Developing teachers',
  'developing-excellence': 'Developing excellence',
  'support-staff': 'Support staff',
  leadership: 'Leadership',
};

export const TeamsIdentity = z.object({
  aadObjectId: z.string().min(1),
  /** The Teams user id (29:...) once the bot has seen the person. */
  userId: z.string().min(1).optional(),
});

export const SlackIdentity = z.object({
  userId: z.string().min(1),
  teamId: z.string().min(1),
});

export const Staff = z.object({
  tenantId: Id,
  id: Id,
  name: z.string().trim().min(1).max(200),
  email: Email,
  /** Other names a roster gave (legal forename and surname): a later roster may name them as a line manager so. */
  otherNames: z.array(z.string().trim().min(1).max(200)).max(5).optional(),
  roles: z.array(Role).min(1).default(['staff']),
  schoolId: Id.optional(),
  department: z.string().trim().max(100).optional(),
  /** What the school calls the post ("Teacher of Science", "HLTA"): shown, never used for permissions. */
  jobTitle: z.string().trim().max(200).optional(),
  pathway: Pathway.optional(),
  /** The staff groups a statutory topic may be required of (DSL, first aiders), by key (statutoryKey); set by `statutory-group.<group>`. */
  statutoryGroups: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  lineManagerId: Id.optional(),
  teams: TeamsIdentity.optional(),
  slack: SlackIdentity.optional(),
  /** Which platform to reach the person on when both are linked. */
  preferredPlatform: z.enum(['teams', 'slack']).optional(),
  active: z.boolean().default(true),
  /** Away (maternity, long-term absence) until this local day: no reminders or nudges before it. */
  awayUntil: LocalDate.optional(),
  /** The local day the away period was set from: gap-task due dates move by awayUntil − awayFrom. */
  awayFrom: LocalDate.optional(),
});
export type Staff = z.infer<typeof Staff>;
export type StaffInput = z.input<typeof Staff>;

export function hasRole(staff: Pick<Staff, 'roles'>, role: Role): boolean {
  return staff.roles.includes(role) || (role !== 'admin' && staff.roles.includes('admin'));
}

export function isLeadOrAdmin(staff: Pick<Staff, 'roles'>): boolean {
  return hasRole(staff, 'cpd-lead');
}
