import type { CosmosClient, Database, ItemDefinition, Resource } from '@azure/cosmos';
import { mapBounded } from '../bounded';
import { statusOf } from './request-charges';
import { ANSWERS_CONTAINER, containerDefinitionFor, DOC_TYPE_FIELD, MOVED_TO_ANSWERS, placementOf, storedIdOf } from './containers';

/**
 * Databases made before the answers container (decision 75) hold these collections in containers
 * of their own. The app reads only the answers container, so it refuses to start while any of
 * them still holds a document, rather than show a school an empty record; one command moves them.
 */
export const MOVE_COMMAND = 'npm run cli -- cosmos move-to-answers';

async function documentsIn(database: Database, container: string): Promise<number | undefined> {
  try {
    await database.container(container).read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  const { resources } = await database.container(container).items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll();
  return resources.reduce((sum, n) => sum + n, 0);
}

/** The earlier containers that still hold documents, with how many. */
export async function findEarlierLayout(database: Database): Promise<{ container: string; documents: number }[]> {
  const found: { container: string; documents: number }[] = [];
  for (const name of MOVED_TO_ANSWERS) {
    const documents = await documentsIn(database, name);
    if (documents) found.push({ container: name, documents });
  }
  return found;
}

export async function checkEarlierLayout(database: Database): Promise<void> {
  const found = await findEarlierLayout(database);
  if (found.length === 0) return;
  const list = found.map((f) => `${f.container} (${f.documents})`).join(', ');
  throw new Error(
    `This Cosmos DB database keeps ${list} in containers of their own, as Twilight did before it kept them in "${ANSWERS_CONTAINER}". ` +
      `Run \`${MOVE_COMMAND}\` once with the bot stopped (docs/deploy.md), then start it again.`,
  );
}

export interface MoveReport {
  container: string;
  moved: number;
  /** Already in the answers container (an earlier run of the move). */
  already: number;
  /** Past their time to live: not copied. */
  expired: number;
}

/**
 * Copies each earlier container's documents into the answers container (prefixed id, docType, the
 * time to live they had left), then deletes the earlier container. Run again after a failure, it
 * goes on: a document already copied answers 409 and is counted, not written twice.
 */
export async function moveEarlierLayout(client: CosmosClient, databaseId: string, now: Date, onContainer?: (report: MoveReport) => void): Promise<MoveReport[]> {
  const database = client.database(databaseId);
  await database.read();
  const { container: target } = await database.containers.createIfNotExists(containerDefinitionFor(ANSWERS_CONTAINER));
  const reports: MoveReport[] = [];
  for (const name of MOVED_TO_ANSWERS) {
    if ((await documentsIn(database, name)) === undefined) continue;
    const placement = placementOf(name);
    const report: MoveReport = { container: name, moved: 0, already: 0, expired: 0 };
    const pages = database.container(name).items.query<ItemDefinition & Partial<Resource>>('SELECT * FROM c', { maxItemCount: 500 });
    while (pages.hasMoreResults()) {
      const { resources } = await pages.fetchNext();
      await mapBounded(resources, 16, async (resource) => {
        const body: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(resource)) if (!key.startsWith('_')) body[key] = value;
        if (typeof resource.ttl === 'number' && resource.ttl > 0 && typeof resource._ts === 'number') {
          const left = resource.ttl - Math.floor(now.getTime() / 1000 - resource._ts);
          if (left <= 0) {
            report.expired++;
            return;
          }
          body.ttl = left;
        }
        body.id = storedIdOf(placement, String(resource.id));
        body[DOC_TYPE_FIELD] = name;
        try {
          await target.items.create(body);
          report.moved++;
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
          report.already++;
        }
      });
    }
    await database.container(name).delete();
    onContainer?.(report);
    reports.push(report);
  }
  return reports;
}
