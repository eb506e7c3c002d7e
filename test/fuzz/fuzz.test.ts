/**
 * Mutated plans, usage files, configs and .tf directories through the real CLI: every case must
 * end by itself with exit 0, 1 or 2, one `costdiff: ` line on an error (no internal error, no
 * stack trace), and sound JSON on success. A fixed seed, so a failure reruns exactly:
 *   node dist/bench/fuzz.js --seed <seed> --case <n> --keep
 * Longer runs: bench/fuzz.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';
import { buildCase, describe as describeCase, loadSeeds, pool, runCase, type CaseKind } from './harness.js';

const SEED = 20260720;
/** Cases per kind; each kind has its own range of case numbers so they never overlap. */
const PLAN = 150;
const USAGE = 50;
const HCL = 50;
const CONFIG = 30;
const BASELINE = 30;
const TIMEOUT_MS = 20_000;
const JOBS = 2;

const root = repoRoot();
const seeds = loadSeeds(root);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'costdiff-fuzz-test-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function fuzz(kind: CaseKind, first: number, count: number): Promise<void> {
  const indices = Array.from({ length: count }, (_, i) => first + i);
  const outcomes = await pool(indices, JOBS, (index) => runCase(root, buildCase(seeds, SEED, index, join(dir, `case-${index}`), kind), TIMEOUT_MS));
  const failures = outcomes.filter((o) => o.problems.length > 0).map(describeCase);
  // Every case ran to an end and was judged: a harness that silently skipped would pass too.
  expect(outcomes).toHaveLength(count);
  expect(failures).toEqual([]);
  // Both outcomes must occur, or the mutator only ever tests the parser (or never breaks anything).
  if (kind !== 'config') {
    expect(outcomes.some((o) => o.status === 0)).toBe(true);
    expect(outcomes.some((o) => o.status !== 0)).toBe(true);
  }
}

describe('fuzzing the CLI with mutated inputs', () => {
  test(`${PLAN} mutated plan JSON files`, () => fuzz('plan', 0, PLAN), 240_000);

  test(`${USAGE} mutated usage files`, () => fuzz('usage', 10_000, USAGE), 120_000);

  (seeds.commands.hcl ? test : test.skip)(`${HCL} mutated .tf directories`, () => fuzz('hcl', 20_000, HCL), 120_000);

  // costdiff.yml is only fuzzed once a command takes --config.
  (seeds.commands.config ? test : test.skip)(`${CONFIG} mutated costdiff.yml files`, () => fuzz('config', 30_000, CONFIG), 120_000);

  // costdiff's own JSON read back as a baseline (`diff --compare-to`), once diff has it.
  (seeds.commands.baseline ? test : test.skip)(`${BASELINE} mutated baseline JSON files`, () => fuzz('baseline', 40_000, BASELINE), 120_000);
});

describe('the fuzz checks themselves', () => {
  const c = { seed: 0, index: 0, kind: 'plan' as const, from: 'x', steps: [], args: [], json: true };

  test('flag what the CLI must never do', async () => {
    const { check } = await import('./harness.js');
    const ok = { status: 0, signal: null, timedOut: false, stdout: '{"totalMonthlyCost": 1.5, "projects": []}', stderr: 'costdiff: warning: no region\n' };
    expect(check(c, ok, 1000)).toEqual([]);
    expect(check(c, { ...ok, status: 1, stdout: '', stderr: 'costdiff: plan.json: not valid JSON\n' }, 1000)).toEqual([]);
    expect(check(c, { ...ok, timedOut: true }, 1000)[0]).toMatch(/hang/);
    expect(check(c, { ...ok, status: 134 }, 1000)[0]).toMatch(/exit 134/);
    expect(check(c, { ...ok, status: 1, stderr: 'costdiff: internal error: x is not a function (rerun with --debug for details)\n' }, 1000).join()).toMatch(/internal error/);
    expect(check(c, { ...ok, status: 1, stderr: 'TypeError: x\n    at f (file:///a.js:1:2)\n' }, 1000).join()).toMatch(/stack trace/);
    expect(check(c, { ...ok, status: 1, stderr: 'costdiff: warning: a\ncostdiff: b\n' }, 1000).join()).toMatch(/2 stderr lines/);
    expect(check(c, { ...ok, stdout: '{"monthlyCost": -1}' }, 1000).join()).toMatch(/monthlyCost is -1/);
    expect(check(c, { ...ok, stdout: '{"hourlyCost": "NaN"}' }, 1000).join()).toMatch(/hourlyCost/);
    expect(check(c, { ...ok, stdout: '{"a": NaN}' }, 1000).join()).toMatch(/not JSON/);
  });

  test('cases are reproducible from the seed and case number', () => {
    const a = buildCase(seeds, 7, 3, join(dir, 'repro-a'), 'plan');
    const b = buildCase(seeds, 7, 3, join(dir, 'repro-b'), 'plan');
    expect({ ...a, args: a.args.map((x) => x.replace('repro-a', 'repro-b')) }).toEqual(b);
    expect(readFileSync(join(dir, 'repro-a', 'plan.json'))).toEqual(readFileSync(join(dir, 'repro-b', 'plan.json')));
    const other = buildCase(seeds, 8, 3, join(dir, 'repro-c'), 'plan');
    expect(readFileSync(join(dir, 'repro-c', 'plan.json'))).not.toEqual(readFileSync(join(dir, 'repro-a', 'plan.json')));
    expect(other.seed).toBe(8);
  });
});
