import { Staff, TenantSettings } from '../../../src/domain';
import { tenant } from '../../support/fixtures';
import { JO, TENANT, type SlackHarness } from './slack-harness';

/** The people of a CPD request in Slack: Jo asks, Mia (her line manager) and Hal (her headteacher) approve, Sam leads CPD. */
export const MIA = { id: 'UMIA', email: 'mia@school.example', name: 'Mia Manager' };
export const HAL = { id: 'UHAL', email: 'hal@school.example', name: 'Hal Head' };
export const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };

/** The school and its four people, linked to their Slack users by e-mail. */
export async function seedRequestSchool(h: SlackHarness): Promise<void> {
  for (const u of [JO, MIA, HAL, SAM]) h.api.users.set(u.id, u);
  const base = tenant(TENANT);
  await h.store.tenants.create({ ...base, slackTeamId: h.api.teamId, settings: TenantSettings.parse({ ...base.settings, cpdRequests: { headteacherBySchool: { 'sch-1': 'stf-hal' } } }) });
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-mia', name: MIA.name, email: MIA.email, roles: ['staff', 'line-manager'] }));
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-hal', name: HAL.name, email: HAL.email }));
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff', 'cpd-lead'] }));
  await h.bot.linkStaffByEmail(TENANT);
}
