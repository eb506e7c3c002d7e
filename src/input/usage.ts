import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';

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
 */

export type UsageValues = Record<string, unknown>;

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
  ) {}

  static empty(): UsageFile {
    return new UsageFile('', new Map(), [], new Map());
  }

  /** Usage values for one resource address. */
  for(address: string, type: string): UsageValues {
    const merged: UsageValues = { ...(this.typeDefaults.get(type) ?? {}) };
    for (const p of this.patterns) if (p.regex.test(address)) Object.assign(merged, p.values);
    Object.assign(merged, this.exact.get(address) ?? {});
    return merged;
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
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UserError(`usage file ${path}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  return parseUsage(doc, path);
}

export function parseUsage(doc: unknown, path: string): UsageFile {
  if (doc === null || doc === undefined) return new UsageFile(path, new Map(), [], new Map());
  if (!isMap(doc)) throw new UserError(`usage file ${path}: expected a map with version and resource_usage`);
  const version = doc.version;
  if (version !== undefined && !['0.1', 'v0.1', 0.1].includes(version as string | number)) {
    throw new UserError(`usage file ${path}: version ${String(version)} is not supported (expected 0.1)`);
  }
  for (const key of Object.keys(doc)) {
    if (!['version', 'resource_usage', 'resource_type_default_usage'].includes(key)) {
      throw new UserError(`usage file ${path}: unknown key "${key}" (expected version, resource_usage, resource_type_default_usage)`);
    }
  }
  const exact = new Map<string, UsageValues>();
  const patterns: Pattern[] = [];
  for (const [address, values] of entries(doc.resource_usage, path, 'resource_usage')) {
    if (address.includes('*')) patterns.push({ text: address, regex: wildcard(address), values });
    else exact.set(address, values);
  }
  // More specific patterns (longer, fewer wildcards) win by being applied last.
  patterns.sort((a, b) => a.text.length - b.text.length);
  const typeDefaults = new Map(entries(doc.resource_type_default_usage, path, 'resource_type_default_usage'));
  return new UsageFile(path, exact, patterns, typeDefaults);
}

function entries(section: unknown, path: string, name: string): [string, UsageValues][] {
  if (section === undefined || section === null) return [];
  if (!isMap(section)) throw new UserError(`usage file ${path}: ${name} should be a map of addresses to usage values`);
  return Object.entries(section).map(([key, values]) => {
    if (values === null) return [key, {}];
    if (!isMap(values)) throw new UserError(`usage file ${path}: ${name}.${key} should be a map of usage keys to values`);
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
