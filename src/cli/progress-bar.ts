import { SingleBar, Presets } from 'cli-progress';

/** A progress callback for imports: a terminal bar on a TTY, nothing otherwise (logs stay clean). */
export type ProgressFactory = (label: string) => { update(done: number, total: number): void; stop(): void };

export const terminalProgress: ProgressFactory = (label) => {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
};

export const silentProgress: ProgressFactory = () => ({ update() {}, stop() {} });
