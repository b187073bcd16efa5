import type { Container, CosmosClient, ItemDefinition, Resource } from '@azure/cosmos';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../collections';
import type { DeleteResult, Filter, Query, RawCollection, TenantDoc, Versioned, WriteOptions, WriteResult } from '../port';
import type { Collections, Store } from '../store';
import { validating } from '../validating-collection';
import { CosmosSqlBuilder } from './cosmos-filter';
import { containerDefinitionFor } from './containers';

type Doc = TenantDoc & Record<string, unknown>;

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Cosmos adds _rid, _self, _etag, _ts, _attachments and our ttl; the domain never sees them. */
function toDoc(resource: ItemDefinition & Partial<Resource>): Versioned<Doc> {
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (!key.startsWith('_') && key !== 'ttl') doc[key] = value;
  }
  return { value: doc as Doc, version: resource._etag ?? '' };
}

function body(doc: Doc, options?: WriteOptions): Doc {
  return options?.ttlSeconds === undefined ? doc : { ...doc, ttl: options.ttlSeconds };
}

class CosmosCollection implements RawCollection {
  constructor(
    readonly name: CollectionName,
    private readonly container: Container,
  ) {}

  async get(tenantId: string, id: string): Promise<Versioned<Doc> | undefined> {
    try {
      const { resource } = await this.container.item(id, tenantId).read<Doc>();
      return resource ? toDoc(resource) : undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async create(doc: Doc, options?: WriteOptions): Promise<WriteResult<Doc>> {
    try {
      const { resource } = await this.container.items.create(body(doc, options));
      return { ok: true, value: doc, version: resource?._etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 409) return { ok: false, reason: 'exists' };
      throw error;
    }
  }

  async put(doc: Doc, options?: WriteOptions & { ifVersion?: string }): Promise<WriteResult<Doc>> {
    try {
      if (options?.ifVersion === undefined) {
        const { resource } = await this.container.items.upsert(body(doc, options));
        return { ok: true, value: doc, version: resource?._etag ?? '' };
      }
      const { resource } = await this.container
        .item(doc.id, doc.tenantId)
        .replace(body(doc, options), { accessCondition: { type: 'IfMatch', condition: options.ifVersion } });
      return { ok: true, value: doc, version: resource?._etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 412) return { ok: false, reason: 'conflict' };
      if (statusOf(error) === 404) return { ok: false, reason: 'absent' };
      throw error;
    }
  }

  async delete(tenantId: string, id: string, options?: { ifVersion?: string }): Promise<DeleteResult> {
    try {
      await this.container
        .item(id, tenantId)
        .delete(options?.ifVersion ? { accessCondition: { type: 'IfMatch', condition: options.ifVersion } } : undefined);
      return { ok: true };
    } catch (error) {
      if (statusOf(error) === 404) return { ok: false, reason: 'absent' };
      if (statusOf(error) === 412) return { ok: false, reason: 'conflict' };
      throw error;
    }
  }

  private async select(tenantId: string | undefined, query?: Query): Promise<Versioned<Doc>[]> {
    const sql = new CosmosSqlBuilder();
    const text = sql.select(tenantId, query);
    const iterator = this.container.items.query<Doc & Partial<Resource>>(
      { query: text, parameters: sql.parameters },
      tenantId !== undefined ? { partitionKey: tenantId } : {},
    );
    const { resources } = await iterator.fetchAll();
    return resources.map(toDoc);
  }

  find(tenantId: string, query?: Query): Promise<Versioned<Doc>[]> {
    return this.select(tenantId, query);
  }

  findAcrossTenants(query?: Query): Promise<Versioned<Doc>[]> {
    return this.select(undefined, query);
  }

  async count(tenantId: string, where?: Filter): Promise<number> {
    const sql = new CosmosSqlBuilder();
    const text = sql.count(tenantId, where);
    const { resources } = await this.container.items
      .query<number>({ query: text, parameters: sql.parameters }, { partitionKey: tenantId })
      .fetchAll();
    return resources.reduce((sum, n) => sum + n, 0);
  }
}

export interface CosmosStoreOptions {
  client: CosmosClient;
  databaseId: string;
  /** Create the database and containers when missing (dev, tests, first deploy without Bicep). */
  createIfMissing: boolean;
}

/** A readiness probe gives up after this: the SDK would otherwise retry an unreachable account for long. */
const READINESS_TIMEOUT_MS = 3000;

/** Azure Cosmos DB for NoSQL: one container per collection, partitioned by /tenantId. */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<Store> {
  const { client, databaseId } = options;
  const collections = {} as Record<CollectionName, unknown>;
  if (options.createIfMissing) await client.databases.createIfNotExists({ id: databaseId });
  const database = client.database(databaseId);
  for (const name of COLLECTION_NAMES) {
    const container = options.createIfMissing
      ? (await database.containers.createIfNotExists(containerDefinitionFor(name))).container
      : database.container(name);
    collections[name] = validating(new CosmosCollection(name, container), COLLECTIONS[name]);
  }
  // Fail fast on a wrong endpoint, key or database name rather than on the first message.
  await database.read();
  return {
    ...(collections as Collections),
    kind: 'cosmos',
    async ping() {
      await database.read();
    },
    async checkWritable() {
      // One small document, rewritten on each probe and read back; it expires if probes stop.
      const abortSignal = AbortSignal.timeout(READINESS_TIMEOUT_MS);
      const container = database.container('idempotencyKeys');
      const probe = { id: 'readiness', tenantId: 'system', purpose: 'readiness', createdAt: new Date().toISOString(), ttl: 3600 };
      await container.items.upsert(probe, { abortSignal });
      const { resource } = await container.item(probe.id, probe.tenantId).read({ abortSignal });
      if (resource?.createdAt !== probe.createdAt) throw new Error('readiness: the health document did not read back');
    },
    async close() {
      client.dispose();
    },
  };
}
