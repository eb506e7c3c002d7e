import { Decimal } from '../../src/core/decimal.js';
import { parseConfig } from '../../src/config/index.js';
import type { CostdiffConfig } from '../../src/config/types.js';
import { totals } from '../../src/estimate/diff.js';
import type { CostDiff, ResourceDiff } from '../../src/estimate/diff-types.js';
import { addressMatches, compoundFactors, forecast, observedTrend } from '../../src/estimate/forecast.js';
import { decide, effective, evaluatePolicies, exitCodeFor, type ApprovalAction } from '../../src/estimate/policy.js';
import { costByService, costPer, unitEconomics } from '../../src/estimate/unit-economics.js';
import { unitCostText } from '../../src/report/finops-markdown.js';
import { percent } from '../../src/report/format.js';

const d = (s: string) => Decimal.parse(s);

function res(address: string, past: string, planned: string, type = address.replace(/^(module\.[^.]+\.)*/, '').split('.')[0]): ResourceDiff {
  const p = d(past);
  const n = d(planned);
  return {
    address,
    type,
    region: 'us-east-1',
    action: p.isZero() ? 'create' : n.isZero() ? 'delete' : p.eq(n) ? 'no-op' : 'update',
    pastMonthlyCost: p,
    plannedMonthlyCost: n,
    deltaMonthlyCost: n.minus(p),
    components: [],
    unpriced: [],
  };
}

function diffOf(projects: Record<string, ResourceDiff[]>): CostDiff {
  const ps = Object.entries(projects).map(([name, resources]) => ({
    name,
    path: `infra/${name}`,
    region: 'us-east-1',
    resources,
    free: [],
    unsupported: [],
    totals: totals(Decimal.sum(resources.map((r) => r.pastMonthlyCost)), Decimal.sum(resources.map((r) => r.plannedMonthlyCost))),
    warnings: [],
  }));
  return {
    currency: 'USD',
    pricing: { snapshot: '2026-07-20', mode: 'offline', sourceDates: [] },
    projects: ps,
    totals: totals(Decimal.sum(ps.map((p) => p.totals.past)), Decimal.sum(ps.map((p) => p.totals.planned))),
  };
}

const config = (yaml: string): Promise<CostdiffConfig> => parseConfig(`version: 1\n${yaml}`, 'costdiff.yml', '.');

describe('unit economics', () => {
  test('cost per 1,000 orders before → after, exactly', async () => {
    // 412 / 1,000,000 × 1,000 = 0.412; 447 / 1,000,000 × 1,000 = 0.447
    // change 35 / 412 × 100 = 8.4951456310679611650485… % → "+8.5 %"
    const diff = diffOf({ prod: [res('aws_instance.web', '400', '430'), res('aws_nat_gateway.main', '12', '17')] });
    const c = await config('unit_economics:\n  - name: orders\n    monthly_volume: 1000000\n    per: 1000\n');
    const [u] = unitEconomics(diff, c.unitEconomics);
    expect(u.past.toString()).toBe('0.412');
    expect(u.planned.toString()).toBe('0.447');
    expect(u.delta.toString()).toBe('0.035');
    expect(u.deltaPercent!.toString()).toBe('8.495145631067961165');
    expect(`${unitCostText(u.past)} → ${unitCostText(u.planned)}, ${percent(u.deltaPercent!)}`).toBe('$0.412 → $0.447, +8.5 %');
  });

  test('division keeps 18 places and rounds only for display', () => {
    // 100 / 3 per 1 unit = 33.333333333333333333 (rounded half up at 10^-18)
    expect(costPer(d('100'), d('1'), d('3')).toString()).toBe('33.333333333333333333');
    // $2 for 3 units: 0.666666666666666667 → shown "$0.667"
    expect(unitCostText(costPer(d('2'), d('1'), d('3')))).toBe('$0.667');
    // $0.412 per 1,000 is $0.000412 per order: three significant digits, not "$0.000"
    expect(unitCostText(costPer(d('412'), d('1'), d('1000000')))).toBe('$0.000412');
    expect(unitCostText(d('12.5'))).toBe('$12.50');
  });

  test('per project, and no percentage from a $0 start', async () => {
    const diff = diffOf({ prod: [res('aws_instance.a', '100', '150')], dev: [res('aws_instance.b', '0', '40')] });
    const c = await config('unit_economics:\n  - name: users\n    monthly_volume: 200\n');
    // dev: 0 → 40 / 200 = 0.2 per user; no percentage (the cost was $0)
    const [dev] = unitEconomics(diff, c.unitEconomics, { project: 'dev' });
    expect([dev.project, dev.past.toString(), dev.planned.toString(), dev.deltaPercent]).toEqual(['dev', '0', '0.2', null]);
    // whole change: 100 → 190 over 200 users = 0.5 → 0.95, +90 %
    const [all] = unitEconomics(diff, c.unitEconomics);
    expect([all.past.toString(), all.planned.toString(), all.deltaPercent!.toString()]).toEqual(['0.5', '0.95', '90']);
  });

  test('cost by service adds both sides per service', () => {
    const diff = diffOf({
      a: [res('aws_instance.a', '10.10', '20.20'), res('aws_ebs_volume.v', '1', '0')],
      b: [res('aws_instance.b', '5', '5'), res('aws_nat_gateway.n', '0', '32.85')],
    });
    // EC2: 10.10 + 5 = 15.10 → 20.20 + 5 = 25.20
    expect(costByService(diff).map((s) => [s.service, s.past.toString(), s.planned.toString(), s.delta.toString()])).toEqual([
      ['NAT Gateway', '0', '32.85', '32.85'],
      ['EC2', '15.1', '25.2', '10.1'],
      ['EBS', '1', '0', '-1'],
    ]);
  });
});

