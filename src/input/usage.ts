import { readFile } from 'node:fs/promises';
import { Decimal } from '../core/decimal.js';
import { UserError } from '../core/errors.js';
import { flowTooDeep, MAX_FLOW_DEPTH } from '../config/yaml-tree.js';

/**
 * Usage files in Infracost's format, so teams can bring theirs as they are:
 *
 *   version: 0.1
 *   resource_type_default_usage:
 *     aws_nat_gateway: { monthly_data_processed_gb: 100 }
 *   resource_usage:
 *     aws_nat_gateway.main: { monthly_data_processed_gb: 250 }
 *     module.app.aws_lambda_function.api[*]: { monthly_requests: 1000000 }
 *
 * Values for one resource are merged: type defaults, then wildcard entries, then its exact address.
 *
 * Where usage is not known, a value may be a range, `{ low, high }` with an optional `expected`:
 *   aws_lambda_function.api: { monthly_requests: { low: 1e6, high: 5e6, expected: 2e6 } }
 * The point estimate uses `expected` (without it the usage counts as not given); the low and
 * high estimates use the bounds.
 */

export type UsageValues = Record<string, unknown>;

/** Which figure of a usage range to read; undefined: the point figure (`expected`). */
export type UsageBound = 'low' | 'high';

const RANGE_KEYS = ['low', 'high', 'expected'];

/** A map with `low` or `high` is a range (validated by parseUsage). */
function isRange(v: unknown): v is { low: unknown; high: unknown; expected?: unknown } {
  return isMap(v) && ('low' in v || 'high' in v);
}

/** Replaces ranges (also inside nested maps) by one of their figures; undefined drops the key. */
function resolveRanges(values: UsageValues, bound: UsageBound | undefined): UsageValues {
  const out: UsageValues = {};
  for (const [key, v] of Object.entries(values)) {
    const resolved = isRange(v) ? v[bound ?? 'expected'] : isMap(v) ? resolveRanges(v, bound) : v;
    if (resolved !== undefined) out[key] = resolved;
  }
  return out;
}

interface Pattern {
  text: string;
  regex: RegExp;
  values: UsageValues;
}

export class UsageFile {
  constructor(
    readonly file: string,
    private readonly exact: Map<string, UsageValues>,
    private readonly patterns: Pattern[],
    private readonly typeDefaults: Map<string, UsageValues>,
    private readonly ranges = false,
  ) {}

  static empty(): UsageFile {
    return new UsageFile('', new Map(), [], new Map());
  }

  /**
   * Several sources as one (costdiff.yml's `usage:`, then a usage file). Specificity still
   * decides first (type defaults, then wildcards, then exact addresses); between sources, per
   * usage key, the later one wins.
   */
  static merge(layers: UsageFile[]): UsageFile {
    const used = layers.filter((l) => l.exact.size || l.patterns.length || l.typeDefaults.size);
    if (used.length <= 1) return used[0] ?? layers[layers.length - 1] ?? UsageFile.empty();
    const mergeMaps = (maps: Map<string, UsageValues>[]): Map<string, UsageValues> => {
      const out = new Map<string, UsageValues>();
      for (const m of maps) for (const [k, v] of m) out.set(k, { ...(out.get(k) ?? {}), ...v });
      return out;
    };
    // Array.prototype.sort is stable: equal-length patterns keep their source order.
    const patterns = used.flatMap((l) => l.patterns).sort((a, b) => a.text.length - b.text.length);
    return new UsageFile(
      used.map((l) => l.file).join(' + '),
      mergeMaps(used.map((l) => l.exact)),
      patterns,
      mergeMaps(used.map((l) => l.typeDefaults)),
      used.some((l) => l.ranges),
    );
  }

  /** True when some usage value is a `{ low, high }` range. */
  hasRanges(): boolean {
    return this.ranges;
  }

  /** Usage values for one resource address, ranges resolved to `bound` (default: the point figure). */
  for(address: string, type: string, bound?: UsageBound): UsageValues {
    const merged: UsageValues = { ...(this.typeDefaults.get(type) ?? {}) };
    for (const p of this.patterns) if (p.regex.test(address)) Object.assign(merged, p.values);
    Object.assign(merged, this.exact.get(address) ?? {});
    return this.ranges ? resolveRanges(merged, bound) : merged;
  }

  /** Entries that describe usage-only pseudo resources (aws_data_transfer.<name>). */
  pseudoResources(type: string): { address: string; values: UsageValues }[] {
    return [...this.exact.entries()].filter(([a]) => a.startsWith(`${type}.`)).map(([address, values]) => ({ address, values }));
  }
}

