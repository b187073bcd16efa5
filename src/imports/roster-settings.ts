import { schoolsOf, withSchools, type School, type Tenant } from '../domain';
import type { RosterPosition } from './staff-roster-row';

/** A person of the file as the settings need them: who, which school, which posts. */
export interface RosterPerson {
  name: string;
  email: string;
  /** The school's id once matched or planned (undefined: none given). */
  schoolId?: string;
  positions: readonly RosterPosition[];
}

/**
 * What a roster changes on the tenant besides its people (issue 25): the schools its School /
 * Site column names, and the headteachers, executive lead and booker its roles and job titles
 * name. Values are setting keys and texts, applied through the settings' own definitions (so
 * they are checked and recorded in `settings history` like a lead's change).
 */
export interface RosterSettingsPlan {
  /** The tenant with the file's new schools (matched to its own by name, case-insensitively). */
  tenant: Tenant;
  addedSchools: School[];
  /** Setting key → value (an e-mail), written after the people. */
  values: Record<string, string>;
  /** What would change, in words ("would make Dawn Cooper headteacher of Riverside Academy"). */
  lines: string[];
  /** What the file leaves for the lead to settle (two headteachers for one school), never guessed. */
  warnings: string[];
}

/** The tenant with every school the file names (a planned school keeps the id it will be stored with). */
export function withRosterSchools(tenant: Tenant, names: readonly (string | undefined)[]): { tenant: Tenant; added: School[] } {
  const given = names.filter((n): n is string => n !== undefined && n.trim() !== '');
  // A stand-alone school whose file names only itself needs no list of schools.
  if (tenant.kind === 'school' && tenant.schools.length === 0 && given.every((n) => n.trim().toLowerCase() === tenant.name.toLowerCase() || n.trim() === tenant.id)) return { tenant, added: [] };
  return withSchools(tenant, given);
}

function describePeople(people: readonly RosterPerson[]): string {
  return people.map((p) => `${p.name} <${p.email}>`).join(' and ');
}

/**
 * Who the file names for each post, as settings: one headteacher per school, one executive lead
 * and one booker for the tenant. A post the tenant already has filled by someone else is kept
 * (the lead may have set it in `settings`), and said; two people for one post are said, not guessed.
 */
export function planRosterSettings(planned: { tenant: Tenant; added: School[] }, people: readonly RosterPerson[], personId: (email: string) => string): RosterSettingsPlan {
  const { tenant } = planned;
  const values: Record<string, string> = {};
  const lines = planned.added.map((s) => `  would add school ${s.name}`);
  const warnings: string[] = [];
  const settings = tenant.settings.cpdRequests;
  const holding = (position: RosterPosition) => people.filter((p) => p.positions.includes(position));

  const fill = (key: string, what: string, current: string | undefined, candidates: readonly RosterPerson[], fix: string) => {
    if (candidates.length === 0) return;
    if (candidates.length > 1) {
      warnings.push(`${describePeople(candidates)} are each named ${what}: nothing was changed. Choose one: settings set ${key} EMAIL${fix}.`);
      return;
    }
    const person = candidates[0]!;
    if (current !== undefined && current !== personId(person.email)) {
      warnings.push(`The file names ${person.name} ${what}, but someone else is set already: kept. To change it: settings set ${key} ${person.email}.`);
      return;
    }
    if (current === personId(person.email)) return;
    values[key] = person.email;
    lines.push(`  would make ${person.name} ${what}`);
  };

  const schools = schoolsOf(tenant);
  const heads = holding('headteacher');
  for (const school of schools) {
    const here = heads.filter((p) => (p.schoolId ?? (tenant.kind === 'school' && tenant.schools.length === 0 ? tenant.id : undefined)) === school.id);
    fill(`headteacher.${school.id}`, `headteacher of ${school.name}`, settings.headteacherBySchool[school.id], here, '');
    // Said when the file adds the school (not again at every import): its requests cannot be fully approved yet.
    if (here.length === 0 && planned.added.includes(school) && settings.chain.includes('headteacher')) {
      warnings.push(`${school.name} has no headteacher in the file or the settings: its CPD requests cannot be fully approved until one is set (settings set headteacher.${school.id} EMAIL, or a Job Title of Headteacher).`);
    }
  }
  for (const p of heads.filter((h) => !schools.some((s) => s.id === (h.schoolId ?? (tenant.kind === 'school' ? tenant.id : undefined))))) {
    warnings.push(`${p.name} <${p.email}> is a headteacher but the file gives no school for them: add a School column, or settings set headteacher.SCHOOL ${p.email}.`);
  }
  fill('executive-lead', 'executive lead (approves CPD requests when the chain has that step)', settings.executiveLeadId, holding('executive-lead'), '');
  fill('booker', 'the booker of approved courses', settings.bookerId, holding('booker'), '');
  return { tenant, addedSchools: planned.added, values, lines, warnings };
}
