import { withChangeLog } from '../change-log';
import { BulkOperationType, type Container, type JSONObject, type CosmosClient, type ItemDefinition, type Resource } from '@azure/cosmos';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../collections';
import { DEFAULT_PAGE_SIZE, type DeleteResult, type Filter, type IterateOptions, type Query, type RawCollection, tenantOfAll, type TenantDoc, type Versioned, type WriteOptions, type WriteResult } from '../port';
import type { Collections, Store } from '../store';
import { withTenantDirectory } from '../tenant-directory';
import { validating } from '../validating-collection';
import { mapBounded } from '../bounded';
import { CosmosSqlBuilder } from './cosmos-filter';
import { ANSWERS_CONTAINER, containerDefinitionFor, containerNames, DOC_TYPE_FIELD, ownIdOf, placementOf, storedIdOf, type Placement } from './containers';
import { BatchUnits, PENDING_VERSION, type BatchUnit, type StoredBody } from './batch-unit';
import { checkEarlierLayout } from './earlier-layout';
import { chargeOf, RequestChargeMeter, statusOf, type ChargedOperation } from './request-charges';

type Doc = TenantDoc & Record<string, unknown>;

/** createMany sends this many documents or more as one bulk; fewer as parallel creates (decision 32). */
export const BULK_FROM = 1000;
/** Creates in flight at once for a createMany below BULK_FROM. */
const CREATE_PARALLELISM = 16;

/**
 * Cosmos adds _rid, _self, _etag, _ts, _attachments; we add ttl, and in a shared container docType
 * and the id's prefix. The domain never sees them.
 */
function toDoc(placement: Placement, resource: ItemDefinition & Partial<Resource>, etag = resource._etag): Versioned<Doc> {
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (!key.startsWith('_') && key !== 'ttl' && !(placement.docType && key === DOC_TYPE_FIELD)) doc[key] = value;
  }
  if (placement.docType) doc.id = ownIdOf(placement, String(resource.id));
  return { value: doc as Doc, version: etag ?? '' };
}

class CosmosCollection implements RawCollection {
  private readonly placement: Placement;

  constructor(
    readonly name: CollectionName,
    private readonly container: Container,
    private readonly meter: RequestChargeMeter,
    private readonly units: BatchUnits,
  ) {
    this.placement = placementOf(name);
  }

  private stored(id: string): string {
    return storedIdOf(this.placement, id);
  }

  private body(doc: Doc, options?: WriteOptions): StoredBody {
    const shared = this.placement.docType ? { id: this.stored(doc.id), [DOC_TYPE_FIELD]: this.placement.docType } : {};
    return { ...doc, ...shared, ...(options?.ttlSeconds === undefined ? {} : { ttl: options.ttlSeconds }) };
  }

  /**
   * The request's batch unit, when one is open, for a read (`writing` undefined) or a write of these
   * ids. For the answers container its writes wait for the batch; a write anywhere else cannot join
   * it, so the unit's work runs again write by write (then every write is made at once).
   */
  private unitFor(writing?: { tenantId: string; ids: readonly string[] }): BatchUnit | undefined {
    const unit = this.units.active();
    if (!unit) return undefined;
    unit.check();
    if (unit.direct) {
      // A later read in the work must not be answered by what was read before this write.
      for (const id of writing?.ids ?? []) unit.forget(writing!.tenantId, this.stored(id));
      return writing || this.placement.container !== ANSWERS_CONTAINER ? undefined : unit;
    }
    if (this.placement.container === ANSWERS_CONTAINER) return unit;
    if (writing) unit.abandon(`a write to ${this.name}, outside the answers container`);
    return undefined;
  }

  /** A query sees only stored documents: after a held-back write it would miss it, so the unit gives up. */
  private beforeQuery(): void {
    const unit = this.unitFor();
    if (unit?.hasWrites()) unit.abandon(`a query of ${this.name} after a write`);
  }

  /** Every response and every error response carries its request charge: count both. */
  private charged(operation: ChargedOperation['operation'], source: unknown, documents = 0): void {
    this.meter.record({ collection: this.name, operation, requestCharge: chargeOf(source), documents });
  }

