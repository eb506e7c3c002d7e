/**
 * Money invariants over many seeded random plans, through the real pipeline (plan reader →
 * resources → pricing cache → estimate → JSON report):
 *   - every total is exactly the sum of its parts (resource = components + sub-resources,
 *     project = resources, overall = projects), in exact decimals and in the printed cents;
 *   - a resource's cost does not depend on where it appears in the plan;
 *   - n identical instances cost exactly n × one;
 *   - a diff's delta is planned − past, per resource, per project and overall.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '../../src/core/decimal.js';
import type { Estimate, ResourceEstimate, SubresourceEstimate } from '../../src/estimate/types.js';
import { readPlanJson } from '../../src/input/plan.js';
import { parseUsage } from '../../src/input/usage.js';
import { estimateSide, priceProjects, toEstimate } from '../../src/pipeline.js';
import { renderJson } from '../../src/report/json.js';
import { generatePlan, generateUsage, plannablePricedTypes, Rng, snapshotCatalog, type Catalog } from '../support/generate.js';
import { repoRoot } from '../support/repo.js';

const root = repoRoot();
const cacheDir = join(root, 'pricing-cache');
const full = snapshotCatalog(cacheDir);
// Regions most services have prices for, so that most resources are really priced.
const REGIONS = ['us-east-1', 'us-east-1', 'eu-west-1', 'eu-central-1', 'us-west-2', 'ap-southeast-2'].filter((r) => full.regions.includes(r));
const catalog: Catalog = { ...full, regions: REGIONS };
const SEEDS = Array.from({ length: 12 }, (_, i) => 900 + i);

type Doc = Record<string, unknown>;

async function estimatePlans(plans: Doc[], usageDoc: Doc = {}): Promise<Estimate> {
  const projects = plans.map((p, i) => readPlanJson(p, `plan-${i}.json`, { env: {} }));
  const usage = parseUsage({ version: '0.1', ...usageDoc }, 'usage.yml');
  const priced = await priceProjects(projects, ['after'], usage, { cacheDir, online: false });
  return toEstimate(estimateSide(priced, 'after'), priced.pricing);
}

/** Sum of the known costs, null when none is known (how the estimate defines a part's cost). */
function sumKnown(values: (Decimal | null)[]): Decimal | null {
  const known = values.filter((v): v is Decimal => v !== null);
  return known.length ? Decimal.sum(known) : null;
}

function same(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.eq(b);
}

function show(d: Decimal | null): string {
  return d === null ? 'null' : d.toString();
}

/** Every place where a part's cost is not the sum of its own parts, as readable lines. */
function sumViolations(e: Estimate): string[] {
  const out: string[] = [];
  const part = (owner: string, p: { components: { monthlyCost: Decimal | null; name: string }[]; subresources: SubresourceEstimate[]; monthlyCost: Decimal | null }): void => {
    for (const c of p.components) {
      if (c.monthlyCost !== null && !c.monthlyCost.eq(c.monthlyCost.round(2))) out.push(`${owner} › ${c.name}: ${c.monthlyCost} is not whole cents`);
      if (c.monthlyCost !== null && c.monthlyCost.isNegative()) out.push(`${owner} › ${c.name}: negative ${c.monthlyCost}`);
    }
    for (const s of p.subresources) part(`${owner} › ${s.name}`, s);
    const expected = sumKnown([...p.components.map((c) => c.monthlyCost), ...p.subresources.map((s) => s.monthlyCost)]);
    if (!same(p.monthlyCost, expected)) out.push(`${owner}: ${show(p.monthlyCost)} ≠ parts ${show(expected)}`);
  };
  for (const p of e.projects) {
    for (const r of p.resources) part(r.address, r);
    const expected = Decimal.sum(p.resources.map((r) => r.monthlyCost ?? Decimal.ZERO));
    if (!p.totalMonthlyCost.eq(expected)) out.push(`project ${p.name}: ${p.totalMonthlyCost} ≠ resources ${expected}`);
  }
  const overall = Decimal.sum(e.projects.map((p) => p.totalMonthlyCost));
  if (!e.totalMonthlyCost.eq(overall)) out.push(`overall ${e.totalMonthlyCost} ≠ projects ${overall}`);
  return out;
}

const cents = (n: unknown): number => {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`not a money number: ${String(n)}`);
  return Math.round(n * 100);
};

type JsonPart = { name?: string; address?: string; monthlyCost: number | null; components: { monthlyCost: number | null }[]; subresources?: JsonPart[] };

