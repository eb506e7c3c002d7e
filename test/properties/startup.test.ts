/**
 * Start-up stays light: `--help` and an offline breakdown never load the AWS SDK, Octokit or
 * the HCL parser. Which modules a run loads is recorded by bench/module-trace.js (an ESM load
 * hook plus require.cache at exit); no timing here, speed is measured in bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedCatalog, generatePlan, Rng } from '../support/generate.js';
import { fixture, repoRoot } from '../support/repo.js';

const root = repoRoot();
const hook = pathToFileURL(join(root, 'dist', 'bench', 'module-trace.js')).href;
const HEAVY: [string, RegExp][] = [
  ['@aws-sdk', /\/node_modules\/@aws-sdk\//],
  ['@smithy (the SDK runtime)', /\/node_modules\/@smithy\//],
  ['@octokit', /\/node_modules\/@octokit\//],
  // bin/costdiff runs the bundle (scripts/bundle.ts), where the HCL parser is its own entry.
  ['the HCL parser', /\/dist\/bundle\/hcl\.js$/],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'costdiff-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let runs = 0;
/** Module URLs a node run loaded, and how it ended. */
function trace(nodeArgs: string[]): { modules: string[]; status: number | null; stderr: string } {
  const file = join(dir, `trace-${runs++}.txt`);
  const r = spawnSync(process.execPath, ['--import', hook, ...nodeArgs], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, COSTDIFF_MODULE_TRACE: file, AWS_REGION: 'us-east-1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const modules = existsSync(file) ? [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))] : [];
  return { modules, status: r.status, stderr: r.stderr };
}

function heavyIn(modules: string[]): string[] {
  return HEAVY.filter(([, re]) => modules.some((m) => re.test(m))).map(([name]) => name);
}

const cli = join(root, 'bin', 'costdiff.js');

describe('what start-up loads', () => {
  test('--help loads no AWS SDK, Octokit or HCL parser', () => {
    const t = trace([cli, '--help']);
    expect(t.status).toBe(0);
    // The trace works: the CLI's own modules are in it.
    expect(t.modules.some((m) => m.endsWith('/dist/bundle/costdiff.js'))).toBe(true);
    expect(heavyIn(t.modules)).toEqual([]);
  });

  test.each([
    ['a one-resource plan', 'one'],
    ['the example plan with its usage file', 'example'],
  ])('an offline breakdown of %s loads none of them', (_label, which) => {
    let args: string[];
    if (which === 'one') {
      const { plan } = generatePlan(new Rng(1), { resources: 1, catalog: fixedCatalog(['us-east-1']), pricedTypes: ['aws_instance'], mix: { priced: 1, free: 0, unsupported: 0 } });
      const file = join(dir, 'one.json');
      writeFileSync(file, JSON.stringify(plan));
      args = ['--path', file];
    } else {
      args = ['--path', fixture('plans', 'example.json'), '--usage-file', fixture('plans', 'example-usage.yml')];
    }
    for (const format of ['json', 'table']) {
      const t = trace([cli, 'breakdown', ...args, '--format', format]);
      expect(t.stderr).toBe('');
      expect(t.status).toBe(0);
      expect(t.modules.some((m) => /\/dist\/bundle\/chunks\/breakdown-\w+\.js$/.test(m))).toBe(true);
      expect(heavyIn(t.modules)).toEqual([]);
    }
  });

  // The check can fail: the same trace does see each of them when they are loaded.
  test('the trace sees the HCL parser when a directory is read', () => {
    const t = trace([cli, 'breakdown', '--path', fixture('hcl', 'basic'), '--format', 'json']);
    expect(t.status).toBe(0);
    expect(heavyIn(t.modules)).toContain('the HCL parser');
  });

  test.each([['@aws-sdk/client-pricing'], ['@octokit/rest']])('the trace sees %s when it is imported', (pkg) => {
    const t = trace(['--input-type=module', '-e', `await import(${JSON.stringify(pkg)})`]);
    expect(t.status).toBe(0);
    expect(heavyIn(t.modules)).toContain(pkg.split('/')[0]);
  });
});