describe('forecast', () => {
  const growthConfig = (extra = '') =>
    config(`forecast:\n  horizon_months: 3\n  growth:\n    orders: 0.04\n  scale_with:\n    orders: ["aws_lambda_function.*"]\n${extra}`);

  test('matching resources grow compounded, the rest stays flat', async () => {
    const diff = diffOf({ prod: [res('aws_lambda_function.api', '100', '200'), res('aws_instance.web', '50', '50')] });
    const f = forecast(diff, await growthConfig());
    // month 1: 100 + 50 = 150 → 200 + 50 = 250
    // month 2: 100 × 1.04 + 50 = 154 → 200 × 1.04 + 50 = 258
    // month 3: 100 × 1.0816 + 50 = 158.16 → 200 × 1.0816 + 50 = 266.32
    expect(f.months.map((m) => [m.index, m.past.expected.toString(), m.planned.expected.toString(), m.delta.expected.toString()])).toEqual([
      [1, '150', '250', '100'],
      [2, '154', '258', '104'],
      [3, '158.16', '266.32', '108.16'],
    ]);
    expect(f.monthlyImpact.toString()).toBe('100');
    // annual impact at today's usage: 100 × 12
    expect(f.annualImpact.toString()).toBe('1200');
    // sum of the forecast months: 100 + 104 + 108.16
    expect(f.horizonImpact.expected.toString()).toBe('312.16');
    // 250 + 258 + 266.32
    expect(f.horizonPlanned.expected.toString()).toBe('774.32');
    expect(f.drivers[0]).toMatchObject({ metric: 'orders', source: 'config', resources: ['aws_lambda_function.api'] });
  });

  test('band without a metrics file: low = no growth, high = 1.5 × configured growth', async () => {
    const diff = diffOf({ prod: [res('aws_lambda_function.api', '100', '200'), res('aws_instance.web', '50', '50')] });
    const f = forecast(diff, await growthConfig());
    const g = f.drivers[0];
    // 0.04 × 1.5 = 0.06
    expect([g.low.toString(), g.expected.toString(), g.high.toString()]).toEqual(['0', '0.04', '0.06']);
    // high, month 3: 200 × 1.06² + 50 = 200 × 1.1236 + 50 = 274.72; low stays at 250
    expect(f.months[2].planned.high.toString()).toBe('274.72');
    expect(f.months[2].planned.low.toString()).toBe('250');
    // high horizon impact: (200 − 100) × (1 + 1.06 + 1.1236) = 100 × 3.1836 = 318.36
    expect(f.horizonImpact.high.toString()).toBe('318.36');
    expect(f.horizonImpact.low.toString()).toBe('300');
  });

  test('with a metrics file: the observed trend is the high case, or the expected one without growth', () => {
    const series = ['2025-01=100', '2025-02=110', '2025-03=121', '2025-05=200'].map((s) => ({ month: s.split('=')[0], value: d(s.split('=')[1]) }));
    // 100 → 110: +0.1; 110 → 121: +0.1; 2025-03 → 2025-05 is not consecutive and is skipped
    expect(observedTrend(series)!.toString()).toBe('0.1');
    expect(observedTrend(series.slice(0, 1))).toBeUndefined();
    // 1.1^0, 1.1^1, 1.1^2, 1.1^3 exactly
    expect(compoundFactors(d('0.1'), 4).map((x) => x.toString())).toEqual(['1', '1.1', '1.21', '1.331']);
  });

  test('a trend from the file drives the forecast when no growth is configured', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'costdiff-trend-'));
    try {
      await writeFile(join(dir, 'orders.csv'), 'month,value\n2025-01,1000\n2025-02,1050\n2025-03,1102.5\n');
      const c = await parseConfig(
        'version: 1\nunit_economics:\n  - name: orders\n    file: orders.csv\nforecast:\n  horizon_months: 2\n  growth:\n    orders: 0.02\n  scale_with:\n    orders: ["aws_nat_gateway.*"]\n',
        'costdiff.yml',
        dir,
      );
      const diff = diffOf({ prod: [res('aws_nat_gateway.main', '0', '100')] });
      const f = forecast(diff, c);
      // trend: 1050/1000 − 1 = 0.05, 1102.5/1050 − 1 = 0.05 → 0.05; configured 0.02 is expected
      expect([f.drivers[0].low, f.drivers[0].expected, f.drivers[0].high].map(String)).toEqual(['0', '0.02', '0.05']);
      // month 2: 100 × 1.02 = 102 expected, 100 × 1.05 = 105 high
      expect([f.months[1].planned.expected.toString(), f.months[1].planned.high.toString()]).toEqual(['102', '105']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('shrinking metrics put "no growth" at the top of the band', async () => {
    const c = await config('forecast:\n  horizon_months: 2\n  growth:\n    users: -0.1\n  scale_with:\n    users: ["aws_instance.*"]\n');
    const f = forecast(diffOf({ p: [res('aws_instance.a', '0', '100')] }), c);
    // −0.1 × 1.5 = −0.15 is the low case; month 2: 100 × 0.85 = 85, 100 × 0.9 = 90, 100
    expect([f.months[1].planned.low, f.months[1].planned.expected, f.months[1].planned.high].map(String)).toEqual(['85', '90', '100']);
  });

  test('without a forecast section everything stays flat for 12 months', () => {
    const f = forecast(diffOf({ p: [res('aws_instance.a', '10', '15')] }));
    expect(f.horizonMonths).toBe(12);
    expect(f.horizonImpact.expected.toString()).toBe('60');
    expect(f.horizonImpact.high.toString()).toBe('60');
  });

  test('address patterns: * anywhere; patterns without module. also match inside modules', () => {
    expect(addressMatches('aws_lambda_function.*', 'aws_lambda_function.api')).toBe(true);
    expect(addressMatches('aws_lambda_function.*', 'aws_lambda_function.api["eu"]')).toBe(true);
    expect(addressMatches('aws_lambda_function.*', 'module.app.aws_lambda_function.api')).toBe(true);
    expect(addressMatches('aws_lambda_function.*', 'module.app["x"].module.b.aws_lambda_function.api[0]')).toBe(true);
    expect(addressMatches('module.app.*', 'module.app.aws_instance.web')).toBe(true);
    expect(addressMatches('module.app.*', 'module.other.aws_instance.web')).toBe(false);
    expect(addressMatches('aws_lambda_function.*', 'aws_lambda_function_url.api')).toBe(false);
    expect(addressMatches('aws_instance.web', 'aws_instance.web[0]')).toBe(false);
    // regex characters in addresses are literal
    expect(addressMatches('aws_instance.web[0]', 'aws_instance.web0')).toBe(false);
  });
});

describe('budgets and policies', () => {
  const policyYaml = `projects:
  - path: infra/prod
    name: prod
  - path: infra/dev
    name: dev
budgets:
  - project: prod
    monthly: 4000
  - project: dev
    monthly: 100
policies:
  - name: increase
    max_monthly_increase: 50
    approvers:
      users: [po-alice]
  - name: percent
    max_monthly_increase_percent: 10
    approvers:
      teams: [acme/finance]
  - name: budget
    over_budget: true
    approvers:
      users: [cfo-bob]
`;

  test('a small increase passes', async () => {
    // 3,000 → 3,040: +40 ≤ 50, +1.33 % ≤ 10 %, within 4,000
    const e = evaluatePolicies(diffOf({ prod: [res('aws_instance.a', '3000', '3040')] }), await config(policyYaml));
    expect(e.verdict).toBe('pass');
    expect(e.violations).toEqual([]);
    expect(e.budgets[0]).toMatchObject({ project: 'prod', over: false, inChange: true });
    // 3,040 / 4,000 × 100 = 76 %; 4,000 − 3,040 = 960 left
    expect([e.budgets[0].usedPercent!.toString(), e.budgets[0].remaining.toString()]).toEqual(['76', '960']);
    expect(e.budgets[1]).toMatchObject({ project: 'dev', inChange: false, over: false });
    expect(exitCodeFor(decide(e, []))).toBe(0);
  });

  test('increase over $ and %, and over budget: needs approval from each policy\'s approvers', async () => {
    // 3,800 → 4,212.80: +412.80 > 50; 412.80 / 3,800 × 100 = 10.8631… % > 10; 4,212.80 > 4,000
    const e = evaluatePolicies(diffOf({ prod: [res('aws_instance.a', '3800', '4212.80')] }), await config(policyYaml));
    expect(e.verdict).toBe('needs-approval');
    expect(e.violations.map((v) => [v.policy, v.kind, v.message])).toEqual([
      ['increase', 'monthly-increase', 'monthly increase $412.80 > $50.00'],
      ['percent', 'monthly-increase-percent', 'monthly increase +10.9 % > 10.0 %'],
      ['budget', 'over-budget', 'prod over budget: $4,212.80 > $4,000.00'],
    ]);
    expect(e.violations[1].actual.toString()).toBe('10.863157894736842105');
    expect(e.approvers).toEqual({ users: ['po-alice', 'cfo-bob'], teams: ['acme/finance'] });
    const r = decide(e, []);
    expect([r.state, r.pendingPolicies, exitCodeFor(r)]).toEqual(['pending', ['increase', 'percent', 'budget'], 3]);
  });

  test('a change that saves money never needs approval, even over budget', async () => {
    // 4,500 → 4,400: still over 4,000, but −100
    const e = evaluatePolicies(diffOf({ prod: [res('aws_instance.a', '4500', '4400')] }), await config(policyYaml));
    expect(e.verdict).toBe('pass');
    expect(e.budgets[0].over).toBe(true);
  });

  test('max_monthly_total, and an increase from $0 exceeds any percentage', async () => {
    const c = await config('policies:\n  - name: total\n    max_monthly_total: 1000\n    max_monthly_increase_percent: 500\n    approvers:\n      users: [po-alice]\n');
    const e = evaluatePolicies(diffOf({ dev: [res('aws_instance.a', '0', '1000.01')] }), c);
    expect(e.violations.map((v) => v.message)).toEqual(['monthly cost goes from $0.00 to $1,000.01 (more than 500.0 %)', 'monthly total $1,000.01 > $1,000.00']);
  });

  test('a violated policy without approvers fails: nobody can approve it', async () => {
    const c = await config('policies:\n  - name: hard-cap\n    max_monthly_total: 100\n');
    const r = decide(evaluatePolicies(diffOf({ dev: [res('aws_instance.a', '50', '150')] }), c), []);
    expect([r.state, exitCodeFor(r)]).toEqual(['failed', 3]);
  });

  test('discount: effective = list × (1 − p/100), exactly, and policies compare it', async () => {
    // 412.80 × (1 − 12/100) = 412.80 × 0.88 = 363.264
    expect(effective(d('412.80'), d('12')).toString()).toBe('363.264');
    // 33.33 × (1 − 7.5/100) = 33.33 × 0.925 = 30.83025
    expect(effective(d('33.33'), d('7.5')).toString()).toBe('30.83025');
    const c = await config('budgets:\n  - project: prod\n    monthly: 4000\npolicies:\n  - name: increase\n    max_monthly_increase: 360\n    over_budget: true\n    approvers:\n      users: [po-alice]\ndiscount:\n  percent: 12\n');
    // list 4,000 → 4,412.80; effective 3,520 → 3,883.264: +363.264 > 360, but 3,883.26 is within 4,000
    const e = evaluatePolicies(diffOf({ prod: [res('aws_instance.a', '4000', '4412.80')] }), c);
    expect(e.discount!.effective.planned.toString()).toBe('3883.264');
    expect(e.discount!.list.delta.toString()).toBe('412.8');
    expect(e.violations.map((v) => v.message)).toEqual(['monthly increase $363.26 (list $412.80) > $360.00']);
    expect(e.budgets[0].over).toBe(false);
  });

  test('forecast month in which a budget is first exceeded', async () => {
    const c = await config(
      'projects:\n  - path: p\n    name: prod\nbudgets:\n  - project: prod\n    monthly: 120\nforecast:\n  horizon_months: 6\n  growth:\n    orders: 0.1\n  scale_with:\n    orders: ["aws_lambda_function.*"]\n',
    );
    const diff = diffOf({ prod: [res('aws_lambda_function.f', '90', '100')] });
    // 100, 110, 121 > 120 → month 3
    const e = evaluatePolicies(diff, c, forecast(diff, c));
    expect(e.budgets[0].exceededInMonth).toBe(3);
  });
});

describe('deciding with approvals', () => {
  const yaml = `budgets:
  - project: prod
    monthly: 100
policies:
  - name: increase
    max_monthly_increase: 50
    approvers:
      users: [po-alice]
      teams: [acme/finance]
  - name: budget
    over_budget: true
    approvers:
      users: [cfo-bob]
`;
  const act = (login: string, at: string, action: 'approve' | 'reject' = 'approve', extra: Partial<ApprovalAction> = {}): ApprovalAction => ({
    login,
    action,
    via: 'comment',
    at,
    teams: [],
    ...extra,
  });
  let diff: CostDiff;
  let cfg: CostdiffConfig;
  beforeAll(async () => {
    // 0 → 412.80: increase and over budget
    diff = diffOf({ prod: [res('aws_instance.a', '0', '412.80')] });
    cfg = await config(yaml);
  });

  test('each policy needs one of its own approvers', () => {
    const e = evaluatePolicies(diff, cfg);
    const one = decide(e, [act('po-alice', '2025-06-02T10:05:00Z')]);
    expect([one.state, one.pendingPolicies]).toEqual(['pending', ['budget']]);
    expect(one.approvals[0]).toMatchObject({ login: 'po-alice', policies: ['increase'] });
    expect(one.approvals[0].amount.toString()).toBe('412.8');
    const both = decide(e, [act('po-alice', '2025-06-02T10:05:00Z'), act('cfo-bob', '2025-06-02T10:06:00Z')]);
    expect([both.state, exitCodeFor(both)]).toEqual(['approved', 0]);
  });

  test('a team member approves for the team', () => {
    const e = evaluatePolicies(diff, cfg);
    const r = decide(e, [act('fin-carol', '2025-06-02T10:05:00Z', 'approve', { teams: ['acme/finance'] }), act('cfo-bob', '2025-06-02T10:06:00Z')]);
    expect(r.state).toBe('approved');
  });

  test('an approval capped below the increase does not count', () => {
    const e = evaluatePolicies(diff, cfg);
    const r = decide(e, [act('po-alice', '2025-06-02T10:05:00Z', 'approve', { upTo: d('400') }), act('cfo-bob', '2025-06-02T10:06:00Z', 'approve', { upTo: d('412.80') })]);
    expect(r.pendingPolicies).toEqual(['increase']);
    expect(r.ignored).toEqual([{ login: 'po-alice', at: '2025-06-02T10:05:00Z', reason: 'approved up to $400.00, the increase is $412.80' }]);
  });

  test('a rejection blocks; a later approval by the same person lifts it', () => {
    const e = evaluatePolicies(diff, cfg);
    const rejected = decide(e, [act('po-alice', '2025-06-02T10:05:00Z'), act('cfo-bob', '2025-06-02T10:06:00Z'), act('po-alice', '2025-06-02T10:07:00Z', 'reject')]);
    expect([rejected.state, exitCodeFor(rejected)]).toEqual(['rejected', 3]);
    const changed = decide(e, [act('po-alice', '2025-06-02T10:07:00Z', 'reject'), act('po-alice', '2025-06-02T10:08:00Z'), act('cfo-bob', '2025-06-02T10:06:00Z')]);
    expect(changed.state).toBe('approved');
  });
});
