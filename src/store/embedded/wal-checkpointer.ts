import { Worker } from 'node:worker_threads';

/** SQLite's own default: the writing connection checkpoints once the WAL holds this many pages. */
export const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/** While the worker runs, the writing connection checkpoints only if the worker falls this far behind (~40 MB). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
const DEFAULT_INTERVAL_MS = 100;

/**
 * Plain CommonJS so it runs the same under tsx, ts-jest and the compiled build. PASSIVE never
 * waits for the writer and never blocks it; it copies what it can and fsyncs the database file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma('synchronous = NORMAL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (typeof message === 'object') parentPort.postMessage({ id: message.checkpoint, result: checkpoint() });
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** SQLite's answer to a checkpoint: frames in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface WalCheckpointer {
  /** Checkpoints now, on the worker, and says how far it got (operators, tests). */
  checkpointNow(): Promise<CheckpointResult>;
  /** Stops the worker and closes its connection; call before closing the writing connection. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL of a database file from a worker thread with its own connection.
 *
 * better-sqlite3 is synchronous, so an automatic checkpoint runs inside whichever write crosses
 * the threshold: it copies ~1,000 pages and fsyncs, blocking the event loop for tens of
 * milliseconds every hundred or so submissions (docs/performance.md). Here that happens on
 * another thread; the writing connection keeps a high threshold of its own (`onFailure` is
 * called if the worker dies, so the caller can restore SQLite's default).
 */
export function startWalCheckpointer(path: string, options: { onFailure: (error: Error) => void; intervalMs?: number }): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS, driverPath: require.resolve('better-sqlite3') },
  });
  // Never the reason a process stays up.
  worker.unref();
  let stopped = false;
  let requests = 0;
  // Not events.once: that would reject (unhandled) when the worker emits 'error'.
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    if (!stopped) options.onFailure(error);
  });
  return {
    checkpointNow() {
      const id = ++requests;
      return new Promise<CheckpointResult>((resolve, reject) => {
        const onReply = (reply: { id: number; result: CheckpointResult }) => {
          if (reply.id !== id) return;
          worker.off('message', onReply);
          worker.off('exit', onExit);
          resolve(reply.result);
        };
        const onExit = () => reject(new Error('the WAL checkpoint worker has stopped'));
        worker.on('message', onReply);
        worker.once('exit', onExit);
        worker.postMessage({ checkpoint: id });
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Unref'd, the worker would not keep the process alive until it has closed: a shutdown that
      // awaits this could end with the event loop empty and the writing connection never closed.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
