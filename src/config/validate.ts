import { Decimal } from '../core/decimal.js';
import { UserError } from '../core/errors.js';
import { parseUsage, type UsageFile } from '../input/usage.js';
import type { YamlMap, YamlNode, YamlScalar } from './yaml-tree.js';
import {
  DEFAULT_HORIZON_MONTHS,
  type Approvers,
  type Budget,
  type CostdiffConfig,
  type ForecastConfig,
  type Policy,
  type ProjectConfig,
  type UnitMetric,
} from './types.js';

/**
 * Validation of costdiff.yml. Every problem names the path to the key and what was expected:
 *   policies[0].max_monthly_increase: expected a number, got "fifty"
 * Unknown keys are errors (a typo must not silently switch a policy off), with a did-you-mean.
 */

export interface Problem {
  path: string;
  message: string;
  line: number;
}

/** A unit metric whose volume is read from a file once the document is valid. */
export interface PendingMetricFile {
  index: number;
  file: string;
  line: number;
}

export interface ValidatedConfig {
  config: CostdiffConfig;
  metricFiles: PendingMetricFile[];
}

export const TOP_KEYS = ['version', 'projects', 'usage', 'unit_economics', 'forecast', 'budgets', 'policies', 'discount'];
const PROJECT_KEYS = ['path', 'name', 'usage_file', 'terraform_var_files'];
const METRIC_KEYS = ['name', 'monthly_volume', 'file', 'per'];
const FORECAST_KEYS = ['horizon_months', 'growth', 'scale_with'];
const BUDGET_KEYS = ['project', 'monthly'];
const THRESHOLD_KEYS = ['max_monthly_increase', 'max_monthly_increase_percent', 'max_monthly_total', 'over_budget'];
const POLICY_KEYS = ['name', ...THRESHOLD_KEYS, 'approvers'];
const APPROVER_KEYS = ['users', 'teams'];
const DISCOUNT_KEYS = ['percent'];

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9_.-]+$/;
const METRIC_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** How a value looks to a person reading the message. */
export function describe(node: YamlNode | undefined): string {
  if (!node) return 'nothing';
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null || node.value === undefined) return 'nothing';
  if (typeof node.value === 'string') return JSON.stringify(node.value);
  return node.source ?? String(node.value);
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return row[b.length];
}

