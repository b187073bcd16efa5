import { readFile, writeFile } from 'node:fs/promises';
import { exportProgrammes, importProgrammes } from '../app/mentoring';
import type { Clock } from '../domain/clock';
import { decodeText } from '../imports/decode-text';
import type { Store } from '../store/store';

interface Deps {
  store: Store;
  clock: Clock;
  print: (text: string) => void;
}

export async function runProgrammesExport(deps: Deps, tenantId: string, out: string | undefined): Promise<number> {
  const json = await exportProgrammes(deps, tenantId);
  if (!out) deps.print(json);
  else {
    await writeFile(out, json);
    deps.print(`Wrote ${out}: change a copy (the built-in ones stay as they are) and bring it back with programmes import ${out}.`);
  }
  return 0;
}

export async function runProgrammesImport(deps: Deps, tenantId: string, file: string, dryRun: boolean): Promise<number> {
  let text: string;
  try {
    text = decodeText(await readFile(file));
  } catch {
    deps.print(`Cannot read ${file}.`);
    return 1;
  }
  const result = await importProgrammes(deps, tenantId, text, { dryRun });
  if (!result.ok) {
    for (const p of result.problems) deps.print(`  ${p}`);
    deps.print('Nothing was imported.');
    return 1;
  }
  const verb = dryRun ? 'Dry run, nothing written: would create' : 'Programmes: created';
  for (const name of result.created) deps.print(`  create: ${name}`);
  for (const name of result.updated) deps.print(`  update: ${name}`);
  deps.print(`${verb} ${result.created.length}, ${dryRun ? 'update' : 'updated'} ${result.updated.length}; ${result.unchanged} unchanged.`);
  return 0;
}
