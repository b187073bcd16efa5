/**
 * The top frames of a V8 .cpuprofile by self time, as shares of the non-idle samples:
 *   npx tsx bench/support/profile-top.ts <file.cpuprofile> [count, default 5] [--after <regex>]
 * For the figures docs/performance.md reports (BENCH_CPU_PROF=<dir> writes one per server process).
 * `--after`: only samples from the first one whose stack has a frame matching it (e.g. `processEvent`
 * for the first Slack request), so start-up and seeding are left out.
 * `--inclusive <regex>`: instead, the frames whose place (package or file) matches, by the share of
 * samples with them anywhere on the stack (e.g. `^src/|zod|pino` for where the app's own time goes).
 * `--share <regex>`: one figure, the share of busy samples with any frame whose place matches (e.g.
 * `^src/store/|better-sqlite3|@azure/cosmos` for the store's whole part), the garbage collector's
 * samples split in proportion (they carry no stack of their own).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function topFrames(file: string, count = 5, after?: RegExp, inclusive?: RegExp): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackMatches = (id: number | undefined): boolean => id !== undefined && (after!.test(byId.get(id)!.callFrame.functionName) || stackMatches(parent.get(id)));
  const from = after ? Math.max(0, profile.samples.findIndex((id) => stackMatches(id))) : 0;
  const samples = profile.samples.slice(from);
  const self = new Map<string, number>();
  const placeOf = (id: number) => byId.get(id)!.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench|test)\//, '$1/');
  const keyOf = (id: number) => {
    const { functionName, lineNumber } = byId.get(id)!.callFrame;
    const where = placeOf(id);
    return `${functionName || '(anonymous)'}${where ? ` ${where}:${lineNumber + 1}` : ''}`;
  };
  for (const id of samples) {
    if (inclusive) {
      const onStack = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (inclusive.test(placeOf(at))) onStack.add(keyOf(at));
      for (const key of onStack) self.set(key, (self.get(key) ?? 0) + 1);
      const leaf = byId.get(id)!.callFrame.functionName;
      if (leaf === '(idle)' || leaf === '(program)') self.set(leaf, (self.get(leaf) ?? 0) + 1);
      continue;
    }
    const key = keyOf(id);
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const idle = (self.get('(idle)') ?? 0) + (self.get('(program)') ?? 0);
  const busy = samples.length - idle;
  return [...self]
    .filter(([k]) => k !== '(idle)' && k !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, n]) => `${((100 * n) / busy).toFixed(1)}% ${k}`);
}

/** The share of busy samples (0–1) with a frame whose place matches `place`; see `--share` above. */
export function stackShare(file: string, place: RegExp, after?: RegExp): number {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id: number) => byId.get(id)!.callFrame.functionName;
  const placeOf = (id: number) => byId.get(id)!.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench|test)\//, '$1/');
  const stackMatches = (id: number | undefined, test: (at: number) => boolean): boolean => id !== undefined && (test(id) || stackMatches(parent.get(id), test));
  const from = after ? Math.max(0, profile.samples.findIndex((id) => stackMatches(id, (at) => after.test(nameOf(at))))) : 0;
  let matched = 0;
  let attributed = 0;
  for (const id of profile.samples.slice(from)) {
    const leaf = nameOf(id);
    if (leaf === '(idle)' || leaf === '(program)' || leaf === '(garbage collector)') continue;
    attributed++;
    if (stackMatches(id, (at) => place.test(placeOf(at)))) matched++;
  }
  return attributed ? matched / attributed : 0;
}

if (require.main === module) {
  const option = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? new RegExp(process.argv[i + 1]!) : undefined;
  };
  const flags = ['--after', '--inclusive', '--share'];
  const [file, count] = process.argv.slice(2).filter((_, k, all) => !flags.includes(all[k]!) && !flags.includes(all[k - 1]!));
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count] [--after <regex>] [--inclusive <regex> | --share <regex>]');
  const share = option('--share');
  if (share) {
    console.log(`${(100 * stackShare(file, share, option('--after'))).toFixed(1)}% of busy samples (garbage collection split in proportion) have a frame matching ${share}`);
    process.exit(0);
  }
  for (const line of topFrames(file, Number(count ?? 5), option('--after'), option('--inclusive'))) console.log(line);
}