/** The same sums on the printed JSON, in integer cents (what a user adding up the report sees). */
function jsonViolations(text: string): string[] {
  const doc = JSON.parse(text) as { totalMonthlyCost: number; projects: { totalMonthlyCost: number; resources: (JsonPart & { hourlyCost: number | null })[] }[] };
  const out: string[] = [];
  const part = (owner: string, p: JsonPart): number | null => {
    const parts = [...p.components.map((c) => (c.monthlyCost === null ? null : cents(c.monthlyCost))), ...(p.subresources ?? []).map((s) => part(`${owner} › ${s.name}`, s))];
    const known = parts.filter((x): x is number => x !== null);
    const expected = known.length ? known.reduce((a, b) => a + b, 0) : null;
    const actual = p.monthlyCost === null ? null : cents(p.monthlyCost);
    if (actual !== expected) out.push(`${owner}: printed ${p.monthlyCost} ≠ printed parts ${expected === null ? 'null' : expected / 100}`);
    return actual;
  };
  let overall = 0;
  for (const p of doc.projects) {
    let total = 0;
    for (const r of p.resources) {
      total += part(r.address ?? '?', r) ?? 0;
      // hourlyCost is monthly ÷ 730 to six places: never more than half a millionth off.
      if (r.monthlyCost !== null && (r.hourlyCost === null || Math.abs(r.hourlyCost * 730 - r.monthlyCost) > 730 * 5e-7 + 1e-9)) out.push(`${r.address}: hourly ${r.hourlyCost} vs monthly ${r.monthlyCost}`);
    }
    if (cents(p.totalMonthlyCost) !== total) out.push(`project printed ${p.totalMonthlyCost} ≠ printed resources ${total / 100}`);
    overall += cents(p.totalMonthlyCost);
  }
  if (cents(doc.totalMonthlyCost) !== overall) out.push(`overall printed ${doc.totalMonthlyCost} ≠ printed projects ${overall / 100}`);
  return out;
}

function byAddress(e: Estimate): Map<string, ResourceEstimate> {
  return new Map(e.projects.flatMap((p) => p.resources.map((r) => [`${p.name} ${r.address}`, r] as const)));
}

