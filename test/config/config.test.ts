import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, findConfig, loadConfig, parseConfig } from '../../src/config/index.js';
import { fixture, repoRoot } from '../support/repo.js';

const VALID = `version: 1
projects:
  - path: infra/prod
    name: prod
unit_economics:
  - name: orders
    monthly_volume: 1200000
    per: 1000
budgets:
  - project: prod
    monthly: 4000
policies:
  - name: monthly-increase
    max_monthly_increase: 50
    approvers:
      users: [po-alice]
      teams: [acme/finance]
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'costdiff-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The one-line message a config text fails with. */
async function problem(text: string, files: Record<string, string> = {}): Promise<string> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  try {
    await parseConfig(text, 'costdiff.yml', dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected the config to be rejected');
}

describe('loading costdiff.yml', () => {
  test('the documented example loads, with exact decimals', async () => {
    const c = await loadConfig(join(repoRoot(), 'examples', 'costdiff.yml'));
    expect(c.projects.map((p) => [p.name, p.path, p.terraformVarFiles])).toEqual([
      ['prod', 'infra/prod', ['prod.tfvars']],
      ['staging', 'infra/staging', []],
    ]);
    expect(c.projects[0].usageFile).toBe('infra/prod/usage.yml');
    expect(c.unitEconomics[0].monthlyVolume.toString()).toBe('1200000');
    expect(c.unitEconomics[0].per.toString()).toBe('1000');
    expect(c.forecast?.horizonMonths).toBe(12);
    // 0.04 is read from its text, not through a float.
    expect(c.forecast?.growth.get('orders')?.toString()).toBe('0.04');
    expect(c.forecast?.scaleWith.get('orders')).toEqual(['aws_lambda_function.*', 'aws_nat_gateway.*']);
    expect(c.budgets.map((b) => [b.project, b.monthly.toString()])).toEqual([['prod', '4000']]);
    expect(c.policies[0]).toMatchObject({ name: 'monthly-increase', overBudget: true, approvers: { users: ['po-alice'], teams: ['acme/finance'] } });
    expect(c.policies[0].maxMonthlyIncrease?.toString()).toBe('50');
    expect(c.discount?.percent.toString()).toBe('12');
    expect(c.usage?.hasRanges()).toBe(true);
    expect(['low', 'high'].map((b) => c.usage?.for('aws_lambda_function.api', 'aws_lambda_function', b as 'low' | 'high'))).toEqual([
      { monthly_requests: 1000000 },
      { monthly_requests: 5000000 },
    ]);
  });

  test('a metrics file gives the latest month as the volume and the months as a series', async () => {
    const c = await loadConfig(fixture('finops', 'costdiff.yml'));
    const orders = c.unitEconomics[0];
    expect(orders.file).toBe('metrics/orders.csv');
    expect(orders.monthlyVolume.toString()).toBe('1200000');
    expect(orders.series.map((p) => p.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  });

  test('JSON metrics in any order are sorted by month', async () => {
    await writeFile(join(dir, 'users.json'), JSON.stringify([{ month: '2025-03', value: 300 }, { month: '2025-01', value: 100.5 }, { month: '2025-02', value: 200 }]));
    const c = await parseConfig('version: 1\nunit_economics:\n  - name: users\n    file: users.json\n', 'costdiff.yml', dir);
    expect(c.unitEconomics[0].series.map((p) => `${p.month}=${p.value.toString()}`)).toEqual(['2025-01=100.5', '2025-02=200', '2025-03=300']);
    expect(c.unitEconomics[0].monthlyVolume.toString()).toBe('300');
    expect(c.unitEconomics[0].per.toString()).toBe('1');
  });

  test('--config wins; else ./costdiff.yml; else no config', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'costdiff-find-'));
    try {
      expect(await findConfig(undefined, cwd)).toBeUndefined();
      await writeFile(join(cwd, 'costdiff.yml'), VALID);
      expect((await findConfig(undefined, cwd))?.file).toBe('costdiff.yml');
      const other = join(cwd, 'other.yml');
      await writeFile(other, VALID.replace('monthly: 4000', 'monthly: 10'));
      expect((await findConfig(other, cwd))?.budgets[0].monthly.toString()).toBe('10');
      await expect(findConfig(join(cwd, 'missing.yml'), cwd)).rejects.toThrow(/missing\.yml: cannot read config \(ENOENT\)/);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('config validation: one clear message per kind of mistake', () => {
  test('wrong type: the path to the key and what was expected', async () => {
    const text = VALID.replace('max_monthly_increase: 50', 'max_monthly_increase: fifty');
    expect(await problem(text)).toBe('costdiff.yml: policies[0].max_monthly_increase: expected a number, got "fifty" (line 14)');
  });

  test('a quoted number is a string, not a number', async () => {
    expect(await problem(VALID.replace('monthly: 4000', 'monthly: "4000"'))).toBe('costdiff.yml: budgets[0].monthly: expected a monthly amount in USD, got "4000" (line 11)');
  });

  test('unknown key close to a known one: did you mean', async () => {
    expect(await problem(VALID.replace('max_monthly_increase: 50', 'max_monthly_increse: 50'))).toBe(
      'costdiff.yml: policies[0].max_monthly_increse: unknown key (did you mean "max_monthly_increase"?) (line 14); also policies[0]: expected at least one of "max_monthly_increase", "max_monthly_increase_percent", "max_monthly_total", "over_budget"',
    );
  });

  test('unknown key far from any: the keys that are allowed', async () => {
    expect(await problem(`${VALID}notifications: true\n`)).toBe(
      'costdiff.yml: notifications: unknown key (expected "version", "projects", "usage", "unit_economics", "forecast", "budgets", "policies", "discount") (line 18)',
    );
  });

  test('a required key is missing', async () => {
    expect(await problem(VALID.replace('  - name: monthly-increase\n    max', '  - max'))).toBe('costdiff.yml: policies[0]: missing "name" (line 13)');
    expect(await problem(VALID.replace('version: 1\n', ''))).toMatch(/^costdiff\.yml: missing "version" \(line 1\)$/);
  });

  test('an unsupported version', async () => {
    expect(await problem(VALID.replace('version: 1', 'version: 2'))).toBe('costdiff.yml: version: expected 1, got 2 (line 1)');
  });

  test('a list where a map is expected, and a string where a list is expected', async () => {
    expect(await problem(VALID.replace(/policies:[\s\S]*$/, 'policies: monthly-increase\n'))).toBe(
      'costdiff.yml: policies: expected a list of policies (name, a threshold, approvers), got "monthly-increase" (line 12)',
    );
    expect(await problem(VALID.replace('users: [po-alice]', 'users: po-alice'))).toBe('costdiff.yml: policies[0].approvers.users: expected a list of GitHub logins, got "po-alice" (line 16)');
  });

  test('approvers that are not GitHub logins or org/team', async () => {
    expect(await problem(VALID.replace('teams: [acme/finance]', 'teams: [finance]'))).toBe(
      'costdiff.yml: policies[0].approvers.teams[0]: expected a team as "org/team-slug", got "finance" (line 17)',
    );
    expect(await problem(VALID.replace('users: [po-alice]', 'users: ["po alice"]'))).toBe(
      'costdiff.yml: policies[0].approvers.users[0]: expected a GitHub login, got "po alice" (line 16)',
    );
  });

  test('a budget for a project that is not listed', async () => {
    expect(await problem(VALID.replace('  - project: prod', '  - project: prd'))).toBe('costdiff.yml: budgets[0].project: no project named "prd" in projects (did you mean "prod"?) (line 10)');
  });

  test('numbers out of range', async () => {
    expect(await problem(VALID.replace('max_monthly_increase: 50', 'max_monthly_increase: -5'))).toBe('costdiff.yml: policies[0].max_monthly_increase: expected a number ≥ 0, got -5 (line 14)');
    expect(await problem(`${VALID}discount:\n  percent: 100\n`)).toBe('costdiff.yml: discount.percent: expected a percentage from 0 up to (not including) 100, got 100 (line 19)');
    expect(await problem(VALID.replace('per: 1000', 'per: 0'))).toBe('costdiff.yml: unit_economics[0].per: expected a number > 0, got 0 (line 8)');
    expect(await problem(`${VALID}forecast:\n  horizon_months: 12.5\n`)).toBe('costdiff.yml: forecast.horizon_months: expected a whole number of months from 1 to 120, got 12.5 (line 19)');
  });

  test('a policy without a threshold, and over_budget without budgets', async () => {
    expect(await problem(VALID.replace('    max_monthly_increase: 50\n', ''))).toMatch(/^costdiff\.yml: policies\[0\]: expected at least one of "max_monthly_increase"/);
    const noBudgets = VALID.replace(/budgets:\n  - project: prod\n    monthly: 4000\n/, '').replace('max_monthly_increase: 50', 'over_budget: true');
    expect(await problem(noBudgets)).toBe('costdiff.yml: policies[0].over_budget: no budgets are set (add a "budgets:" list) (line 11)');
  });

  test('a metric with both or neither of monthly_volume and file', async () => {
    expect(await problem(VALID.replace('    per: 1000', '    file: orders.csv\n    per: 1000'))).toBe('costdiff.yml: unit_economics[0]: give either "monthly_volume" or "file", not both (line 6)');
    expect(await problem(VALID.replace('    monthly_volume: 1200000\n', ''))).toBe('costdiff.yml: unit_economics[0]: missing "monthly_volume" or "file" (line 6)');
  });

  test('metrics files: missing, a bad month, a bad value', async () => {
    const text = 'version: 1\nunit_economics:\n  - name: orders\n    file: m/orders.csv\n';
    expect(await problem(text.replace('m/orders.csv', 'm/none.csv'))).toBe('costdiff.yml: unit_economics[0].file: cannot read m/none.csv (ENOENT) (line 4)');
    expect(await problem(text, { 'm/orders.csv': 'month,value\n2025-01,100\n2025/02,110\n' })).toBe(
      'costdiff.yml: unit_economics[0].file: m/orders.csv: line 3: expected a month as YYYY-MM, got "2025/02" (line 4)',
    );
    expect(await problem(text, { 'm/orders.csv': '2025-01,100\n2025-02,lots\n' })).toBe(
      'costdiff.yml: unit_economics[0].file: m/orders.csv: line 2: expected a value ≥ 0, got "lots" (line 4)',
    );
    expect(await problem(text, { 'm/orders.csv': '2025-01,100\n2025-01,110\n' })).toBe('costdiff.yml: unit_economics[0].file: m/orders.csv: month 2025-01 appears twice (line 4)');
  });

  test('forecast growth nobody uses, and a scaled metric without growth', async () => {
    const f = (body: string) => `${VALID}forecast:\n${body}`;
    expect(await problem(f('  growth:\n    ordrs: 0.04\n  scale_with:\n    orders: ["aws_lambda_function.*"]\n'))).toBe(
      'costdiff.yml: forecast.scale_with.orders: no growth for "orders": set forecast.growth.orders or give unit_economics a metric "orders" with a file (line 22); also forecast.growth.ordrs: no forecast.scale_with entry uses "ordrs" (did you mean "orders"?)',
    );
  });

  test('not YAML, and an empty file', async () => {
    expect(await problem('version: 1\npolicies: [\n')).toMatch(/^costdiff\.yml: not valid YAML: .+ \(line \d+\)$/);
    expect(await problem('')).toBe('costdiff.yml: the file is empty (expected at least "version: 1") (line 1)');
  });

  test('every problem is collected, the first one leads', async () => {
    const text = VALID.replace('version: 1', 'version: 3').replace('max_monthly_increase: 50', 'max_monthly_increase: fifty');
    const err = await parseConfig(text, 'costdiff.yml', dir).catch((e: unknown) => e as ConfigError);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.path)).toEqual(['version', 'policies[0].max_monthly_increase']);
  });
});
