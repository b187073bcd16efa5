/**
 * Writes infra/containers.json: every Cosmos DB container the app uses, exactly as
 * `containerDefinitionFor` computes it (partition key, indexing policy, TTL). The Bicep loads
 * that file with loadJsonContent, so the deployed containers and the app never drift apart.
 *
 *   npx tsx scripts/export-containers.ts           # rewrite the file
 *   npx tsx scripts/export-containers.ts --check   # exit 1 if the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { containerDefinitionFor, containerNames } from '../src/store/cosmos/containers';

export const CONTAINERS_JSON_PATH = join(__dirname, '..', 'infra', 'containers.json');

/** The file's exact text: one definition per container (the answers container holds several collections), in COLLECTIONS order. */
export function renderContainersJson(): string {
  return `${JSON.stringify(containerNames().map(containerDefinitionFor), null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  const expected = renderContainersJson();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(CONTAINERS_JSON_PATH, 'utf8');
    } catch {
      // A missing file is stale too.
    }
    if (current === expected) return 0;
    console.error('infra/containers.json is out of date: run `npx tsx scripts/export-containers.ts`');
    return 1;
  }
  writeFileSync(CONTAINERS_JSON_PATH, expected);
  console.log(`wrote ${containerNames().length} container definitions to infra/containers.json`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
