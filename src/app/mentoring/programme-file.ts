import { z } from 'zod';
import { isBuiltInProgrammeId, MentoringProgramme } from '../../domain';
import type { AppDeps } from '../deps';
import { tenantProgrammes } from './programmes';

/** One programme as the file carries it: no tenant, no timestamps. */
const ProgrammeEntry = z.object({ id: z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only') }).passthrough();
const ProgrammeFile = z.object({ programmes: z.array(ProgrammeEntry).min(1).max(100) });

const strip = ({ tenantId: _t, updatedAt: _u, ...rest }: MentoringProgramme) => rest;

/** The tenant's programmes (the built-in ones too, to copy from) as JSON for `programmes import`. */
export async function exportProgrammes(deps: Pick<AppDeps, 'store'>, tenantId: string): Promise<string> {
  return `${JSON.stringify({ programmes: (await tenantProgrammes(deps, tenantId)).map(strip) }, null, 2)}\n`;
}

/** 'programme 2 ("Our meetings"), item 5 ("extra"), at.schoolWeek': which programme, which meeting, which field, as a lead finds them in the file. */
function where(entry: unknown, index: number, path: readonly PropertyKey[] = []): string {
  const named = (value: unknown) => {
    const { name, id, key } = (typeof value === 'object' && value !== null ? value : {}) as { name?: unknown; id?: unknown; key?: unknown };
    const label = [name, id, key].find((x): x is string => typeof x === 'string' && x.trim() !== '');
    return label ? ` ("${label.slice(0, 80)}")` : '';
  };
  const [head, item, ...rest] = path;
  const items = (entry as { items?: unknown[] } | undefined)?.items;
  const field = head === 'items' && typeof item === 'number' ? [`item ${item + 1}${named(items?.[item])}`, ...(rest.length > 0 ? [rest.join('.')] : [])] : path.length > 0 ? [path.join('.')] : [];
  return [`programme ${index + 1}${named(entry)}`, ...field].join(', ');
}

export type ProgrammeImport =
  | { ok: true; created: string[]; updated: string[]; unchanged: number }
  | { ok: false; problems: string[] };

/**
 * A programme file back in (issue 30 item 2): every programme checked first, then all written or none.
 * A built-in programme is read only (it may stay in the file unchanged); to change one, copy it
 * (`programmes copy`) and change the copy. Meetings already planned are not moved: assigning again
 * plans the items that are new.
 */
export async function importProgrammes(deps: Pick<AppDeps, 'store' | 'clock'>, tenantId: string, text: string, options: { dryRun?: boolean } = {}): Promise<ProgrammeImport> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`The file is not JSON: ${(error as Error).message}`] };
  }
  const file = ProgrammeFile.safeParse(json);
  if (!file.success) {
    const entries = (json as { programmes?: unknown[] } | null)?.programmes;
    const at = (path: readonly PropertyKey[]) => (path[0] === 'programmes' && typeof path[1] === 'number' ? where(entries?.[path[1]], path[1], path.slice(2)) : path.join('.') || 'the file');
    return { ok: false, problems: file.error.issues.map((i) => `${at(i.path)}: ${i.message}`) };
  }
  const builtIns = new Map((await tenantProgrammes(deps, tenantId)).filter((p) => isBuiltInProgrammeId(p.id)).map((p) => [p.id, p]));
  const now = deps.clock.now().toISOString();
  const problems: string[] = [];
  const parsed: MentoringProgramme[] = [];
  let unchanged = 0;
  file.data.programmes.forEach((entry, index) => {
    const programme = MentoringProgramme.safeParse({ ...entry, tenantId, updatedAt: now });
    if (!programme.success) {
      problems.push(...programme.error.issues.map((i) => `${where(entry, index, i.path)}: ${i.message}`));
      return;
    }
    const keys = programme.data.items.map((i) => i.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) problems.push(`${where(entry, index, ['items'])}: the key "${twice}" is used twice (each meeting needs its own)`);
    const builtIn = builtIns.get(entry.id);
    if (builtIn) {
      if (JSON.stringify(strip(builtIn)) === JSON.stringify(strip(programme.data))) unchanged += 1;
      else problems.push(`${where(entry, index)}: a built-in programme cannot be changed; copy it ("programmes copy ${builtIn.name}") and change the copy`);
      return;
    }
    parsed.push(programme.data);
  });
  if (problems.length > 0) return { ok: false, problems };
  const created: string[] = [];
  const updated: string[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  for (const programme of parsed) {
    const stored = await deps.store.mentoringProgrammes.get(tenantId, programme.id);
    if (stored && JSON.stringify(strip(stored.value)) === JSON.stringify(strip(programme))) {
      unchanged += 1;
      continue;
    }
    (stored ? updated : created).push(programme.name);
    writes.push(() => deps.store.mentoringProgrammes.put(programme, stored ? { ifVersion: stored.version } : {}));
  }
  if (!options.dryRun) {
    for (const write of writes) {
      const result = (await write()) as { ok: boolean };
      if (!result.ok) return { ok: false, problems: ['A programme changed while importing: run the import again.'] };
    }
  }
  return { ok: true, created, updated, unchanged };
}
