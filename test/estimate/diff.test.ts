import { Decimal } from '../../src/core/decimal.js';
import { diffEstimates, diffFromRecorded, hasChanges, matchedAction, toCostDiff, totals } from '../../src/estimate/diff.js';
import type { CostDiff, ResourceDiff } from '../../src/estimate/diff-types.js';
import { readCostdiffOutput } from '../../src/input/baseline.js';
import { UsageFile } from '../../src/input/usage.js';
import { estimateSide, priceProjects, toEstimate } from '../../src/pipeline.js';
import { renderDiffJson } from '../../src/report/diff-json.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { d } from '../support/estimate.js';
import { planDiff, readPlans, twoInputDiff } from '../support/diff.js';
import { fixture, repoRoot } from '../support/repo.js';
import { join } from 'node:path';

const byAddress = (diff: CostDiff) => new Map(diff.projects[0].resources.map((r) => [r.address, r]));
const costs = (r: ResourceDiff | undefined) => r && [r.pastMonthlyCost.toFixed(2), r.plannedMonthlyCost.toFixed(2), r.deltaMonthlyCost.toFixed(2)];

// Published us-east-1 on-demand prices these fixtures use: m5.large $0.096/h, m5.xlarge $0.192/h,
// gp3 $0.08/GB-month, gp2 $0.10/GB-month, public IPv4 $0.005/h, NAT gateway $0.045/h.
const H = 730;

/** Every delta is planned − past, and every total the exact sum of its parts. */
function expectConsistent(diff: CostDiff): void {
  for (const p of diff.projects) {
    for (const r of p.resources) expect(r.deltaMonthlyCost.eq(r.plannedMonthlyCost.minus(r.pastMonthlyCost))).toBe(true);
    expect(p.totals.past.eq(Decimal.sum(p.resources.map((r) => r.pastMonthlyCost)))).toBe(true);
    expect(p.totals.planned.eq(Decimal.sum(p.resources.map((r) => r.plannedMonthlyCost)))).toBe(true);
    expect(p.totals.delta.eq(p.totals.planned.minus(p.totals.past))).toBe(true);
  }
  expect(diff.totals.past.eq(Decimal.sum(diff.projects.map((p) => p.totals.past)))).toBe(true);
  expect(diff.totals.delta.eq(diff.totals.planned.minus(diff.totals.past))).toBe(true);
  expect(diff.totals.deltaYearly.eq(diff.totals.delta.times(Decimal.fromInt(12)))).toBe(true);
}

