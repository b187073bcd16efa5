import type { Staff } from '../domain';
import type { RosterField } from './roster-headings';

/**
 * Every field of a staff record and the roster column that fills it, or why no column does. Keyed
 * by every Staff field, so a new field fails to compile until it says whether the staff import
 * reads it (src/app/README.md, "Add a message kind"); the column itself is then added in
 * roster-headings.ts and staff-roster-row.ts.
 */
export const STAFF_FIELD_COLUMNS: Record<keyof Staff, { column: RosterField } | { none: string }> = {
  tenantId: { none: 'the tenant the roster is imported into' },
  id: { none: 'derived from the e-mail address' },
  name: { column: 'name' },
  email: { column: 'email' },
  otherNames: { column: 'firstName' },
  roles: { column: 'role' },
  schoolId: { column: 'school' },
  department: { column: 'department' },
  jobTitle: { column: 'jobTitle' },
  pathway: { column: 'pathway' },
  statutoryGroups: { none: 'set by the lead in settings, statutory-group.<group> (chat or CLI): docs/decisions.md' },
  lineManagerId: { column: 'lineManager' },
  teams: { none: 'linked when the person first uses the bot in Teams' },
  slack: { none: 'linked when the person first uses the bot in Slack' },
  preferredPlatform: { none: 'chosen by the person in chat' },
  active: { column: 'active' },
  awayUntil: { none: 'set by the lead with `away` (set-away.ts)' },
  awayFrom: { none: 'set by the lead with `away` (set-away.ts)' },
};