/** The closest candidate when it is close enough to be a typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor((best?.length ?? 0) / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

class Checker {
  readonly problems: Problem[] = [];

  add(path: string, message: string, line: number): void {
    this.problems.push({ path, message, line });
  }

  map(node: YamlNode | undefined, path: string, allowed: string[], what: string, line: number): YamlMap | undefined {
    if (!node || node.kind !== 'map') {
      this.add(path, `expected ${what}, got ${describe(node)}`, node?.line ?? line);
      return undefined;
    }
    for (const [key, { keyLine }] of node.entries) {
      if (allowed.includes(key)) continue;
      const guess = didYouMean(key, allowed);
      this.add(
        join(path, key),
        `unknown key${guess ? ` (did you mean "${guess}"?)` : ` (expected ${allowed.map((k) => `"${k}"`).join(', ')})`}`,
        keyLine,
      );
    }
    return node;
  }

  list(node: YamlNode | undefined, path: string, what: string, line: number): YamlNode[] | undefined {
    if (!node || node.kind !== 'seq') {
      this.add(path, `expected ${what}, got ${describe(node)}`, node?.line ?? line);
      return undefined;
    }
    return node.items;
  }

  string(node: YamlNode | undefined, path: string, what: string, line: number): string | undefined {
    if (!node || node.kind !== 'scalar' || typeof node.value !== 'string' || node.value.trim() === '') {
      this.add(path, `expected ${what}, got ${describe(node)}`, node?.line ?? line);
      return undefined;
    }
    return node.value.trim();
  }

  /** An exact number from the source text; `check` returns what is wrong with it, if anything. */
  number(node: YamlNode | undefined, path: string, line: number, check?: (d: Decimal) => string | undefined, what = 'a number'): Decimal | undefined {
    const scalar = node?.kind === 'scalar' ? (node as YamlScalar) : undefined;
    if (!scalar || typeof scalar.value !== 'number' || !Number.isFinite(scalar.value)) {
      this.add(path, `expected ${what}, got ${describe(node)}`, node?.line ?? line);
      return undefined;
    }
    const text = (scalar.source ?? String(scalar.value)).replace(/_/g, '');
    const value = Decimal.tryFrom(text) ?? Decimal.tryFrom(scalar.value);
    if (!value) {
      this.add(path, `expected ${what}, got ${describe(node)}`, node?.line ?? line);
      return undefined;
    }
    const wrong = check?.(value);
    if (wrong) {
      this.add(path, `expected ${wrong}, got ${describe(node)}`, scalar.line);
      return undefined;
    }
    return value;
  }

  boolean(node: YamlNode | undefined, path: string, line: number): boolean | undefined {
    if (!node || node.kind !== 'scalar' || typeof node.value !== 'boolean') {
      this.add(path, `expected true or false, got ${describe(node)}`, node?.line ?? line);
      return undefined;
    }
    return node.value;
  }

  required(map: YamlMap, path: string, key: string): YamlNode | undefined {
    const entry = map.entries.get(key);
    if (!entry) this.add(path, `missing "${key}"`, map.line);
    return entry?.value;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

const nonNegative = (d: Decimal) => (d.isNegative() ? 'a number ≥ 0' : undefined);
const positive = (d: Decimal) => (d.isPositive() ? undefined : 'a number > 0');

export function validateConfig(root: YamlNode | undefined, file: string): { result?: ValidatedConfig; problems: Problem[] } {
  const c = new Checker();
  if (root === undefined) {
    c.add('', 'the file is empty (expected at least "version: 1")', 1);
    return { problems: c.problems };
  }
  const top = c.map(root, '', TOP_KEYS, 'a map of settings (version, projects, policies, …)', 1);
  if (!top) return { problems: c.problems };
  const get = (key: string) => top.entries.get(key)?.value;

  const versionNode = c.required(top, '', 'version');
  if (versionNode && !(versionNode.kind === 'scalar' && versionNode.value === 1)) {
    c.add('version', `expected 1, got ${describe(versionNode)}`, versionNode.line);
  }

  const projects = validateProjects(c, get('projects'));
  const metricFiles: PendingMetricFile[] = [];
  const unitEconomics = validateMetrics(c, get('unit_economics'), metricFiles);
  const forecast = get('forecast') !== undefined ? validateForecast(c, get('forecast')!, unitEconomics) : undefined;
  const budgets = validateBudgets(c, get('budgets'), projects);
  const policies = validatePolicies(c, get('policies'), budgets.length > 0);

  let discount: CostdiffConfig['discount'];
  if (get('discount') !== undefined) {
    const d = c.map(get('discount'), 'discount', DISCOUNT_KEYS, 'a map with "percent"', 1);
    if (d) {
      const percent = c.number(c.required(d, 'discount', 'percent'), 'discount.percent', d.line, (p) =>
        p.isNegative() || !p.lt(Decimal.fromInt(100)) ? 'a percentage from 0 up to (not including) 100' : undefined,
      );
      if (percent) discount = { percent };
    }
  }

  const usage = get('usage') !== undefined ? validateUsage(c, get('usage')!, file) : undefined;

  if (c.problems.length) return { problems: c.problems };
  return {
    problems: [],
    result: {
      config: { version: 1, file, projects, unitEconomics, forecast, budgets, policies, discount, ...(usage ? { usage } : {}) },
      metricFiles,
    },
  };
}

function eachItem(c: Checker, node: YamlNode | undefined, path: string, what: string, fn: (item: YamlNode, path: string) => void): void {
  if (node === undefined) return;
  const items = c.list(node, path, what, 1);
  items?.forEach((item, i) => fn(item, join(path, i)));
}

/**
 * `usage:` has a usage file's shape (resource_type_default_usage, resource_usage), ranges
 * included; it applies to every project, under each project's own usage file.
 */
function validateUsage(c: Checker, node: YamlNode, file: string): UsageFile | undefined {
  try {
    return parseUsage(plainYaml(node), file, 'usage');
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    c.add('', err.message, usageEntryLine(node, err.message) ?? node.line);
    return undefined;
  }
}

/** The line of the address entry a usage message names, when it names one. */
function usageEntryLine(node: YamlNode, message: string): number | undefined {
  if (node.kind !== 'map') return undefined;
  for (const section of ['resource_usage', 'resource_type_default_usage']) {
    const entries = node.entries.get(section)?.value;
    if (entries?.kind !== 'map') continue;
    for (const [address, { keyLine }] of entries.entries) if (message.startsWith(`usage: ${address}: `)) return keyLine;
  }
  return undefined;
}

/** The located tree back to plain values, for readers that take what a YAML parser returns. */
function plainYaml(node: YamlNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainYaml);
  const out: Record<string, unknown> = {};
  for (const [key, { value }] of node.entries) out[key] = plainYaml(value);
  return out;
}

