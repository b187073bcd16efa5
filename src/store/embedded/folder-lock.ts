import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Another process (or another store in this one) has the embedded store's folder open. */
export class DataFolderInUseError extends Error {
  constructor(readonly folder: string) {
    super(`DATA_DIR ${folder} is in use by another Twilight process (the embedded store allows one at a time); stop it first, or give this one another DATA_DIR`);
    this.name = 'DataFolderInUseError';
  }
}

export interface FolderLock {
  release(): void;
}

/**
 * One process per embedded store: an exclusive SQLite lock on `<db>.lock`, held while the store is
 * open. It is an OS file lock, so the OS drops it when the process dies (even on kill -9) and
 * there is no stale lock file to clean up; SQLite also refuses a second connection in this process.
 * `waitMs` is how long to wait for it (blocking: only at start-up).
 */
export function lockDataFolder(dbPath: string, waitMs = 0): FolderLock {
  const lock = new Database(`${dbPath}.lock`);
  try {
    lock.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
    // EXCLUSIVE locking mode keeps the lock taken by the first write until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)');
    lock.exec('DELETE FROM holder');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    lock.exec('COMMIT');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUseError(dirname(dbPath));
    throw error;
  }
  return {
    release() {
      if (lock.open) lock.close();
    },
  };
}