  async get(tenantId: string, id: string): Promise<Versioned<Doc> | undefined> {
    const unit = this.unitFor();
    const storedId = this.stored(id);
    const known = unit?.known(tenantId, storedId);
    if (known !== undefined) return known ? toDoc(this.placement, known.body, known.etag) : undefined;
    try {
      const response = await this.container.item(storedId, tenantId).read<StoredBody>();
      const { resource } = response;
      this.charged('read', response, resource ? 1 : 0);
      unit?.remember(tenantId, storedId, resource ? { body: resource, etag: resource._etag ?? '' } : null);
      return resource ? toDoc(this.placement, resource) : undefined;
    } catch (error) {
      this.charged('read', error);
      if (statusOf(error) === 404) {
        unit?.remember(tenantId, storedId, null);
        return undefined;
      }
      throw error;
    }
  }

  async create(doc: Doc, options?: WriteOptions): Promise<WriteResult<Doc>> {
    const unit = this.unitFor({ tenantId: doc.tenantId, ids: [doc.id] });
    if (unit) {
      if (unit.known(doc.tenantId, this.stored(doc.id))) return { ok: false, reason: 'exists' };
      unit.add(doc.tenantId, this.stored(doc.id), { kind: 'create', body: this.body(doc, options) });
      return { ok: true, value: doc, version: PENDING_VERSION };
    }
    try {
      const response = await this.container.items.create(this.body(doc, options));
      this.charged('create', response);
      return { ok: true, value: doc, version: response.resource?._etag ?? '' };
    } catch (error) {
      this.charged('create', error);
      if (statusOf(error) === 409) return { ok: false, reason: 'exists' };
      throw error;
    }
  }

  /**
   * Below BULK_FROM documents, `create` for each, CREATE_PARALLELISM at a time; from BULK_FROM on,
   * one `executeBulkOperations` of Create operations (the SDK groups them into batch requests of up
   * to 100 per partition key range, sends those in parallel and retries throttled ones), each
   * answered on its own: 201 created, 409 exists. Why both (decision 32): cosmosdb-server serves the
   * batch route the SDK's bulk uses, but @azure/cosmos 4.9 sleeps a second between its checks for a
   * finished bulk, so every bulk call takes at least a second however small; measured on loopback,
   * 10 documents took 1,002 ms in bulk and 36 ms as parallel creates, 1,000 took 1,081 ms and 924 ms,
   * 5,000 took 1,389 ms and 2,491 ms. A planner run mostly writes a handful of records per
   * collection, and must not pay a second for each.
   *
   * Not atomic, as `create` in a loop is not: an error other than 409 throws once the operations
   * under way have finished, some of which may have landed; a retry of the whole call is safe (those
   * answer `exists`). Bulk operations are metered as creates, each with its own request charge, so a
   * flow's figures read the same either way.
   */
  async createMany(docs: readonly Doc[], options?: WriteOptions): Promise<WriteResult<Doc>[]> {
    const tenantId = tenantOfAll(docs);
    if (tenantId === undefined) return [];
    this.unitFor({ tenantId, ids: docs.map((d) => d.id) })?.abandon(`createMany of ${this.name}`);
    if (docs.length < BULK_FROM) return mapBounded(docs, CREATE_PARALLELISM, (doc) => this.create(doc, options));
    const results = await this.container.items.executeBulkOperations(
      docs.map((doc) => ({ operationType: BulkOperationType.Create, partitionKey: tenantId, resourceBody: this.body(doc, options) as JSONObject })),
    );
    let failure: unknown;
    const written = results.map((result, i): WriteResult<Doc> => {
      const doc = docs[i]!;
      if (result.response && result.response.statusCode < 400) {
        this.charged('create', result.response);
        return { ok: true, value: doc, version: result.response.eTag ?? '' };
      }
      this.charged('create', result.error ?? result.response);
      const status = statusOf(result.error) ?? result.response?.statusCode;
      if (status === 409) return { ok: false, reason: 'exists' };
      failure ??= result.error ?? new Error(`bulk create of ${this.name} ${doc.id} failed with status ${status}`);
      return { ok: false, reason: 'exists' };
    });
    if (failure) throw failure;
    return written;
  }