function validateProjects(c: Checker, node: YamlNode | undefined): ProjectConfig[] {
  const out: ProjectConfig[] = [];
  const names = new Set<string>();
  eachItem(c, node, 'projects', 'a list of projects (path, name, …)', (item, path) => {
    const m = c.map(item, path, PROJECT_KEYS, 'a project with "path"', item.line);
    if (!m) return;
    const p = c.string(c.required(m, path, 'path'), join(path, 'path'), 'a directory or plan path', m.line);
    const nameNode = m.entries.get('name')?.value;
    const name = nameNode ? c.string(nameNode, join(path, 'name'), 'a project name', m.line) : undefined;
    const usageNode = m.entries.get('usage_file')?.value;
    const usageFile = usageNode ? c.string(usageNode, join(path, 'usage_file'), 'a file path', m.line) : undefined;
    const varFiles: string[] = [];
    const vf = m.entries.get('terraform_var_files')?.value;
    if (vf) {
      const list = c.list(vf, join(path, 'terraform_var_files'), 'a list of .tfvars files', m.line);
      list?.forEach((f, i) => {
        const s = c.string(f, join(join(path, 'terraform_var_files'), i), 'a file path', f.line);
        if (s) varFiles.push(s);
      });
    }
    const key = name ?? p;
    if (key && names.has(key)) c.add(join(path, name ? 'name' : 'path'), `project "${key}" is listed twice`, m.line);
    if (key) names.add(key);
    if (p) out.push({ path: p, name, usageFile, terraformVarFiles: varFiles });
  });
  return out;
}

function validateMetrics(c: Checker, node: YamlNode | undefined, files: PendingMetricFile[]): UnitMetric[] {
  const out: UnitMetric[] = [];
  eachItem(c, node, 'unit_economics', 'a list of metrics (name, monthly_volume or file, per)', (item, path) => {
    const m = c.map(item, path, METRIC_KEYS, 'a metric with "name"', item.line);
    if (!m) return;
    const nameNode = c.required(m, path, 'name');
    let name: string | undefined;
    if (nameNode) {
      name = c.string(nameNode, join(path, 'name'), 'a metric name', m.line);
      if (name && !METRIC_NAME.test(name)) {
        c.add(join(path, 'name'), `expected a name of letters, digits, "_" or "-", got ${JSON.stringify(name)}`, nameNode.line);
        name = undefined;
      } else if (name && out.some((o) => o.name === name)) {
        c.add(join(path, 'name'), `metric "${name}" is listed twice`, nameNode.line);
      }
    }
    const volumeNode = m.entries.get('monthly_volume')?.value;
    const fileNode = m.entries.get('file')?.value;
    if (volumeNode && fileNode) c.add(path, 'give either "monthly_volume" or "file", not both', m.line);
    if (!volumeNode && !fileNode) c.add(path, 'missing "monthly_volume" or "file"', m.line);
    const volume = volumeNode ? c.number(volumeNode, join(path, 'monthly_volume'), m.line, positive) : undefined;
    const file = fileNode ? c.string(fileNode, join(path, 'file'), 'a .csv or .json metrics file', m.line) : undefined;
    if (file && !/\.(csv|json)$/i.test(file)) c.add(join(path, 'file'), `expected a .csv or .json metrics file, got ${JSON.stringify(file)}`, fileNode!.line);
    const perNode = m.entries.get('per')?.value;
    const per = perNode ? c.number(perNode, join(path, 'per'), m.line, positive) : Decimal.ONE;
    if (name && per && (volume || file)) {
      if (file) files.push({ index: out.length, file, line: fileNode!.line });
      out.push({ name, monthlyVolume: volume ?? Decimal.ZERO, per, ...(file ? { file } : {}), series: [] });
    }
  });
  return out;
}

