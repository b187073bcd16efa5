import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../../src/domain/clock';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { ParsedVersions, sameJson } from '../../src/store/parsed-versions';
import { InvalidRecordError } from '../../src/store/port';
import { tenant } from '../support/fixtures';

describe('sameJson', () => {
  test('equal JSON values in the same key order', () => {
    expect(sameJson({ a: 1, b: [1, 'x', { c: null }] }, { a: 1, b: [1, 'x', { c: null }] })).toBe(true);
  });

  test('a stripped key, a key in another order, a default filled in or an undefined member is a difference', () => {
    expect(sameJson({ a: 1, legacy: true }, { a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, settings: {} })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson('2026-11-23', new Date('2026-11-23'))).toBe(false);
    expect(sameJson(0, -0)).toBe(false);
  });
});

describe('ParsedVersions', () => {
  test('remembers a version only when the parse changed nothing, and never an empty one', () => {
    const versions = new ParsedVersions();
    versions.noteIfUnchanged('t1', 'a', 'v1', { x: 1 }, { x: 1 });
    versions.noteIfUnchanged('t1', 'b', 'v1', { x: 1, legacy: 2 }, { x: 1 });
    versions.noteIfUnchanged('t1', 'c', '', { x: 1 }, { x: 1 });
    expect(versions.has('t1', 'a', 'v1')).toBe(true);
    expect(versions.has('t1', 'a', 'v2')).toBe(false);
    expect(versions.has('t2', 'a', 'v1')).toBe(false);
    expect(versions.has('t1', 'b', 'v1')).toBe(false);
    expect(versions.has('t1', 'c', '')).toBe(false);
  });

  test('starts again when full', () => {
    const versions = new ParsedVersions(2);
    for (const id of ['a', 'b', 'c']) versions.noteIfUnchanged('t1', id, 'v', {}, {});
    expect(versions.has('t1', 'a', 'v')).toBe(false);
    expect(versions.has('t1', 'c', 'v')).toBe(true);
  });
});

describe('point reads of a stored version the schema changes (embedded store)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-parsed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a row behind the store's back, as an older version of the bot or a hand edit might have. */
  function writeRaw(path: string, doc: Record<string, unknown>, etag: string): void {
    const db = new Database(path);
    db.prepare('INSERT OR REPLACE INTO tenants (tenant_id, id, doc, etag, expires_at) VALUES (?, ?, ?, ?, NULL)').run(doc.tenantId, doc.id, JSON.stringify(doc), etag);
    db.close();
  }

  test('every read of it is parsed: a key the schema drops is dropped each time, a bad one refused each time', async () => {
    const path = join(dir, 'schema-changes.db');
    const clock = new ManualClock('2026-11-23T09:00:00.000Z');
    await openEmbeddedStore({ path, clock }).close();
    writeRaw(path, { ...tenant('t1'), legacyField: 'old' }, 'etag-1');
    writeRaw(path, { ...tenant('t2'), name: 42 }, 'etag-2');
    const store = openEmbeddedStore({ path, clock });
    try {
      for (let read = 0; read < 3; read++) {
        const found = await store.tenants.get('t1', 't1');
        expect(found?.value).toEqual(tenant('t1'));
        expect(found?.value).not.toHaveProperty('legacyField');
        await expect(store.tenants.get('t2', 't2')).rejects.toBeInstanceOf(InvalidRecordError);
      }
    } finally {
      await store.close();
    }
  });
});