  async put(doc: Doc, options?: WriteOptions & { ifVersion?: string }): Promise<WriteResult<Doc>> {
    const unit = this.unitFor({ tenantId: doc.tenantId, ids: [doc.id] });
    if (unit) {
      const body = this.body(doc, options);
      unit.add(doc.tenantId, body.id, options?.ifVersion === undefined ? { kind: 'upsert', body } : { kind: 'replace', body, ifMatch: options.ifVersion });
      return { ok: true, value: doc, version: PENDING_VERSION };
    }
    try {
      if (options?.ifVersion === undefined) {
        const upserted = await this.container.items.upsert(this.body(doc, options));
        this.charged('upsert', upserted);
        return { ok: true, value: doc, version: upserted.resource?._etag ?? '' };
      }
      const replaced = await this.container
        .item(this.stored(doc.id), doc.tenantId)
        .replace(this.body(doc, options), { accessCondition: { type: 'IfMatch', condition: options.ifVersion } });
      this.charged('replace', replaced);
      return { ok: true, value: doc, version: replaced.resource?._etag ?? '' };
    } catch (error) {
      this.charged(options?.ifVersion === undefined ? 'upsert' : 'replace', error);
      if (statusOf(error) === 412) return { ok: false, reason: 'conflict' };
      if (statusOf(error) === 404) return { ok: false, reason: 'absent' };
      throw error;
    }
  }

  async delete(tenantId: string, id: string, options?: { ifVersion?: string }): Promise<DeleteResult> {
    const unit = this.unitFor({ tenantId, ids: [id] });
    if (unit) {
      // A batch's delete carries no ETag condition.
      if (options?.ifVersion !== undefined) unit.abandon(`a conditional delete of ${this.name}`);
      if (unit.known(tenantId, this.stored(id)) === null) return { ok: false, reason: 'absent' };
      unit.add(tenantId, this.stored(id), { kind: 'delete', id: this.stored(id) });
      return { ok: true };
    }
    try {
      const response = await this.container
        .item(this.stored(id), tenantId)
        .delete(options?.ifVersion ? { accessCondition: { type: 'IfMatch', condition: options.ifVersion } } : undefined);
      this.charged('delete', response);
      return { ok: true };
    } catch (error) {
      this.charged('delete', error);
      if (statusOf(error) === 404) return { ok: false, reason: 'absent' };
      if (statusOf(error) === 412) return { ok: false, reason: 'conflict' };
      throw error;
    }
  }

  private async select(tenantId: string | undefined, query?: Query): Promise<Versioned<Doc>[]> {
    this.beforeQuery();
    const sql = new CosmosSqlBuilder(this.placement);
    const text = sql.select(tenantId, query);
    const iterator = this.container.items.query<Doc & Partial<Resource>>(
      { query: text, parameters: sql.parameters },
      tenantId !== undefined ? { partitionKey: tenantId } : {},
    );
    const response = await iterator.fetchAll();
    this.charged('query', response, response.resources.length);
    return response.resources.map((r) => toDoc(this.placement, r));
  }

  find(tenantId: string, query?: Query): Promise<Versioned<Doc>[]> {
    return this.select(tenantId, query);
  }

  findAcrossTenants(query?: Query): Promise<Versioned<Doc>[]> {
    return this.select(undefined, query);
  }

  async *iterate(tenantId: string, query?: Omit<Query, 'limit'>, options?: IterateOptions): AsyncIterable<Versioned<Doc>> {
    this.beforeQuery();
    const sql = new CosmosSqlBuilder(this.placement);
    const text = sql.select(tenantId, query);
    // The SDK carries the continuation token from page to page; one page is held at a time.
    const pages = this.container.items.query<Doc & Partial<Resource>>(
      { query: text, parameters: sql.parameters },
      { partitionKey: tenantId, maxItemCount: options?.pageSize ?? DEFAULT_PAGE_SIZE },
    );
    while (pages.hasMoreResults()) {
      const page = await pages.fetchNext();
      this.charged('query', page, page.resources.length);
      for (const resource of page.resources) yield toDoc(this.placement, resource);
    }
  }

