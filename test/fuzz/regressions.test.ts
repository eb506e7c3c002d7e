/**
 * The smallest inputs behind crashes the fuzzer found, kept as plain cases: each must end with
 * one `costdiff: ` line and exit 1 (or price, exit 0), never an internal error or an abort.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepJson } from '../support/generate.js';
import { fixture, repoRoot } from '../support/repo.js';
import { check, runCase, type FuzzCase } from './harness.js';

const root = repoRoot();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'costdiff-regressions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plan(changes: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: changes, ...extra });
}

const instance = (after: Record<string, unknown>, actions: unknown = ['create']) => ({
  address: 'aws_instance.web',
  mode: 'managed',
  type: 'aws_instance',
  name: 'web',
  change: { actions, before: null, after, after_unknown: {} },
});

/** Writes `text` as `name`, runs costdiff with `args` ({file} = that path), judges the ending. */
async function run(name: string, text: string, args: string[]): Promise<{ status: number | null; stderr: string; problems: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const c: FuzzCase = { seed: 0, index: 0, kind: 'plan', from: name, steps: [], args: args.map((a) => (a === '{file}' ? file : a)), json: args.includes('json') };
  const o = await runCase(root, c, 20_000);
  return { status: o.status, stderr: o.stderr, problems: check(c, o, 20_000) };
}

const example = fixture('plans', 'example.json');

describe('inputs that used to crash costdiff', () => {
  test.each([
    // Deep documents are spliced in as text: building them as objects would overflow here too.
    ['values nested 20,000 deep (stack overflow in the plan reader)', plan([instance({ instance_type: 'm5.large', tags: '__DEEP__' })]).replace('"__DEEP__"', deepJson(20000, 'array')), /nested more than \d+ levels deep/],
    ['change.actions with nested arrays (Array.join recursion)', plan([instance({}, '__DEEP__')]).replace('"__DEEP__"', `[${deepJson(5000, 'array')}]`), /unknown actions/],
    ['configuration resources that are null', plan([instance({ instance_type: 'm5.large' })], { configuration: { root_module: { resources: [null, 5] } } }), null],
    ['a provider_config_key that is a number', plan([instance({ instance_type: 'm5.large' })], { configuration: { root_module: { resources: [{ address: 'aws_instance.web', type: 'aws_instance', name: 'web', provider_config_key: 5 }] } } }), null],
    ['resource_changes that is an object', JSON.stringify({ format_version: '1.2', resource_changes: { a: 1 } }), /resource_changes should be a list/],
    ['a region with a newline and a terminal escape (a two-line message)', plan([instance({ instance_type: 'm5.large', region: 'us-east-1\n\u001b[31mboom' })]), /unknown AWS region "us-east-1\\n\\u001b\[31mboom"/],
  ])('plan: %s', async (_label, text, message) => {
    const r = await run('plan.json', text, ['breakdown', '--path', '{file}', '--format', 'json']);
    expect(r.problems).toEqual([]);
    if (message) {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });

  test.each([
    ['a number below the smallest Decimal (5e-324)', 'version: 0.1\nresource_usage:\n  aws_nat_gateway.main:\n    monthly_data_processed_gb: 5e-324\n', 0],
    ['a number above the largest Decimal (1e308)', 'version: 0.1\nresource_usage:\n  aws_nat_gateway.main:\n    monthly_data_processed_gb: 1e308\n', 0],
    // yaml@2 aborted the process (V8 "RegExpCompiler Allocation failed"), past any catch.
    ['deeply nested flow collections (process abort in yaml@2)', `{"version":${deepJson(1000, 'array')},"x":${deepJson(1000, 'object')}}\n`, 1],
  ])('usage file: %s', async (_label, text, status) => {
    const r = await run('usage.yml', text, ['breakdown', '--path', example, '--usage-file', '{file}', '--format', 'json']);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(status);
  });

  test('costdiff.yml: deeply nested flow collections (process abort in yaml@2)', async () => {
    const r = await run('costdiff.yml', `{"version":${deepJson(1000, 'array')},"x":${deepJson(1000, 'object')}}\n`, ['diff', '--path', example, '--config', '{file}', '--format', 'json']);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nested more than \d+ levels deep/);
  });

  test('baseline: a money figure out of Decimal range (1e308)', async () => {
    const baseline = await run('b.json', '', ['breakdown', '--path', example, '--format', 'json', '--out', join(dir, 'baseline.json')]);
    expect(baseline.status).toBe(0);
    const text = readFileSync(join(dir, 'baseline.json'), 'utf8').replace(/"totalMonthlyCost": [\d.]+/, '"totalMonthlyCost": 1e308');
    const r = await run('baseline-huge.json', text, ['diff', '--path', example, '--compare-to', '{file}', '--format', 'json']);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/totalMonthlyCost: expected a number/);
  });

  test('baseline: a negative quantity is refused, not copied into the diff', async () => {
    const baseline = await run('b2.json', '', ['breakdown', '--path', example, '--format', 'json', '--out', join(dir, 'baseline2.json')]);
    expect(baseline.status).toBe(0);
    const text = readFileSync(join(dir, 'baseline2.json'), 'utf8').replace('"monthlyQuantity": 730', '"monthlyQuantity": -730');
    const r = await run('baseline-negative.json', text, ['diff', '--path', example, '--compare-to', '{file}', '--format', 'json']);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/monthlyQuantity: expected a number that is not negative/);
  });

  test('costdiff.yml: a 100,000-character scale_with pattern (regular expression too large)', async () => {
    const config = ['version: 1', 'forecast:', '  horizon_months: 3', '  growth: { orders: 0.01 }', `  scale_with: { orders: ["${'x'.repeat(100000)}*"] }`, 'unit_economics:', '  - { name: orders, monthly_volume: 1000, per: 1 }', ''].join('\n');
    const r = await run('long.yml', config, ['diff', '--path', example, '--config', '{file}', '--format', 'json']);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe(0);
  });
});