function validateForecast(c: Checker, node: YamlNode, metrics: UnitMetric[]): ForecastConfig | undefined {
  const m = c.map(node, 'forecast', FORECAST_KEYS, 'a map (horizon_months, growth, scale_with)', node.line);
  if (!m) return undefined;
  let horizonMonths = DEFAULT_HORIZON_MONTHS;
  const h = m.entries.get('horizon_months')?.value;
  if (h) {
    const v = c.number(h, 'forecast.horizon_months', m.line, (d) =>
      d.floor().eq(d) && !d.lt(Decimal.ONE) && !d.gt(Decimal.fromInt(120)) ? undefined : 'a whole number of months from 1 to 120',
    );
    if (v) horizonMonths = Number(v.toString());
  }
  const growth = new Map<string, ReturnType<typeof Decimal.fromInt>>();
  const g = m.entries.get('growth')?.value;
  const gm = g ? c.map(g, 'forecast.growth', [...(g.kind === 'map' ? g.entries.keys() : [])], 'a map of metric → monthly growth (0.04 = +4 % a month)', m.line) : undefined;
  for (const [key, { value }] of gm?.entries ?? []) {
    const v = c.number(value, `forecast.growth.${key}`, value.line, (d) =>
      d.gt(Decimal.fromInt(-1)) && !d.gt(Decimal.fromInt(10)) ? undefined : 'a monthly growth fraction between -1 and 10 (0.04 = +4 % a month)',
    );
    if (v) growth.set(key, v);
  }
  const scaleWith = new Map<string, string[]>();
  const s = m.entries.get('scale_with')?.value;
  const sm = s ? c.map(s, 'forecast.scale_with', [...(s.kind === 'map' ? s.entries.keys() : [])], 'a map of metric → resource address patterns', m.line) : undefined;
  for (const [key, { value }] of sm?.entries ?? []) {
    const path = `forecast.scale_with.${key}`;
    const items = c.list(value, path, 'a list of resource address patterns like "aws_lambda_function.*"', value.line);
    const patterns: string[] = [];
    items?.forEach((it, i) => {
      const p = c.string(it, `${path}[${i}]`, 'a resource address pattern', it.line);
      if (p) patterns.push(p);
    });
    scaleWith.set(key, patterns);
    const fromFile = metrics.some((x) => x.name === key && x.file);
    if (!growth.has(key) && !fromFile && !gm?.entries.has(key)) {
      c.add(path, `no growth for "${key}": set forecast.growth.${key} or give unit_economics a metric "${key}" with a file`, value.line);
    }
  }
  for (const [key, { keyLine }] of gm?.entries ?? []) {
    if (sm?.entries.has(key)) continue;
    const guess = sm ? didYouMean(key, sm.entries.keys()) : undefined;
    c.add(
      `forecast.growth.${key}`,
      `no forecast.scale_with entry uses "${key}"${guess ? ` (did you mean "${guess}"?)` : ' (add forecast.scale_with.' + key + ' with the resources that grow with it)'}`,
      keyLine,
    );
  }
  return { horizonMonths, growth, scaleWith };
}

function validateBudgets(c: Checker, node: YamlNode | undefined, projects: ProjectConfig[]): Budget[] {
  const out: Budget[] = [];
  const known = projects.map((p) => p.name ?? p.path);
  eachItem(c, node, 'budgets', 'a list of budgets (project, monthly)', (item, path) => {
    const m = c.map(item, path, BUDGET_KEYS, 'a budget with "project" and "monthly"', item.line);
    if (!m) return;
    const projectNode = c.required(m, path, 'project');
    const project = projectNode ? c.string(projectNode, join(path, 'project'), 'a project name', m.line) : undefined;
    if (project && known.length && !known.includes(project)) {
      const guess = didYouMean(project, known);
      c.add(join(path, 'project'), `no project named ${JSON.stringify(project)} in projects${guess ? ` (did you mean "${guess}"?)` : ` (known: ${known.join(', ')})`}`, projectNode!.line);
    } else if (project && out.some((b) => b.project === project)) {
      c.add(join(path, 'project'), `project "${project}" has two budgets`, projectNode!.line);
    }
    const monthlyNode = c.required(m, path, 'monthly');
    const monthly = monthlyNode ? c.number(monthlyNode, join(path, 'monthly'), m.line, nonNegative, 'a monthly amount in USD') : undefined;
    if (project && monthly) out.push({ project, monthly });
  });
  return out;
}