  async count(tenantId: string, where?: Filter): Promise<number> {
    this.beforeQuery();
    const sql = new CosmosSqlBuilder(this.placement);
    const text = sql.count(tenantId, where);
    const response = await this.container.items
      .query<number>({ query: text, parameters: sql.parameters }, { partitionKey: tenantId })
      .fetchAll();
    this.charged('count', response);
    const { resources } = response;
    return resources.reduce((sum, n) => sum + n, 0);
  }
}

export interface CosmosStoreOptions {
  client: CosmosClient;
  databaseId: string;
  /** Create the database and containers when missing (dev, tests, first deploy without Bicep). */
  createIfMissing: boolean;
  /** Counts request units per flow (and logs each operation at debug level); one is made if absent. */
  meter?: RequestChargeMeter;
}

export interface CosmosStore extends Store {
  readonly requestCharges: RequestChargeMeter;
}

/** A readiness probe gives up after this: the SDK would otherwise retry an unreachable account for long. */
const READINESS_TIMEOUT_MS = 3000;

/** Azure Cosmos DB for NoSQL: a container per collection, but the answers container holds what one answer reads and writes; all partitioned by /tenantId. */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  const meter = options.meter ?? new RequestChargeMeter();
  const { client, databaseId } = options;
  const units = new BatchUnits();
  if (options.createIfMissing) await client.databases.createIfNotExists({ id: databaseId });
  const database = client.database(databaseId);
  const containers = new Map<string, Container>();
  for (const id of containerNames()) {
    containers.set(id, options.createIfMissing ? (await database.containers.createIfNotExists(containerDefinitionFor(id))).container : database.container(id));
  }
  const collections = {} as Record<CollectionName, unknown>;
  for (const name of COLLECTION_NAMES) {
    collections[name] = validating(new CosmosCollection(name, containers.get(placementOf(name).container)!, meter, units), COLLECTIONS[name]);
  }
  const typed = collections as Collections;
  typed.tenants = withTenantDirectory(typed.tenants, typed.platformTenants);
  Object.assign(typed, withChangeLog(typed));
  // Fail fast on a wrong endpoint, key or database name rather than on the first message.
  await database.read();
  await checkEarlierLayout(database);
  const answers = containers.get(ANSWERS_CONTAINER)!;
  return {
    ...typed,
    kind: 'cosmos',
    requestCharges: meter,
    inOneTransaction: (work) => units.run(answers, meter, work),
    async readAhead(tenantId, refs) {
      const unit = units.active();
      if (unit?.direct) return;
      const wanted = [...new Set(refs.filter((r) => placementOf(r.collection).container === ANSWERS_CONTAINER).map((r) => storedIdOf(placementOf(r.collection), r.id)))];
      if (!unit || wanted.length === 0 || unit.hasWrites()) return;
      const sql = new CosmosSqlBuilder();
      const text = sql.select(tenantId, { where: { id: { in: wanted } } });
      const response = await answers.items.query<StoredBody & Partial<Resource>>({ query: text, parameters: sql.parameters }, { partitionKey: tenantId }).fetchAll();
      meter.record({ collection: ANSWERS_CONTAINER, operation: 'query', requestCharge: chargeOf(response), documents: response.resources.length });
      const found = new Map(response.resources.map((r) => [r.id, r]));
      for (const id of wanted) {
        const resource = found.get(id);
        unit.remember(tenantId, id, resource ? { body: resource, etag: resource._etag ?? '' } : null);
      }
    },
    async ping() {
      await database.read();
    },
    async checkWritable() {
      // One small document, rewritten on each probe and read back; it expires if probes stop.
      const abortSignal = AbortSignal.timeout(READINESS_TIMEOUT_MS);
      const probe = { id: 'readiness', tenantId: 'system', purpose: 'readiness', [DOC_TYPE_FIELD]: 'readiness', createdAt: new Date().toISOString(), ttl: 3600 };
      await answers.items.upsert(probe, { abortSignal });
      const { resource } = await answers.item(probe.id, probe.tenantId).read({ abortSignal });
      if (resource?.createdAt !== probe.createdAt) throw new Error('readiness: the health document did not read back');
    },
    async scrub() {},
    async close() {
      client.dispose();
    },
  };
}
