import { z } from 'zod';
import { Email, Id } from './ids';

/** senior-leader: may record the longer-term impact of CPD (gap-task part 4). */
export const Role = z.enum(['staff', 'line-manager', 'cpd-lead', 'facilitator', 'admin', 'senior-leader']);
export type Role = z.infer<typeof Role>;

/** Career-stage pathways from the trust policies. */
export const Pathway = z.enum(['ect', 'developing-teacher', 'developing-excellence', 'support-staff', 'leadership']);
export type Pathway = z.infer<typeof Pathway>;

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
  roles: z.array(Role).min(1).default(['staff']),
  schoolId: Id.optional(),
  department: z.string().trim().max(100).optional(),
  pathway: Pathway.optional(),
  lineManagerId: Id.optional(),
  teams: TeamsIdentity.optional(),
  slack: SlackIdentity.optional(),
  /** Which platform to reach the person on when both are linked. */
  preferredPlatform: z.enum(['teams', 'slack']).optional(),
  active: z.boolean().default(true),
});
export type Staff = z.infer<typeof Staff>;
export type StaffInput = z.input<typeof Staff>;

export function hasRole(staff: Pick<Staff, 'roles'>, role: Role): boolean {
  return staff.roles.includes(role) || (role !== 'admin' && staff.roles.includes('admin'));
}

export function isLeadOrAdmin(staff: Pick<Staff, 'roles'>): boolean {
  return hasRole(staff, 'cpd-lead');
}
