import { assertFieldPath, assertLimit, type Condition, type Filter, type Query, type Scalar } from '../port';

export type SqlValue = string | number | null;

/** The JSON path expression both the queries and the expression indexes use, so SQLite can match them. */
export function jsonField(path: string): string {
  // The tenant is a column of its own (the key's first part), so sorting or ranging on it uses the key.
  if (path === 'tenantId') return 'tenant_id';
  return `json_extract(doc, '$.${assertFieldPath(path)}')`;
}

// SQLite stores JSON true/false as 1/0, and better-sqlite3 cannot bind booleans.
function bindable(value: Scalar): SqlValue {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function conditionSql(path: string, condition: Condition, params: SqlValue[]): string[] {
  const field = jsonField(path);
  if (typeof condition !== 'object') {
    params.push(bindable(condition));
    return [`${field} = ?`];
  }
  const parts: string[] = [];
  const compare = (op: string, value: Scalar | undefined): void => {
    if (value === undefined) return;
    params.push(bindable(value));
    parts.push(`${field} ${op} ?`);
  };
  compare('=', condition.eq);
  compare('<', condition.lt);
  compare('<=', condition.lte);
  compare('>', condition.gt);
  compare('>=', condition.gte);
  if (condition.ne !== undefined) {
    // Cosmos treats an absent field as not equal to anything; match that.
    params.push(bindable(condition.ne));
    parts.push(`(${field} IS NULL OR ${field} != ?)`);
  }
  if (condition.in !== undefined) {
    if (condition.in.length === 0) parts.push('0');
    else {
      params.push(...condition.in.map(bindable));
      parts.push(`${field} IN (${condition.in.map(() => '?').join(', ')})`);
    }
  }
  if (condition.exists !== undefined) {
    parts.push(`json_type(doc, '$.${path}') IS ${condition.exists ? 'NOT NULL' : 'NULL'}`);
  }
  if (condition.contains !== undefined) {
    params.push(bindable(condition.contains));
    parts.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.${path}') WHERE value = ?)`);
  }
  return parts;
}

export function whereSql(filter: Filter | undefined, params: SqlValue[]): string[] {
  return Object.entries(filter ?? {}).flatMap(([path, condition]) => conditionSql(path, condition, params));
}

export function tailSql(query: Query | undefined): string {
  let sql = '';
  if (query?.orderBy) {
    sql += ` ORDER BY ${jsonField(query.orderBy.field)} ${query.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}, id ASC`;
  }
  const limit = assertLimit(query?.limit);
  if (limit !== undefined) sql += ` LIMIT ${limit}`;
  return sql;
}
