import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { KillChildOptions } from './kill-child';

export type ChildEnd = { how: 'killed' } | { how: 'done' } | { how: 'failed'; code: number | null; signal: NodeJS.Signals | null };

export interface RunningChild {
  /** The first message carrying `key`. */
  message<T>(key: string): Promise<T>;
  ended: Promise<ChildEnd>;
  /** kill -9 now. */
  kill(): void;
}

/** Starts test/reliability/support/kill-child.ts as a real process (the tsx loader, as `npm start` uses). */
export function startKillChild(options: KillChildOptions): RunningChild {
  const child = fork(join(__dirname, 'kill-child.ts'), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let done = false;
  const messages: Record<string, unknown>[] = [];
  const waiters: { key: string; resolve: (m: unknown) => void }[] = [];
  child.on('message', (m: Record<string, unknown>) => {
    if ('done' in m) done = true;
    messages.push(m);
    for (const w of waiters.filter((w) => w.key in m)) w.resolve(m);
  });
  const ended = new Promise<ChildEnd>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal === 'SIGKILL' ? { how: 'killed' } : done && code === 0 ? { how: 'done' } : { how: 'failed', code, signal })),
  );
  return {
    message: <T>(key: string) =>
      new Promise<T>((resolve, reject) => {
        const seen = messages.find((m) => key in m);
        if (seen) return resolve(seen as T);
        waiters.push({ key, resolve: resolve as (m: unknown) => void });
        void ended.then((end) => reject(new Error(`child ended (${JSON.stringify(end)}) before sending ${key}`)));
      }),
    ended,
    kill: () => child.kill('SIGKILL'),
  };
}
