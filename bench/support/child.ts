import { fork, type ChildProcess } from 'node:child_process';

/** A TypeScript child process (same tsx loader as this one) that speaks over IPC. */
export interface Child {
  process: ChildProcess;
  /** Sends a message and waits for the first reply that has `key`. */
  ask<T>(message: string, key: string): Promise<T>;
  first<T>(key: string): Promise<T>;
  stop(): Promise<void>;
}

export function forkTs(file: string, args: string[]): Child {
  const child = fork(file, args, { execArgv: [...process.execArgv, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const first = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${file} exited with ${code} before sending ${key}`));
      const onMessage = (m: Record<string, unknown>) => {
        if (key in m) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m as T);
        }
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    process: child,
    first,
    ask<T>(message: string, key: string) {
      const reply = first<T>(key);
      child.send(message);
      return reply;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
