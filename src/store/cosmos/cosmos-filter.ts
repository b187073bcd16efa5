import type { SqlParameter } from '@azure/cosmos';
import { assertFieldPath, assertLimit, type Condition, type Filter, type Query, type Scalar } from '../port';
import { DOC_TYPE_FIELD, storedIdOf, type Placement } from './containers';

/**
 * Builds Cosmos SQL that both real Cosmos DB and @vercel/cosmosdb-server run: no GROUP BY,
 * DISTINCT, OFFSET, NOT IN or multi-field ORDER BY.
 */
export class CosmosSqlBuilder {
  readonly parameters: SqlParameter[] = [];

  /** In a shared container, every query names its collection, and ids are compared as stored (prefixed). */
  constructor(private readonly placement: Placement = { container: '' }) {}

  param(value: Scalar): string {
    const name = `@p${this.parameters.length}`;
    this.parameters.push({ name, value });
    return name;
  }

  private condition(path: string, given: Condition): string[] {
    const field = `c.${assertFieldPath(path)}`;
    const condition = path === 'id' ? this.storedIds(given) : given;
    if (typeof condition !== 'object') return [`${field} = ${this.param(condition)}`];
    const parts: string[] = [];
    const compare = (op: string, value: Scalar | undefined): void => {
      if (value !== undefined) parts.push(`${field} ${op} ${this.param(value)}`);
    };
    compare('=', condition.eq);
    compare('<', condition.lt);
    compare('<=', condition.lte);
    compare('>', condition.gt);
    compare('>=', condition.gte);
    if (condition.ne !== undefined) parts.push(`(NOT IS_DEFINED(${field}) OR ${field} != ${this.param(condition.ne)})`);
    if (condition.in !== undefined) {
      parts.push(condition.in.length === 0 ? 'false' : `${field} IN (${condition.in.map((v) => this.param(v)).join(', ')})`);
    }
    if (condition.exists !== undefined) parts.push(condition.exists ? `IS_DEFINED(${field})` : `NOT IS_DEFINED(${field})`);
    if (condition.contains !== undefined) parts.push(`ARRAY_CONTAINS(${field}, ${this.param(condition.contains)})`);
    return parts;
  }

  private storedIds(condition: Condition): Condition {
    const stored = (v: Scalar): Scalar => (typeof v === 'string' ? storedIdOf(this.placement, v) : v);
    if (typeof condition !== 'object') return stored(condition);
    const out: Record<string, unknown> = {};
    for (const [op, value] of Object.entries(condition)) {
      out[op] = Array.isArray(value) ? value.map(stored) : typeof value === 'string' ? stored(value) : value;
    }
    return out as Condition;
  }

  /** `tenantId` undefined means across tenants (scheduler only). */
  select(tenantId: string | undefined, query: Query | undefined): string {
    const where = this.where(tenantId, query?.where);
    const limit = assertLimit(query?.limit);
    const top = limit !== undefined ? `TOP ${limit} ` : '';
    const order = query?.orderBy
      ? ` ORDER BY c.${assertFieldPath(query.orderBy.field)} ${query.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}`
      : '';
    return `SELECT ${top}* FROM c${where}${order}`;
  }

  count(tenantId: string, filter: Filter | undefined): string {
    return `SELECT VALUE COUNT(1) FROM c${this.where(tenantId, filter)}`;
  }

  private where(tenantId: string | undefined, filter: Filter | undefined): string {
    // The tenant filter is always in the SQL, not only in the partition key option:
    // it is what keeps tenants apart (and the emulator ignores the option).
    const parts = tenantId !== undefined ? [`c.tenantId = ${this.param(tenantId)}`] : [];
    if (this.placement.docType) parts.push(`c.${DOC_TYPE_FIELD} = ${this.param(this.placement.docType)}`);
    for (const [path, condition] of Object.entries(filter ?? {})) parts.push(...this.condition(path, condition));
    return parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '';
  }
}