describe('a plan alone: prior state against planned state', () => {
  it("uses Terraform's action per resource: create, delete, update (resize), replace, no-op", async () => {
    const diff = await planDiff(fixture('diff', 'plan-changes.json'));
    const r = byAddress(diff);
    expect(Object.fromEntries([...r].map(([a, x]) => [a, x.action]))).toEqual({
      'aws_ebs_volume.logs': 'delete',
      'aws_eip.new': 'create',
      'aws_instance.web': 'update',
      'aws_instance.worker': 'create',
      'aws_nat_gateway.main': 'no-op',
      'aws_sqs_queue.jobs': 'create',
      'module.db.aws_db_instance.main': 'replace',
    });
    // m5.large → m5.xlarge, same 20 GB gp3 root volume.
    const web = r.get('aws_instance.web')!;
    expect(costs(web)).toEqual([d('0.096').times(Decimal.fromInt(H)).plus(d('1.60')).toFixed(2), d('0.192').times(Decimal.fromInt(H)).plus(d('1.60')).toFixed(2), '70.08']);
    expect(web.components.map((c) => [c.name, c.past?.monthlyCost?.toFixed(2) ?? '–', c.planned?.monthlyCost?.toFixed(2) ?? '–'])).toEqual([
      ['Instance usage (Linux/UNIX, on-demand, m5.large)', '70.08', '–'],
      ['Instance usage (Linux/UNIX, on-demand, m5.xlarge)', '–', '140.16'],
      ['root_block_device › Storage (general purpose SSD, gp3)', '1.60', '1.60'],
    ]);
    expect(costs(r.get('aws_ebs_volume.logs'))).toEqual(['5.00', '0.00', '-5.00']);
    expect(r.get('aws_ebs_volume.logs')!.planned).toBeUndefined();
    expect(costs(r.get('aws_eip.new'))).toEqual(['0.00', '3.65', '3.65']);
    expect(r.get('aws_eip.new')!.past).toBeUndefined();
    expect(costs(r.get('aws_nat_gateway.main'))).toEqual(['32.85', '32.85', '0.00']);
    // A replace shows both the past and the planned side.
    const db = r.get('module.db.aws_db_instance.main')!;
    expect(db.past?.components[0].name).toMatch(/db\.t3\.medium/);
    expect(db.planned?.components[0].name).toMatch(/db\.t3\.large/);
    expect(db.deltaMonthlyCost.isPositive()).toBe(true);
    expectConsistent(diff);
  });

  it('counts an unpriced resource as $0.00 and lists why', async () => {
    const diff = await planDiff(fixture('diff', 'plan-changes.json'));
    const worker = byAddress(diff).get('aws_instance.worker')!;
    expect(worker.planned?.monthlyCost).toBeNull();
    expect(costs(worker)).toEqual(['0.00', '0.00', '0.00']);
    expect(worker.unpriced).toEqual([{ component: 'all', reason: 'cost depends on instance_type, which is not known until apply', side: 'planned' }]);
    const expectedPlanned = ['aws_eip.new', 'aws_instance.web', 'aws_nat_gateway.main', 'module.db.aws_db_instance.main']
      .map((a) => byAddress(diff).get(a)!.plannedMonthlyCost)
      .concat([byAddress(diff).get('aws_sqs_queue.jobs')!.plannedMonthlyCost]);
    expect(diff.totals.planned.eq(Decimal.sum(expectedPlanned))).toBe(true);
  });

  it('an update whose new side cannot be priced still shows the past cost leaving', async () => {
    const diff = await planDiff(fixture('diff', 'plan-unpriced.json'));
    const db = byAddress(diff).get('aws_db_instance.main')!;
    expect(db.action).toBe('update');
    expect(db.planned?.monthlyCost).toBeNull();
    expect(db.deltaMonthlyCost.eq(db.pastMonthlyCost.negated())).toBe(true);
    expect(db.unpriced[0]).toMatchObject({ component: 'all', side: 'planned' });
    expect(diff.projects[0].unsupported.map((u) => u.address)).toEqual(['aws_gamelift_fleet.arena']);
    expectConsistent(diff);
  });

  it('only no-ops: no change, delta exactly zero, no percent drift', async () => {
    const diff = await planDiff(fixture('diff', 'plan-no-change.json'));
    expect(diff.projects[0].resources.every((r) => r.action === 'no-op')).toBe(true);
    expect(diff.totals.delta.isZero()).toBe(true);
    expect(diff.totals.deltaPercent?.isZero()).toBe(true);
    expect(hasChanges(diff)).toBe(false);
    expectConsistent(diff);
  });

  it('a decrease is negative, with its percent of the past total', async () => {
    const diff = await planDiff(fixture('diff', 'plan-decrease.json'));
    expect(diff.totals.delta.isNegative()).toBe(true);
    expect(diff.totals.deltaPercent!.eq(diff.totals.delta.times(Decimal.fromInt(100)).dividedBy(diff.totals.past))).toBe(true);
    expect(hasChanges(diff)).toBe(true);
    expectConsistent(diff);
  });
});

