import { countOf } from '../../cards/format';
import type { SetupItem, SetupView } from '../../cards/views/setup';
import { academicYearDays, academicYearOf, hasRole, type Staff } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { AppDeps } from '../deps';
import type { Actor } from '../people';

const ROSTER_ACTION = 'Send me the staff list here, as a CSV file exported from your MIS or HR system (one row per person, with an E-mail column). I will show you what it would do before anything is imported.';

function rosterItem(staff: readonly Staff[], actor: Actor): SetupItem {
  const others = staff.filter((s) => s.id !== actor.staff.id).length;
  return others === 0 ? { text: 'No staff list yet: you are the only person Twilight knows', done: false, action: ROSTER_ACTION } : { text: `Staff list: ${countOf(staff.length, 'person', 'people')}`, done: true };
}

async function calendarItem(deps: AppDeps, actor: Actor): Promise<SetupItem> {
  const year = academicYearOf(localDateOf(deps.clock.now(), actor.tenant.settings.timezone));
  const { from, to } = academicYearDays(year);
  const calendar = (await deps.store.calendars.get(actor.tenant.id, 'calendar'))?.value;
  const terms = (calendar?.terms ?? []).filter((t) => t.start < to && t.end >= from);
  if (terms.length > 0) return { text: `Term calendar for ${year}: ${countOf(terms.length, 'term')}, ${countOf((calendar?.holidays ?? []).filter((h) => h.start < to && h.end >= from).length, 'holiday')}`, done: true };
  return {
    text: `No term calendar for ${year}: reminders and digests may land in holidays`,
    done: false,
    action: 'Send me the term dates here: the .ics file from your school website or calendar, or a CSV with Type, Name, Start and End columns.',
  };
}

/** Each school needs a headteacher (who approves CPD requests) and a CPD lead (a trust-wide lead counts for all). */
function schoolItems(actor: Actor, staff: readonly Staff[]): SetupItem[] {
  const { tenant } = actor;
  const active = new Map(staff.filter((s) => s.active).map((s) => [s.id, s]));
  const heads = tenant.settings.cpdRequests.headteacherBySchool;
  const schools = tenant.schools.length > 0 ? tenant.schools : [{ id: tenant.id, name: tenant.name }];
  if (tenant.kind === 'trust' && tenant.schools.length === 0) {
    return [{ text: `${tenant.name} is a trust with no schools named yet`, done: false, action: 'Send me the staff list with a School (or Site) column: each school in it is added.' }];
  }
  const leads = [...active.values()].filter((s) => hasRole(s, 'cpd-lead'));
  return schools.flatMap((school): SetupItem[] => {
    const head = heads[school.id] ? active.get(heads[school.id]!) : undefined;
    // The school's own lead (`school-cpd-lead.<school>`, with or without the role) gets its notices first.
    const ownLeadId = tenant.settings.cpdRequests.cpdLeadBySchool[school.id];
    const ownLead = ownLeadId ? active.get(ownLeadId) : undefined;
    const lead = ownLead ?? leads.find((s) => s.schoolId === school.id) ?? leads.find((s) => s.schoolId === undefined);
    return [
      head
        ? { text: `${school.name}: headteacher ${head.name}`, done: true }
        : {
            text: `${school.name} has no headteacher named: CPD requests there are approved by the line manager alone`,
            done: false,
            action: `Send me the staff list with a Role or Job title column saying "Headteacher" for them, or name them in "settings".`,
          },
      lead
        ? { text: `${school.name}: CPD lead ${lead.name}`, done: true }
        : {
            text: `${school.name} has no CPD lead`,
            done: false,
            action: `Send me the staff list with a Role column saying "CPD lead" for them, or name the school's own lead in "settings schools".`,
          },
    ];
  });
}

async function budgetItem(deps: AppDeps, actor: Actor): Promise<SetupItem> {
  const year = academicYearOf(localDateOf(deps.clock.now(), actor.tenant.settings.timezone));
  const budgets = await deps.store.cpdBudgets.count(actor.tenant.id, { academicYear: year });
  if (budgets > 0) return { text: `CPD budget for ${year}: set`, done: true };
  const example = actor.tenant.schools[0]?.name ?? (actor.tenant.kind === 'trust' ? 'trust' : actor.tenant.name);
  return { text: `No CPD budget for ${year}: requests cannot show what is left`, done: false, action: `Type "budget set ${example} 6000" (the school's name, or "trust", and the amount in pounds).` };
}

function platformItem(actor: Actor): SetupItem {
  const { tenant } = actor;
  const linked = [tenant.teamsTenantId ? 'Teams' : undefined, tenant.slackTeamId ? 'Slack' : undefined].filter(Boolean);
  if (linked.length > 0) return { text: `Linked to ${linked.join(' and ')}`, done: true };
  return {
    text: 'Not linked to your Teams or Slack: Twilight serves you only as the single school it was deployed for',
    done: false,
    action: `Ask IT to run "twilight tenant link teams <your Microsoft Entra tenant id> --tenant ${tenant.id}" (or "slack <workspace id>"), as docs/deploy.md shows.`,
  };
}

function reachItem(staff: readonly Staff[]): SetupItem {
  const unlinked = staff.filter((s) => s.active && !s.teams && !s.slack);
  if (unlinked.length === 0) return { text: 'Everyone on the staff list can be reached in Teams or Slack', done: true };
  return {
    text: `${countOf(unlinked.length, 'person', 'people')} cannot be reached yet: they have not opened Twilight and are in no team it was added to`,
    done: false,
    action: 'Add Twilight to a team everyone is in (Teams), or ask IT to install it for all staff; in Slack they are found by e-mail. Type "unreachable" for their names.',
  };
}

/** `setup`: what the school still lacks, each with the one action that fixes it, and what is done. */
export async function setupChecklist(deps: AppDeps, actor: Actor, welcome?: string): Promise<SetupView> {
  const staff = (await deps.store.staff.find(actor.tenant.id)).map((v) => v.value).filter((s) => s.active);
  const items = [rosterItem(staff, actor), await calendarItem(deps, actor), ...schoolItems(actor, staff), await budgetItem(deps, actor), platformItem(actor), reachItem(staff)];
  // What is left first, in the order a lead would do it; then what is done.
  return { kind: 'setup', tenantName: actor.tenant.name, ...(welcome ? { welcome } : {}), items: [...items.filter((i) => !i.done), ...items.filter((i) => i.done)] };
}