function validateApprovers(c: Checker, node: YamlNode, path: string): Approvers {
  const approvers: Approvers = { users: [], teams: [] };
  const m = c.map(node, path, APPROVER_KEYS, 'a map with "users" and/or "teams"', node.line);
  if (!m) return approvers;
  const users = m.entries.get('users')?.value;
  c.list(users ?? { kind: 'seq', line: 0, items: [] }, join(path, 'users'), 'a list of GitHub logins', m.line)?.forEach((u, i) => {
    const login = c.string(u, `${join(path, 'users')}[${i}]`, 'a GitHub login', u.line)?.replace(/^@/, '');
    if (login === undefined) return;
    if (!LOGIN.test(login)) c.add(`${join(path, 'users')}[${i}]`, `expected a GitHub login, got ${JSON.stringify(login)}`, u.line);
    else approvers.users.push(login);
  });
  const teams = m.entries.get('teams')?.value;
  c.list(teams ?? { kind: 'seq', line: 0, items: [] }, join(path, 'teams'), 'a list of teams as "org/team-slug"', m.line)?.forEach((t, i) => {
    const team = c.string(t, `${join(path, 'teams')}[${i}]`, 'a team as "org/team-slug"', t.line)?.replace(/^@/, '');
    if (team === undefined) return;
    if (!TEAM.test(team)) c.add(`${join(path, 'teams')}[${i}]`, `expected a team as "org/team-slug", got ${JSON.stringify(team)}`, t.line);
    else approvers.teams.push(team);
  });
  return approvers;
}

function validatePolicies(c: Checker, node: YamlNode | undefined, hasBudgets: boolean): Policy[] {
  const out: Policy[] = [];
  eachItem(c, node, 'policies', 'a list of policies (name, a threshold, approvers)', (item, path) => {
    const m = c.map(item, path, POLICY_KEYS, 'a policy with "name" and a threshold', item.line);
    if (!m) return;
    const nameNode = c.required(m, path, 'name');
    const name = nameNode ? c.string(nameNode, join(path, 'name'), 'a policy name', m.line) : undefined;
    if (name && out.some((p) => p.name === name)) c.add(join(path, 'name'), `policy "${name}" is listed twice`, nameNode!.line);
    const num = (key: string, what = 'a number') => {
      const n = m.entries.get(key)?.value;
      return n ? c.number(n, join(path, key), m.line, nonNegative, what) : undefined;
    };
    const maxMonthlyIncrease = num('max_monthly_increase');
    const maxMonthlyIncreasePercent = num('max_monthly_increase_percent', 'a percentage');
    const maxMonthlyTotal = num('max_monthly_total');
    const ob = m.entries.get('over_budget')?.value;
    const overBudget = ob ? c.boolean(ob, join(path, 'over_budget'), m.line) : false;
    if (overBudget && !hasBudgets) c.add(join(path, 'over_budget'), 'no budgets are set (add a "budgets:" list)', ob!.line);
    if (!THRESHOLD_KEYS.some((k) => m.entries.has(k)) || (ob && overBudget === false && !THRESHOLD_KEYS.slice(0, 3).some((k) => m.entries.has(k)))) {
      c.add(path, `expected at least one of ${THRESHOLD_KEYS.map((k) => `"${k}"`).join(', ')}`, m.line);
    }
    const approversNode = m.entries.get('approvers')?.value;
    const approvers = approversNode ? validateApprovers(c, approversNode, join(path, 'approvers')) : { users: [], teams: [] };
    if (name) {
      out.push({
        name,
        ...(maxMonthlyIncrease ? { maxMonthlyIncrease } : {}),
        ...(maxMonthlyIncreasePercent ? { maxMonthlyIncreasePercent } : {}),
        ...(maxMonthlyTotal ? { maxMonthlyTotal } : {}),
        overBudget: overBudget === true,
        approvers,
      });
    }
  });
  return out;
}
