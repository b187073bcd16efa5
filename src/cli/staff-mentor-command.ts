import { changeMentorNamed, currentMenteeLinksOf, mentorRoleNamed, ROLE_HINT, supportersOf } from '../app/mentoring';
import { MENTOR_ROLE_LABELS, type Clock } from '../domain';
import { DEFAULT_ZONE, localDateOf } from '../domain/school-time';
import { findWhereIn } from '../store/find-in';
import type { Store } from '../store/store';

interface Deps {
  store: Store;
  clock: Clock;
  print: (text: string) => void;
}

/** `staff mentor EMAIL ROLE MENTOR|none`: what a lead's `mentor` command does in chat, from the CLI. */
export async function runStaffMentor(deps: Deps, tenantId: string, command: { person: string; role: string; mentor: string }): Promise<number> {
  const role = mentorRoleNamed(command.role);
  if (!role) {
    deps.print(`"${command.role}" is not a role: use ${ROLE_HINT} (e.g. subject-mentor).`);
    return 2;
  }
  const result = await changeMentorNamed(deps, tenantId, { person: command.person, role, mentor: command.mentor }, 'cli');
  deps.print(result.message);
  return result.ok ? 0 : 1;
}

/** `staff show`'s lines for whom the person is supported by, and whom they support, today. */
export async function supporterLines(deps: { store: Store; clock?: Clock }, tenantId: string, staffId: string): Promise<string[]> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  const today = localDateOf((deps.clock?.now() ?? new Date()), tenant?.settings.timezone ?? DEFAULT_ZONE);
  const supporters = await supportersOf(deps, tenantId, staffId, today);
  const lines = supporters.map((s) => `  ${`${s.roleLabel}:`.padEnd(13)} ${s.name}${s.email ? ` <${s.email}>` : ''} (since ${s.since}, from ${s.source})`);
  const supporting = await currentMenteeLinksOf(deps, tenantId, staffId, today);
  if (supporting.length > 0) {
    const names = new Map((await findWhereIn(deps.store.staff, tenantId, 'id', supporting.map((l) => l.menteeId))).map((s) => [s.id, s.name]));
    lines.push(`  supports:     ${supporting.map((l) => `${names.get(l.menteeId) ?? 'someone no longer listed'} (${MENTOR_ROLE_LABELS[l.role]})`).sort().join(', ')}`);
  }
  return lines;
}
