/**
 * The top frames of a V8 .cpuprofile by self time, as shares of the non-idle samples:
 *   npx tsx bench/support/profile-top.ts <file.cpuprofile> [count, default 5] [--after <regex>]
 * For the figures docs/performance.md reports (BENCH_CPU_PROF=<dir> writes one per server process).
 * `--after`: only samples from the first one whose stack has a frame matching it (e.g. `processEvent`
 * for the first Slack request), so start-up and seeding are left out.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function topFrames(file: string, count = 5, after?: RegExp): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackMatches = (id: number | undefined): boolean => id !== undefined && (after!.test(byId.get(id)!.callFrame.functionName) || stackMatches(parent.get(id)));
  const from = after ? Math.max(0, profile.samples.findIndex((id) => stackMatches(id))) : 0;
  const samples = profile.samples.slice(from);
  const self = new Map<string, number>();
  for (const id of samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench|test)\//, '$1/');
    const key = `${functionName || '(anonymous)'}${where ? ` ${where}:${lineNumber + 1}` : ''}`;
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

if (require.main === module) {
  const i = process.argv.indexOf('--after');
  const after = i >= 0 ? new RegExp(process.argv[i + 1]!) : undefined;
  const [file, count] = process.argv.slice(2).filter((_, k, all) => all[k] !== '--after' && all[k - 1] !== '--after');
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count] [--after <regex>]');
  for (const line of topFrames(file, Number(count ?? 5), after)) console.log(line);
}