export async function loadUsageFile(path: string): Promise<UsageFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`usage file ${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // Before the parser: very deep [ ] / { } nesting can abort the process inside yaml@2.
  const deep = flowTooDeep(text);
  if (deep) throw new UserError(`usage file ${path}: not valid YAML (nested more than ${MAX_FLOW_DEPTH} levels deep at line ${deep})`);
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UserError(`usage file ${path}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  return parseUsage(doc, path);
}

/**
 * `label` names the source in messages: "usage file F" for a file, or where in costdiff.yml the
 * usage sits.
 */
export function parseUsage(doc: unknown, path: string, label = `usage file ${path}`): UsageFile {
  if (doc === null || doc === undefined) return new UsageFile(path, new Map(), [], new Map());
  if (!isMap(doc)) throw new UserError(`${label}: expected a map with version and resource_usage`);
  const version = doc.version;
  if (version !== undefined && !['0.1', 'v0.1', 0.1].includes(version as string | number)) {
    throw new UserError(`${label}: version ${String(version)} is not supported (expected 0.1)`);
  }
  for (const key of Object.keys(doc)) {
    if (!['version', 'resource_usage', 'resource_type_default_usage'].includes(key)) {
      throw new UserError(`${label}: unknown key "${key}" (expected version, resource_usage, resource_type_default_usage)`);
    }
  }
  const exact = new Map<string, UsageValues>();
  const patterns: Pattern[] = [];
  for (const [address, values] of entries(doc.resource_usage, label, 'resource_usage')) {
    if (address.includes('*')) patterns.push({ text: address, regex: wildcard(address), values });
    else exact.set(address, values);
  }
  // More specific patterns (longer, fewer wildcards) win by being applied last.
  patterns.sort((a, b) => a.text.length - b.text.length);
  const typeDefaults = new Map(entries(doc.resource_type_default_usage, label, 'resource_type_default_usage'));
  let ranges = false;
  for (const [address, values] of [...exact, ...patterns.map((p) => [p.text, p.values] as const), ...typeDefaults]) {
    if (checkRanges(values, label, address, '')) ranges = true;
  }
  return new UsageFile(path, exact, patterns, typeDefaults, ranges);
}

/** Validates every range in one entry's values; true when there is one. */
function checkRanges(values: UsageValues, label: string, address: string, prefix: string): boolean {
  let found = false;
  for (const [key, v] of Object.entries(values)) {
    const where = `${label}: ${address}: ${prefix}${key}`;
    if (isRange(v)) {
      const extra = Object.keys(v).filter((k) => !RANGE_KEYS.includes(k));
      if (extra.length) throw new UserError(`${where}: a range has only low, high and expected (got "${extra[0]}")`);
      const figure = (name: string): Decimal | undefined => {
        const raw = (v as Record<string, unknown>)[name];
        if (raw === undefined && name === 'expected') return undefined;
        let d: Decimal | undefined;
        try {
          d = Decimal.tryFrom(raw);
        } catch {
          d = undefined; // beyond Decimal's exponent range (1e308)
        }
        if (!d) throw new UserError(`${where}: ${name} should be a number, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
        return d;
      };
      const low = figure('low')!;
      const high = figure('high')!;
      const expected = figure('expected');
      if (low.gt(high)) throw new UserError(`${where}: low (${String(v.low)}) is above high (${String(v.high)})`);
      if (expected && (expected.lt(low) || expected.gt(high))) {
        throw new UserError(`${where}: expected (${String(v.expected)}) is outside low – high (${String(v.low)} – ${String(v.high)})`);
      }
      found = true;
    } else if (isMap(v) && checkRanges(v, label, address, `${prefix}${key}.`)) {
      found = true;
    }
  }
  return found;
}

function entries(section: unknown, label: string, name: string): [string, UsageValues][] {
  if (section === undefined || section === null) return [];
  if (!isMap(section)) throw new UserError(`${label}: ${name} should be a map of addresses to usage values`);
  return Object.entries(section).map(([key, values]) => {
    if (values === null) return [key, {}];
    if (!isMap(values)) throw new UserError(`${label}: ${name}.${key} should be a map of usage keys to values`);
    return [key, values];
  });
}

/** `aws_x.y[*]` matches every index; `*` elsewhere matches any run of characters. */
function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .split('[*]')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*'))
    .join('\\[[^\\]]+\\]');
  return new RegExp(`^${escaped}$`);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
