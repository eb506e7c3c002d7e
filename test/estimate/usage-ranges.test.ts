import { join } from 'node:path';
import { parseConfig } from '../../src/config/index.js';
import { Decimal } from '../../src/core/decimal.js';
import { diffFromRecorded, diffPlanSides, toCostDiff, totals } from '../../src/estimate/diff.js';
import type { CostDiff } from '../../src/estimate/diff-types.js';
import { forecast } from '../../src/estimate/forecast.js';
import type { CostRange, Estimate, ResourceEstimate } from '../../src/estimate/types.js';
import { readCostdiffOutput } from '../../src/input/baseline.js';
import type { Attributes, ChangeAction, Project, ResourceChange } from '../../src/input/types.js';
import { parseUsage } from '../../src/input/usage.js';
import { estimateSide, priceProjects, toEstimate } from '../../src/pipeline.js';
import { renderDiffJson } from '../../src/report/diff-json.js';
import { renderDiffTable } from '../../src/report/diff-table.js';
import { renderHtml } from '../../src/report/html.js';
import { estimateJson, renderJson } from '../../src/report/json.js';
import { headline, renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';
import { component, cost } from '../support/estimate.js';
import { repoRoot } from '../support/repo.js';

/*
 * Published us-east-1 prices used here: NAT gateway $0.045/hour and $0.045/GB processed; Lambda
 * $0.20 per 1M requests and $0.0000166667 per GB-second (first tier); public IPv4 $0.005/hour.
 *
 * aws_nat_gateway.main, monthly_data_processed_gb { low: 100, high: 400 } (no expected):
 *   hours 730 × 0.045 = 32.85; data low 100 × 0.045 = 4.50, high 400 × 0.045 = 18.00, point unknown
 *   resource: point 32.85, low 37.35, high 50.85
 * aws_lambda_function.api (512 MB), monthly_requests { low: 1e6, high: 5e6, expected: 2e6 }, 100 ms:
 *   requests 0.20 / 1.00 / 0.40 (low / high / expected)
 *   GB-seconds = requests × 0.1 s × 0.5 GB = 50,000 / 250,000 / 100,000
 *   duration 0.833335 → 0.83, 4.166675 → 4.17, 1.66667 → 1.67
 *   resource: point 2.07, low 1.03, high 5.17
 * The same function at 1024 MB (the diff's planned side): GB-seconds double
 *   duration 1.66667 → 1.67, 8.33335 → 8.33, 3.33334 → 3.33; resource: point 3.73, low 1.87, high 9.33
 * aws_eip.new: 730 × 0.005 = 3.65, no range.
 */

const usage = parseUsage(
  {
    version: '0.1',
    resource_usage: {
      'aws_nat_gateway.main': { monthly_data_processed_gb: { low: 100, high: 400 } },
      'aws_lambda_function.api': { monthly_requests: { low: 1e6, high: 5e6, expected: 2e6 }, request_duration_ms: 100 },
    },
  },
  'ranges.yml',
);

const pricing = () => ({ cacheDir: join(repoRoot(), 'pricing-cache'), online: false });

function change(address: string, action: ChangeAction, before: Attributes | undefined, after: Attributes | undefined): ResourceChange {
  return {
    address,
    type: address.split('.')[0],
    module: '',
    region: 'us-east-1',
    regionSource: 'provider',
    action,
    ...(before ? { before: { values: before } } : {}),
    ...(after ? { after: { values: after } } : {}),
  };
}

const nat = { allocation_id: 'eipalloc-1', subnet_id: 'subnet-1', connectivity_type: 'public' };
const fn = (memory: number) => ({ function_name: 'api', runtime: 'nodejs20.x', memory_size: memory, architectures: ['x86_64'] });

function project(): Project {
  return {
    name: 'app',
    path: 'app',
    region: 'us-east-1',
    warnings: [],
    resources: [
      change('aws_nat_gateway.main', 'no-op', nat, nat),
      change('aws_lambda_function.api', 'update', fn(512), fn(1024)),
      change('aws_eip.new', 'create', undefined, { domain: 'vpc' }),
    ],
  };
}

const range = (r: CostRange | undefined) => r && [r.low.toFixed(2), r.high.toFixed(2)];
const byAddress = (rs: ResourceEstimate[], a: string) => rs.find((r) => r.address === a)!;

async function breakdownOf(): Promise<Estimate> {
  const p = project();
  const priced = await priceProjects([p], ['before'], usage, pricing());
  return toEstimate(estimateSide(priced, 'before'), priced.pricing);
}

async function diffOf(): Promise<CostDiff> {
  const p = project();
  const priced = await priceProjects([p], ['before', 'after'], usage, pricing());
  return toCostDiff(diffPlanSides([p], estimateSide(priced, 'before'), estimateSide(priced, 'after')), priced.pricing);
}

describe('usage ranges in a breakdown', () => {
  it('prices each component at the low and high usage, exactly, and leaves the point figure unknown without expected', async () => {
    const e = await breakdownOf();
    const [p] = e.projects;
    const natGw = byAddress(p.resources, 'aws_nat_gateway.main');
    expect(cost(component(natGw, 'NAT gateway').monthlyCost)).toBe('32.85');
    expect(component(natGw, 'NAT gateway').costRange).toBeUndefined();
    const data = component(natGw, 'Data processed');
    expect(data.monthlyCost).toBeNull();
    expect(range(data.costRange)).toEqual(['4.50', '18.00']);
    expect(cost(natGw.monthlyCost)).toBe('32.85');
    expect(range(natGw.costRange)).toEqual(['37.35', '50.85']);

    const lambda = byAddress(p.resources, 'aws_lambda_function.api');
    expect([cost(component(lambda, 'Requests').monthlyCost), ...range(component(lambda, 'Requests').costRange)!]).toEqual(['0.40', '0.20', '1.00']);
    expect([cost(component(lambda, /^Duration/).monthlyCost), ...range(component(lambda, /^Duration/).costRange)!]).toEqual(['1.67', '0.83', '4.17']);
    expect([cost(lambda.monthlyCost), ...range(lambda.costRange)!]).toEqual(['2.07', '1.03', '5.17']);

    // Totals: point 32.85 + 2.07; low 37.35 + 1.03; high 50.85 + 5.17 — exact sums of the lines.
    expect([cost(p.totalMonthlyCost), ...range(p.costRange)!]).toEqual(['34.92', '38.38', '56.02']);
    expect([cost(e.totalMonthlyCost), ...range(e.costRange)!]).toEqual(['34.92', '38.38', '56.02']);
  });

  it('adds monthlyCostRange to the JSON only where a range exists', async () => {
    // The JSON text is the contract (the report's objects leave absent keys undefined).
    const doc = JSON.parse(renderJson(await breakdownOf())) as any;
    const natGw = doc.projects[0].resources.find((r: any) => r.address === 'aws_nat_gateway.main');
    expect(natGw.monthlyCost).toBe(32.85);
    expect(natGw.monthlyCostRange).toEqual({ low: 37.35, high: 50.85 });
    expect(natGw.components.map((c: any) => [c.name, c.monthlyCost, c.monthlyCostRange])).toEqual([
      ['NAT gateway', 32.85, undefined],
      ['Data processed', null, { low: 4.5, high: 18 }],
    ]);
    expect(Object.keys(natGw.components[0])).not.toContain('monthlyCostRange');
    expect(doc.projects[0].totalMonthlyCostRange).toEqual({ low: 38.38, high: 56.02 });
    expect(doc.totalMonthlyCost).toBe(34.92);
    expect(doc.totalMonthlyCostRange).toEqual({ low: 38.38, high: 56.02 });
  });

  it('shows ranges in the table', async () => {
    const text = renderTable(await breakdownOf());
    expect(text).toMatch(/Data processed .* \$4\.50 – \$18\.00\n/);
    expect(text).toMatch(/aws_nat_gateway\.main .* \$37\.35 – \$50\.85 \(\$32\.85 without the ranged usage\)\n/);
    expect(text).toContain('OVERALL TOTAL (monthly)  $38.38 – $56.02 ($34.92 without the ranged usage)');
  });

  it('changes nothing when the usage file has no ranges', async () => {
    const plain = parseUsage({ version: '0.1', resource_usage: { 'aws_nat_gateway.main': { monthly_data_processed_gb: 100 } } }, 'plain.yml');
    const priced = await priceProjects([project()], ['before'], plain, pricing());
    expect(priced.bounds).toBeUndefined();
    const e = toEstimate(estimateSide(priced, 'before'), priced.pricing);
    expect(e.costRange).toBeUndefined();
    expect(JSON.stringify(estimateJson(e))).not.toContain('Range');
    expect(cost(e.totalMonthlyCost)).toBe('37.35');
  });
});

describe('usage ranges in a diff', () => {
  it('carries past, planned and pointwise delta ranges per resource and in the totals', async () => {
    const diff = await diffOf();
    const r = new Map(diff.projects[0].resources.map((x) => [x.address, x]));
    const lambda = r.get('aws_lambda_function.api')!;
    expect([cost(lambda.pastMonthlyCost), cost(lambda.plannedMonthlyCost), cost(lambda.deltaMonthlyCost)]).toEqual(['2.07', '3.73', '1.66']);
    expect(range(lambda.pastRange)).toEqual(['1.03', '5.17']);
    expect(range(lambda.plannedRange)).toEqual(['1.87', '9.33']);
    // Pointwise: 1.87 − 1.03 and 9.33 − 5.17 (both sides read the same usage).
    expect(range(lambda.deltaRange)).toEqual(['0.84', '4.16']);
    const requests = lambda.components.find((c) => c.name === 'Requests')!;
    expect([range(requests.past?.costRange), range(requests.planned?.costRange), range(requests.deltaRange)]).toEqual([
      ['0.20', '1.00'],
      ['0.20', '1.00'],
      ['0.00', '0.00'],
    ]);
    const natGw = r.get('aws_nat_gateway.main')!;
    expect(natGw.action).toBe('no-op');
    expect([range(natGw.pastRange), range(natGw.plannedRange), range(natGw.deltaRange)]).toEqual([
      ['37.35', '50.85'],
      ['37.35', '50.85'],
      ['0.00', '0.00'],
    ]);
    const eip = r.get('aws_eip.new')!;
    expect([eip.pastRange, eip.plannedRange, eip.deltaRange]).toEqual([undefined, undefined, undefined]);

    // past 32.85 + 2.07; planned 32.85 + 3.73 + 3.65
    // past range 37.35 + 1.03 = 38.38, 50.85 + 5.17 = 56.02
    // planned range 37.35 + 1.87 + 3.65 = 42.87, 50.85 + 9.33 + 3.65 = 63.83
    for (const t of [diff.projects[0].totals, diff.totals]) {
      expect([cost(t.past), cost(t.planned), cost(t.delta)]).toEqual(['34.92', '40.23', '5.31']);
      expect([range(t.pastRange), range(t.plannedRange), range(t.deltaRange)]).toEqual([
        ['38.38', '56.02'],
        ['42.87', '63.83'],
        ['4.49', '7.81'],
      ]);
    }
  });

  it('writes the ranges to the diff JSON and reads them back (comment github)', async () => {
    const diff = await diffOf();
    const text = renderDiffJson(diff);
    const doc = JSON.parse(text);
    expect([doc.past, doc.planned, doc.delta]).toEqual([34.92, 40.23, 5.31]);
    expect([doc.pastRange, doc.plannedRange, doc.deltaRange]).toEqual([
      { low: 38.38, high: 56.02 },
      { low: 42.87, high: 63.83 },
      { low: 4.49, high: 7.81 },
    ]);
    expect(doc.totalMonthlyCostRange).toEqual({ low: 42.87, high: 63.83 });
    const lambda = doc.projects[0].resources.find((x: any) => x.address === 'aws_lambda_function.api');
    expect([lambda.pastMonthlyCostRange, lambda.plannedMonthlyCostRange, lambda.deltaMonthlyCostRange]).toEqual([
      { low: 1.03, high: 5.17 },
      { low: 1.87, high: 9.33 },
      { low: 0.84, high: 4.16 },
    ]);
    expect(lambda.monthlyCostRange).toEqual({ low: 1.87, high: 9.33 });
    expect(lambda.pastBreakdown.monthlyCostRange).toEqual({ low: 1.03, high: 5.17 });
    const eip = doc.projects[0].resources.find((x: any) => x.address === 'aws_eip.new');
    expect(Object.keys(eip).filter((k) => k.includes('Range'))).toEqual([]);

    const out = readCostdiffOutput(doc, 'diff.json');
    if (out.kind !== 'diff') throw new Error('expected a diff');
    const back = diffFromRecorded(out.recorded);
    expect([range(back.totals.pastRange), range(back.totals.plannedRange), range(back.totals.deltaRange)]).toEqual([
      ['38.38', '56.02'],
      ['42.87', '63.83'],
      ['4.49', '7.81'],
    ]);
    expect(renderMarkdown(back)).toBe(renderMarkdown(diff));
  });

  it('shows the ranges in the diff table, the markdown comment and the HTML report', async () => {
    const diff = await diffOf();
    expect(renderDiffTable(diff)).toContain('OVERALL (monthly)  $34.92 → $40.23 (+$5.31, +15.2 %); with usage ranges $38.38 – $56.02 → $42.87 – $63.83 (+$4.49 – +$7.81)');
    expect(renderDiffTable(diff)).toMatch(/aws_lambda_function\.api .*\$2\.07 \(range \$1\.03 – \$5\.17\) +→ +\$3\.73 \(range \$1\.87 – \$9\.33\) +\(\+\$1\.66; range \+\$0\.84 – \+\$4\.16\)/);
    // 5.31 / 34.92 = 15.2 %
    expect(headline(diff.totals)).toBe(
      'This pull request adds **$5.31 per month** (+15.2 %; between $4.49 and $7.81 depending on usage), **$63.72 per year**. ' +
        'New monthly total: $40.23 (between $42.87 and $63.83 depending on usage).',
    );
    const md = renderMarkdown(diff);
    expect(md).toContain('| `aws_lambda_function.api` | changed | $2.07 (range $1.03 – $5.17) | $3.73 (range $1.87 – $9.33) | +$1.66 (range +$0.84 – +$4.16) |');
    const html = renderHtml(diff);
    expect(html).toContain('id="total-after-range">usage range $42.87 – $63.83</div>');
    expect(html).toContain('id="total-delta-range">usage range +$4.49 – +$7.81</div>');
  });

  it('words a change that is zero at the usage given but not across the range', () => {
    const dec = (x: string) => Decimal.parse(x);
    // Pointwise: 7 − 9 = -2, 13 − 10 = +3.
    const t = totals(dec('10'), dec('10'), { past: { low: dec('9'), high: dec('10') }, planned: { low: dec('7'), high: dec('13') } });
    expect(range(t.deltaRange)).toEqual(['-2.00', '3.00']);
    expect(headline(t)).toBe('This pull request does not change the monthly cost at the usage given; depending on usage, between -$2.00 and +$3.00 per month. Monthly total: $10.00 (between $7.00 and $13.00 depending on usage).');
  });
});

describe('usage ranges in the forecast', () => {
  it('starts the low band from the low totals and the high band from the high totals', async () => {
    const f = forecast(await diffOf());
    expect(f.usageRanges).toBe(true);
    const m1 = f.months[0];
    expect([cost(m1.planned.expected), cost(m1.planned.low), cost(m1.planned.high)]).toEqual(['40.23', '42.87', '63.83']);
    expect([cost(m1.past.expected), cost(m1.past.low), cost(m1.past.high)]).toEqual(['34.92', '38.38', '56.02']);
    expect([cost(m1.delta.expected), cost(m1.delta.low), cost(m1.delta.high)]).toEqual(['5.31', '4.49', '7.81']);
    // No growth configured: 12 flat months.
    expect([cost(f.horizonPlanned.low), cost(f.horizonPlanned.high)]).toEqual(['514.44', '765.96']);
  });

  it('grows the bounds of the resources that scale', async () => {
    const config = await parseConfig(
      'version: 1\nforecast:\n  horizon_months: 2\n  growth:\n    orders: 0.1\n  scale_with:\n    orders: ["aws_lambda_function.*"]\n',
      'costdiff.yml',
      '.',
    );
    const f = forecast(await diffOf(), config);
    const m2 = f.months[1];
    // Growth rates: low 0 (no growth), expected 0.1, high 1.5 × 0.1 = 0.15.
    // expected 40.23 + 3.73 × 0.1 = 40.603; low 42.87 + 1.87 × 0 = 42.87; high 63.83 + 9.33 × 0.15 = 65.2295
    expect([m2.planned.expected.toString(), m2.planned.low.toString(), m2.planned.high.toString()]).toEqual(['40.603', '42.87', '65.2295']);
    // past high: 56.02 + 5.17 × 0.15 = 56.7955
    expect(m2.past.high.toString()).toBe('56.7955');
  });
});