describe('money invariants over random plans', () => {
  test.each(SEEDS)('seed %i: every total is the sum of its parts, exactly and as printed', async (seed) => {
    const rng = new Rng(seed);
    const plans = [0, 1, 2].map(() => generatePlan(rng, { resources: rng.int(40, 160), catalog }));
    const usage = generateUsage(rng, plans.flatMap((p) => p.addresses), REGIONS);
    const e = await estimatePlans(plans.map((p) => p.plan), usage);

    // Not vacuous: real money, components and sub-resources both present.
    const resources = e.projects.flatMap((p) => p.resources);
    expect(resources.filter((r) => r.monthlyCost?.isPositive()).length).toBeGreaterThan(10);
    expect(resources.some((r) => r.subresources.length > 0)).toBe(true);
    expect(resources.some((r) => r.components.length > 1)).toBe(true);
    expect(e.totalMonthlyCost.isPositive()).toBe(true);

    expect(sumViolations(e)).toEqual([]);
    expect(jsonViolations(renderJson(e))).toEqual([]);
  });

  test('the sum checks catch a total that is off by a cent', async () => {
    const e = await estimatePlans([generatePlan(new Rng(1), { resources: 30, catalog }).plan]);
    const r = e.projects[0].resources.find((x) => x.monthlyCost !== null) as ResourceEstimate;
    r.monthlyCost = (r.monthlyCost as Decimal).plus(Decimal.parse('0.01'));
    expect(sumViolations(e).length).toBeGreaterThan(0);
    expect(jsonViolations(renderJson(e)).length).toBeGreaterThan(0);
  });

  test.each(SEEDS.slice(0, 8))('seed %i: a resource costs the same wherever it appears in the plan', async (seed) => {
    const rng = new Rng(seed);
    const { plan } = generatePlan(rng, { resources: 200, catalog });
    const usage = generateUsage(rng, (plan.resource_changes as { address: string }[]).map((r) => r.address), REGIONS);
    const shuffled = {
      ...plan,
      resource_changes: rng.shuffle(plan.resource_changes as unknown[]),
      configuration: {
        ...(plan.configuration as Doc),
        root_module: { ...((plan.configuration as Doc).root_module as Doc), resources: rng.shuffle(((plan.configuration as Doc).root_module as Doc).resources as unknown[]) },
      },
    };
    const a = await estimatePlans([plan], usage);
    const b = await estimatePlans([shuffled], usage);
    const before = byAddress(a);
    const after = byAddress(b);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const moved = [...before].filter(([k, r]) => !same(r.monthlyCost, after.get(k)?.monthlyCost ?? null)).map(([k]) => k);
    expect(moved).toEqual([]);
    // The whole report, not only the totals: output is ordered by address, never by input order.
    expect(renderJson(b)).toBe(renderJson(a));
  });

  test.each(SEEDS.slice(0, 6))('seed %i: n identical instances cost exactly n × one', async (seed) => {
    const rng = new Rng(seed);
    let checked = 0;
    for (const type of rng.shuffle(plannablePricedTypes()).slice(0, 12)) {
      const { plan } = generatePlan(rng, { resources: 1, catalog, pricedTypes: [type], mix: { priced: 1, free: 0, unsupported: 0 }, maxCount: 1, plannedValues: false });
      const n = rng.int(2, 40);
      // Count-expand the last instance (a companion such as a launch template stays single).
      const changes = plan.resource_changes as Doc[];
      const last = changes[changes.length - 1];
      if (typeof last.address !== 'string' || last.mode !== 'managed') continue;
      const base = last.address.replace(/\[\d+\]$/, '');
      const many = { ...plan, resource_changes: [...changes.slice(0, -1), ...Array.from({ length: n }, (_, i) => ({ ...last, address: `${base}[${i}]`, index: i }))] };
      const single = { ...plan, resource_changes: [...changes.slice(0, -1), { ...last, address: `${base}[0]`, index: 0 }] };
      const one = (await estimatePlans([single])).projects[0].resources.find((r) => r.address === `${base}[0]`);
      const all = (await estimatePlans([many])).projects[0].resources.filter((r) => r.address.startsWith(`${base}[`));
      if (!one) continue; // free or unsupported: nothing to multiply
      expect(all).toHaveLength(n);
      for (const r of all) expect(show(r.monthlyCost)).toBe(show(one.monthlyCost));
      if (one.monthlyCost !== null) {
        expect(Decimal.sum(all.map((r) => r.monthlyCost as Decimal)).toString()).toBe(one.monthlyCost.times(Decimal.fromInt(n)).toString());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test.each(SEEDS.slice(0, 6))('seed %i: an autoscaling group of n uses exactly n × the quantities of one', async (seed) => {
    const rng = new Rng(seed);
    const { plan } = generatePlan(rng, { resources: 2, catalog, pricedTypes: ['aws_autoscaling_group'], mix: { priced: 1, free: 0, unsupported: 0 }, maxCount: 1, plannedValues: false });
    const n = rng.int(2, 60);
    const withCapacity = (c: number) => ({
      ...plan,
      resource_changes: (plan.resource_changes as Doc[]).map((rc) =>
        rc.type === 'aws_autoscaling_group' ? { ...rc, change: { ...(rc.change as Doc), after: { ...((rc.change as Doc).after as Doc), desired_capacity: c } } } : rc,
      ),
    });
    const lines = (e: Estimate) =>
      e.projects[0].resources
        .filter((r) => r.type === 'aws_autoscaling_group')
        .flatMap((r) => {
          const walk = (s: SubresourceEstimate[], path: string): [string, Decimal | null, Decimal | null][] =>
            s.flatMap((x) => [...x.components.map((c) => [`${path}${c.name}`.replace(/\(\d+ × /, '(N × '), c.monthlyQuantity, c.monthlyCost] as [string, Decimal | null, Decimal | null]), ...walk(x.subresources, `${path}${x.name.replace(/\(\d+ × /, '(N × ')} › `)]);
          return walk(r.subresources, `${r.address} › `);
        });
    const one = lines(await estimatePlans([withCapacity(1)]));
    const many = lines(await estimatePlans([withCapacity(n)]));
    expect(many.map(([name]) => name)).toEqual(one.map(([name]) => name));
    expect(one.length).toBeGreaterThan(0);
    const N = Decimal.fromInt(n);
    for (const [i, [name, q1, c1]] of one.entries()) {
      const [, qn, cn] = many[i];
      if (q1 === null || qn === null) continue;
      // Quantities scale exactly; costs (rounded to the cent per line) within half a cent per unit.
      expect(`${name}: ${qn}`).toBe(`${name}: ${q1.times(N)}`);
      if (c1 !== null && cn !== null && q1.isPositive() && /Instance usage|Storage/.test(name)) {
        const drift = cn.minus(c1.times(N));
        expect(drift.isNegative() ? drift.negated().lt(Decimal.parse('0.005').times(N)) : drift.lt(Decimal.parse('0.005').times(N))).toBe(true);
      }
    }
  });
});

/** `costdiff diff` is another engineer's; the property runs once the command exists. */
const cli = join(root, 'bin', 'costdiff.js');
const help = spawnSync(process.execPath, [cli, '--help'], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH } }).stdout ?? '';
const hasDiff = /^\s+costdiff diff\b/m.test(help);

(hasDiff ? describe : describe.skip)('diff: delta is planned − past', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'costdiff-money-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type Totals = { past: number; planned: number; delta: number };
  type DiffResource = { address: string; action: string; pastMonthlyCost: number; plannedMonthlyCost: number; deltaMonthlyCost: number };
  type DiffDoc = Totals & { projects: (Totals & { name: string; resources: DiffResource[] })[] };

  function diffViolations(doc: DiffDoc): string[] {
    const out: string[] = [];
    const totals = (where: string, t: Totals) => {
      if (cents(t.delta) !== cents(t.planned) - cents(t.past)) out.push(`${where}: delta ${t.delta} ≠ ${t.planned} − ${t.past}`);
    };
    let past = 0;
    let planned = 0;
    for (const p of doc.projects) {
      totals(`project ${p.name}`, p);
      let rp = 0;
      let rn = 0;
      for (const r of p.resources) {
        if (cents(r.deltaMonthlyCost) !== cents(r.plannedMonthlyCost) - cents(r.pastMonthlyCost)) out.push(`${r.address} (${r.action}): delta ${r.deltaMonthlyCost} ≠ ${r.plannedMonthlyCost} − ${r.pastMonthlyCost}`);
        if (r.action === 'create' && cents(r.pastMonthlyCost) !== 0) out.push(`${r.address}: created but past ${r.pastMonthlyCost}`);
        if (r.action === 'delete' && cents(r.plannedMonthlyCost) !== 0) out.push(`${r.address}: deleted but planned ${r.plannedMonthlyCost}`);
        if (r.action === 'no-op' && cents(r.deltaMonthlyCost) !== 0) out.push(`${r.address}: no-op with delta ${r.deltaMonthlyCost}`);
        rp += cents(r.pastMonthlyCost);
        rn += cents(r.plannedMonthlyCost);
      }
      if (rp !== cents(p.past)) out.push(`project past ${p.past} ≠ resources ${rp / 100}`);
      if (rn !== cents(p.planned)) out.push(`project planned ${p.planned} ≠ resources ${rn / 100}`);
      past += cents(p.past);
      planned += cents(p.planned);
    }
    totals('overall', doc);
    if (past !== cents(doc.past) || planned !== cents(doc.planned)) out.push(`overall ${doc.past}/${doc.planned} ≠ projects ${past / 100}/${planned / 100}`);
    return out;
  }

  test.each(SEEDS.slice(0, 6))('seed %i: a mixed-action plan against its prior state', (seed) => {
    const rng = new Rng(seed);
    const { plan } = generatePlan(rng, { resources: 150, catalog, actions: 'mixed' });
    const file = join(dir, `mixed-${seed}.json`);
    writeFileSync(file, JSON.stringify(plan));
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' }, maxBuffer: 256 * 1024 * 1024 });
    const r = run(['diff', '--path', file, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as DiffDoc;
    const actions = new Set(doc.projects.flatMap((p) => p.resources.map((x) => x.action)));
    expect([...actions].sort()).toEqual(['create', 'delete', 'no-op', 'replace', 'update']);
    expect(doc.projects.flatMap((p) => p.resources).some((x) => cents(x.deltaMonthlyCost) !== 0)).toBe(true);
    expect(diffViolations(doc)).toEqual([]);
    // The planned side is what `breakdown` prices for the same plan.
    const b = run(['breakdown', '--path', file, '--format', 'json']);
    expect(b.status).toBe(0);
    expect(cents(doc.planned)).toBe(cents((JSON.parse(b.stdout) as { totalMonthlyCost: number }).totalMonthlyCost));
  });

  test('the diff checks catch a wrong delta', () => {
    const doc: DiffDoc = { past: 1, planned: 3, delta: 2, projects: [{ name: 'p', past: 1, planned: 3, delta: 2, resources: [{ address: 'a', action: 'update', pastMonthlyCost: 1, plannedMonthlyCost: 3, deltaMonthlyCost: 2.01 }] }] };
    expect(diffViolations(doc)).toEqual(['a (update): delta 2.01 ≠ 3 − 1']);
  });
});