describe('two separate inputs, matched by address', () => {
  it('only in new → create, only in old → delete, a resize → update, same cost → no-op', async () => {
    const diff = await twoInputDiff(fixture('diff', 'baseline.json'), fixture('diff', 'proposed.json'));
    expect(diff.projects).toHaveLength(1);
    expect(diff.projects[0].name).toBe('fixtures/diff/proposed.json');
    const r = byAddress(diff);
    expect(Object.fromEntries([...r].map(([a, x]) => [a, x.action]))).toEqual({
      'aws_ebs_volume.logs': 'delete',
      'aws_eip.new': 'create',
      'aws_instance.web': 'update',
      'aws_nat_gateway.main': 'no-op',
      'module.db.aws_db_instance.main': 'update',
    });
    expect(costs(r.get('aws_instance.web'))).toEqual(['71.68', '141.76', '70.08']);
    // The same resources in a plan diff cost the same as in the two-input diff.
    const plan = byAddress(await planDiff(fixture('diff', 'plan-changes.json')));
    for (const a of ['aws_instance.web', 'aws_ebs_volume.logs', 'aws_eip.new', 'module.db.aws_db_instance.main']) expect(costs(r.get(a))).toEqual(costs(plan.get(a)));
    expectConsistent(diff);
  });

  it('matchedAction: a different cost component is an update even at the same cost', async () => {
    const [a] = (await twoInputDiff(fixture('diff', 'baseline.json'), fixture('diff', 'baseline.json'))).projects;
    const web = a.resources.find((x) => x.address === 'aws_instance.web')!;
    expect(web.action).toBe('no-op');
    const renamed = { ...web.planned!, components: web.planned!.components.map((c) => ({ ...c, name: `${c.name} (renamed)` })) };
    expect(matchedAction(web.planned, renamed)).toBe('update');
    expect(matchedAction(undefined, renamed)).toBe('create');
    expect(matchedAction(renamed, undefined)).toBe('delete');
  });

  it('a breakdown JSON read back as the baseline matches its source exactly (all no-op)', async () => {
    const projects = await readPlans([fixture('plans', 'example.json')]);
    const priced = await priceProjects(projects, ['after'], UsageFile.empty(), { cacheDir: join(repoRoot(), 'pricing-cache'), online: false });
    const after = estimateSide(priced, 'after');
    const json = JSON.parse(renderJson(toEstimate(after, priced.pricing)));
    const read = readCostdiffOutput(json, 'breakdown.json');
    expect(read.kind).toBe('breakdown');
    const diff = toCostDiff(diffEstimates(read.kind === 'breakdown' ? read.projects : [], after), priced.pricing);
    expect(diff.projects[0].resources.map((r) => r.action).every((a) => a === 'no-op')).toBe(true);
    expect(diff.totals.delta.isZero()).toBe(true);
    expect(diff.totals.past.toFixed(2)).toBe(json.totalMonthlyCost.toFixed(2));
  });

  it('projects pair by name (or as the only one left on each side); unpaired ones are all creates or all deletes', async () => {
    const [oldP] = (await twoInputDiff(fixture('diff', 'baseline.json'), fixture('diff', 'baseline.json'))).projects;
    const toEstimateP = (p: typeof oldP, name: string, side: 'past' | 'planned') => ({
      name, path: name, region: p.region, free: [], unsupported: [], warnings: [],
      resources: p.resources.map((r) => r[side]!).filter(Boolean),
      totalMonthlyCost: p.totals[side],
    });
    const past = [toEstimateP(oldP, 'a', 'past'), toEstimateP(oldP, 'gone', 'past')];
    const planned = [toEstimateP(oldP, 'new', 'planned'), toEstimateP(oldP, 'a', 'planned'), toEstimateP(oldP, 'new2', 'planned')];
    const actions = (ps: ReturnType<typeof diffEstimates>) => ps.map((p) => [p.name, [...new Set(p.resources.map((r) => r.action))]]);
    expect(actions(diffEstimates(past, planned))).toEqual([
      ['new', ['create']],
      ['a', ['no-op']],
      ['new2', ['create']],
      ['gone', ['delete']],
    ]);
    // old.json against new.json: one project each, names differ, still one pair.
    expect(actions(diffEstimates([past[1]], [planned[0]]))).toEqual([['new', ['no-op']]]);
  });
});

describe('totals', () => {
  it('percent only when past > 0; yearly is 12 months', () => {
    expect(totals(d('0'), d('10')).deltaPercent).toBeNull();
    const t = totals(d('3616.30'), d('4029.10'));
    expect(t.delta.toString()).toBe('412.8');
    expect(t.deltaYearly.toString()).toBe('4953.6');
    expect(t.deltaPercent!.toFixed(1)).toBe('11.4');
  });
});

describe('the diff JSON read back', () => {
  it('gives the same diff: same JSON again, same markdown', async () => {
    for (const name of ['plan-changes.json', 'plan-unpriced.json', 'plan-decrease.json']) {
      const diff = await planDiff(fixture('diff', name));
      const json = renderDiffJson(diff);
      const read = readCostdiffOutput(JSON.parse(json), 'diff.json');
      expect(read.kind).toBe('diff');
      const again = diffFromRecorded(read.kind === 'diff' ? read.recorded : (undefined as never));
      expect(renderDiffJson(again)).toBe(json);
      expect(renderMarkdown(again)).toBe(renderMarkdown(diff));
    }
  });
});
