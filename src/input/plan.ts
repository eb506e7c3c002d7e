import { UserError } from '../core/errors.js';
import { resolveDefaultRegion, validateRegion } from './region.js';
import {
  UNKNOWN,
  type AttrValue,
  type Attributes,
  type ChangeAction,
  type Project,
  type RegionDefaults,
  type ResourceChange,
} from './types.js';

/**
 * Reads Terraform's machine-readable plan (`terraform show -json`, format_version 0.1 to 1.x)
 * into resource changes. Only managed resources are kept: data sources are reads, not bills.
 */

// The subset of the plan JSON format this reader uses. Everything is optional because plans of
// different Terraform versions omit different parts.
interface PlanJson {
  format_version?: string;
  terraform_version?: string;
  variables?: Record<string, { value?: unknown }>;
  planned_values?: { root_module?: PlanModule };
  prior_state?: { values?: { root_module?: PlanModule } };
  resource_changes?: PlanResourceChange[];
  configuration?: { provider_config?: Record<string, ProviderConfig>; root_module?: ConfigModule };
}

interface PlanModule {
  address?: string;
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

interface PlanResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  index?: string | number;
  values?: Record<string, unknown>;
}

interface PlanResourceChange {
  address: string;
  module_address?: string;
  mode?: string;
  type: string;
  name: string;
  index?: string | number;
  change: {
    actions: string[];
    before?: unknown;
    after?: unknown;
    after_unknown?: unknown;
  };
}

interface ProviderConfig {
  name?: string;
  full_name?: string;
  alias?: string;
  module_address?: string;
  expressions?: Record<string, Expression>;
}

interface Expression {
  constant_value?: unknown;
  references?: string[];
}

interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, { module?: ConfigModule; expressions?: Record<string, Expression> }>;
}

interface ConfigResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  provider_config_key?: string;
  expressions?: Record<string, unknown>;
}

const SUPPORTED_FORMAT = /^(0\.[1-9]|1\.\d+)$/;

/**
 * Deepest nesting of attribute values and configuration expressions read here. Real plans stay
 * far below it; a document beyond it is rejected with a message instead of overflowing the stack.
 */
const MAX_DEPTH = 256;

class TooDeepError extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Recognises a plan JSON document (as opposed to some other JSON file). */
export function isPlanJson(doc: unknown): boolean {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof (doc as PlanJson).format_version === 'string' &&
    ('resource_changes' in doc || 'planned_values' in doc || 'terraform_version' in doc)
  );
}

export function readPlanJson(doc: unknown, file: string, defaults: RegionDefaults): Project {
  if (!isPlanJson(doc)) {
    throw new UserError(`${file}: not a Terraform plan (no format_version and resource_changes); create one with \`terraform show -json plan.tfplan > plan.json\``);
  }
  const plan = doc as PlanJson;
  const version = plan.format_version as string;
  if (!SUPPORTED_FORMAT.test(version)) {
    throw new UserError(`${file}: plan format_version ${version} is not supported (0.1 to 1.x)`);
  }

  const warnings: string[] = [];
  const providers = new ProviderRegions(plan, file, defaults, warnings);
  const config = tooDeep(file, 'configuration', () => indexConfiguration(plan.configuration?.root_module));

  if (plan.resource_changes !== undefined && plan.resource_changes !== null && !Array.isArray(plan.resource_changes)) {
    throw new UserError(`${file}: resource_changes should be a list`);
  }
  const changes = plan.resource_changes ?? tooDeep(file, 'planned_values', () => plannedAsCreates(plan));
  const resources: ResourceChange[] = [];
  for (const rc of changes) {
    if (!rc || typeof rc !== 'object' || typeof rc.address !== 'string' || typeof rc.type !== 'string') {
      throw new UserError(`${file}: resource_changes has an entry without address/type`);
    }
    if ((rc.mode ?? 'managed') !== 'managed') continue;
    const action = toAction(rc.change?.actions, rc.address, file);
    if (action === undefined) continue;
    const module = typeof rc.module_address === 'string' ? rc.module_address : moduleOf(rc.address);
    const configAddress = configAddressOf(rc.address, module);
    const cfg = config.get(configAddress);
    const before = action === 'create' ? undefined : tooDeep(file, rc.address, () => toState(rc.change.before, undefined));
    const after = action === 'delete' ? undefined : tooDeep(file, rc.address, () => toState(rc.change.after, rc.change.after_unknown));
    const resourceRegion = regionAttribute(after?.values ?? before?.values);
    const providerKey = typeof cfg?.provider_config_key === 'string' ? cfg.provider_config_key : undefined;
    const { region, source } = resourceRegion
      ? { region: validateRegion(resourceRegion, `${file}: ${rc.address} region`), source: 'resource' as const }
      : providers.regionFor(providerKey, module);
    const expressions = isObject(cfg?.expressions) ? cfg.expressions : undefined;
    // Optional keys assigned, not spread from temporary objects: this runs for every resource.
    const resource: ResourceChange = { address: rc.address, type: rc.type, module, region, regionSource: source, action };
    if (before) resource.before = before;
    if (after) resource.after = after;
    if (expressions) resource.references = tooDeep(file, rc.address, () => collectReferences(expressions));
    if (rc.index !== undefined) resource.index = rc.index;
    resources.push(resource);
  }

  const project: Project = {
    name: file,
    path: file,
    region: providers.defaultRegion().region,
    resources,
    warnings,
  };
  return project;
}

/** Runs a recursive reader, turning a document nested beyond MAX_DEPTH into a one-line error. */
function tooDeep<T>(file: string, where: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof TooDeepError) throw new UserError(`${file}: ${where}: values are nested more than ${MAX_DEPTH} levels deep`);
    throw err;
  }
}

function toAction(actions: unknown, address: string, file: string): ChangeAction | undefined {
  if (!Array.isArray(actions)) throw new UserError(`${file}: ${address} has no change.actions`);
  // Only strings: join() on nested arrays would recurse as deep as the document does.
  const key = actions.map((a) => (typeof a === 'string' ? a : '?')).join(',');
  switch (key) {
    case 'no-op':
      return 'no-op';
    case 'create':
      return 'create';
    case 'update':
      return 'update';
    case 'delete':
    case 'forget':
      return 'delete';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    case 'read':
      return undefined;
    default:
      throw new UserError(`${file}: ${address} has unknown actions [${key}]`);
  }
}

/** Plans without resource_changes (format 0.1 from a few tools) still have planned_values. */
function plannedAsCreates(plan: PlanJson): PlanResourceChange[] {
  const out: PlanResourceChange[] = [];
  const walk = (m: PlanModule | undefined, depth: number): void => {
    if (!m || typeof m !== 'object' || Array.isArray(m)) return;
    if (depth > MAX_DEPTH) throw new TooDeepError();
    for (const r of listOf(m.resources) as PlanResource[]) {
      if (!isObject(r)) continue;
      out.push({
        address: r.address,
        module_address: m.address,
        mode: r.mode,
        type: r.type,
        name: r.name,
        index: r.index,
        change: { actions: ['create'], after: r.values ?? {} },
      });
    }
    for (const c of listOf(m.child_modules) as PlanModule[]) walk(c, depth + 1);
  };
  walk(plan.planned_values?.root_module, 0);
  return out;
}

/** "module.a.module.b.aws_x.y[0]" → "module.a.module.b". */
export function moduleOf(address: string): string {
  if (!address.startsWith('module.')) return '';
  const parts: string[] = [];
  const re = /^module\.([A-Za-z0-9_-]+)(\[[^\]]*\])?\./;
  let rest = address;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    parts.push(`module.${m[1]}${m[2] ?? ''}`);
    rest = rest.slice(m[0].length);
  }
  return parts.join('.');
}

/** The configuration address of an instance: module indices and the resource index removed. */
function configAddressOf(address: string, module: string): string {
  const local = module ? address.slice(module.length + 1) : address;
  const moduleNoIndex = module.includes('[') ? module.replace(/\[[^\]]*\]/g, '') : module;
  const localNoIndex = local.endsWith(']') ? local.replace(/\[[^\]]*\]$/, '') : local;
  return moduleNoIndex ? `${moduleNoIndex}.${localNoIndex}` : localNoIndex;
}

function indexConfiguration(root: ConfigModule | undefined): Map<string, ConfigResource> {
  const out = new Map<string, ConfigResource>();
  const walk = (m: ConfigModule | undefined, prefix: string, depth: number): void => {
    if (!m || typeof m !== 'object' || Array.isArray(m)) return;
    if (depth > MAX_DEPTH) throw new TooDeepError();
    for (const r of listOf(m.resources) as ConfigResource[]) {
      if (isObject(r) && typeof r.address === 'string') out.set(prefix ? `${prefix}.${r.address}` : r.address, r);
    }
    for (const [name, call] of Object.entries(isObject(m.module_calls) ? m.module_calls : {})) {
      if (call && typeof call === 'object') walk(call.module, prefix ? `${prefix}.module.${name}` : `module.${name}`, depth + 1);
    }
  };
  walk(root, '', 0);
  return out;
}

/**
 * Attribute path → referenced configuration addresses, from configuration expressions. Nested
 * blocks appear as arrays of expression objects; paths join block names with dots.
 */
export function collectReferences(expressions: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (node: unknown, path: string, depth = 0): void => {
    if (depth > MAX_DEPTH) throw new TooDeepError();
    if (Array.isArray(node)) {
      for (const item of node) walk(item, path, depth + 1);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const expr = node as Expression & Record<string, unknown>;
    if (Array.isArray(expr.references) && path) {
      out[path] = [...(out[path] ?? []), ...expr.references.filter((r): r is string => typeof r === 'string')];
      return;
    }
    if ('constant_value' in expr) return;
    for (const [k, v] of Object.entries(expr)) walk(v, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(expressions, '');
  return out;
}

/**
 * Merges `after` with `after_unknown`: where Terraform marks a value unknown, the value becomes
 * UNKNOWN (Terraform writes null or omits it there).
 */
function toState(values: unknown, unknown: unknown): { values: Attributes } | undefined {
  if (values === null || values === undefined) {
    if (unknown === true) return { values: {} };
    return unknown && typeof unknown === 'object' ? { values: merge({}, unknown) as Attributes } : undefined;
  }
  if (typeof values !== 'object' || Array.isArray(values)) return undefined;
  return { values: merge(values, unknown) as Attributes };
}

/** `after_unknown: {}` (nothing unknown) is what most resources of a plan carry. */
function isEmptyObject(o: object): boolean {
  if (Array.isArray(o)) return false;
  for (const _ in o) return false;
  return true;
}

function merge(value: unknown, unknown: unknown, depth = 0): AttrValue {
  if (unknown === true) return UNKNOWN;
  if (depth > MAX_DEPTH) throw new TooDeepError();
  if (typeof unknown !== 'object' || unknown === null || isEmptyObject(unknown)) {
    // Nothing below is unknown (most of a plan): the parsed value is the answer as it is, so
    // skip the deep copy and only check its depth, as the copy would have.
    if (value === undefined) return null;
    checkDepth(value, depth);
    return value as AttrValue;
  }
  if (Array.isArray(value)) {
    const u = Array.isArray(unknown) ? unknown : [];
    return value.map((v, i) => merge(v, u[i], depth + 1));
  }
  if (value && typeof value === 'object') {
    const u = unknown && typeof unknown === 'object' && !Array.isArray(unknown) ? (unknown as Record<string, unknown>) : {};
    const out: Record<string, AttrValue> = {};
    const known = value as Record<string, unknown>;
    for (const k in known) out[k] = merge(known[k], u[k], depth + 1);
    for (const k in u) {
      const flag = u[k];
      if (!(k in out)) {
        if (flag === true) out[k] = UNKNOWN;
        else if (Array.isArray(flag)) out[k] = merge(flag.map(() => ({})), flag, depth + 1);
      }
    }
    return out;
  }
  if (value === undefined) {
    if (Array.isArray(unknown)) return unknown.map((u) => merge({}, u, depth + 1));
    if (unknown && typeof unknown === 'object') return merge({}, unknown, depth + 1);
    return null;
  }
  return value as AttrValue;
}

/** Throws TooDeepError where merge() would: on any value nested deeper than MAX_DEPTH. */
function checkDepth(value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeepError();
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) checkDepth(v, depth + 1);
  } else {
    for (const k in value) checkDepth((value as Record<string, unknown>)[k], depth + 1);
  }
}

/** AWS provider v6 lets a resource set its own region. */
function regionAttribute(values: Attributes | undefined): string | undefined {
  const r = values?.region;
  return typeof r === 'string' && r !== '' ? r : undefined;
}

/**
 * Resolves the region of each provider configuration: a constant, or a variable the plan
 * records; aliases and module-local providers included. Falls back to the environment, the
 * --region flag, then us-east-1 (with a warning), as Terraform's AWS provider would read them.
 */
class ProviderRegions {
  private readonly cache = new Map<string, { region: string; source: ResourceChange['regionSource'] }>();
  private fallback: { region: string; source: ResourceChange['regionSource'] } | undefined;

  constructor(
    private readonly plan: PlanJson,
    private readonly file: string,
    private readonly defaults: RegionDefaults,
    private readonly warnings: string[],
  ) {}

  defaultRegion(): { region: string; source: ResourceChange['regionSource'] } {
    return this.regionFor('aws', '');
  }

  /** Every resource of a module shares one answer: memoised by provider key and module. */
  private readonly resolved = new Map<string, { region: string; source: ResourceChange['regionSource'] }>();

  regionFor(key: string | undefined, module: string): { region: string; source: ResourceChange['regionSource'] } {
    const memoKey = `${key ?? ''}\u0000${module}`;
    const known = this.resolved.get(memoKey);
    if (known) return known;
    const found = this.resolve(key, module);
    this.resolved.set(memoKey, found);
    return found;
  }

  private resolve(key: string | undefined, module: string): { region: string; source: ResourceChange['regionSource'] } {
    const configs = this.plan.configuration?.provider_config ?? {};
    const candidates = candidateKeys(key, module);
    for (const k of candidates) {
      const cached = this.cache.get(k);
      if (cached) return cached;
      const cfg = configs[k];
      if (!cfg) continue;
      const region = this.evaluate(cfg.expressions?.region, cfg.module_address);
      if (region) {
        const found = { region: validateRegion(region, `${this.file}: provider "${k}" region`), source: 'provider' as const };
        this.cache.set(k, found);
        return found;
      }
    }
    return this.defaultFallback();
  }

  private defaultFallback(): { region: string; source: ResourceChange['regionSource'] } {
    if (!this.fallback) {
      this.fallback = resolveDefaultRegion(this.defaults, this.warnings, `${this.file} does not set a provider region`);
    }
    return this.fallback;
  }

  private evaluate(expr: Expression | undefined, moduleAddress: string | undefined): string | undefined {
    if (!expr) return undefined;
    if (typeof expr.constant_value === 'string') return expr.constant_value;
    // Root-module variables are recorded with their values; a module's own variables are not.
    const ref = listOf(expr.references).find((r): r is string => typeof r === 'string' && r.startsWith('var.'));
    if (ref && !moduleAddress) {
      const v = this.plan.variables?.[ref.slice(4)]?.value;
      if (typeof v === 'string') return v;
    }
    return undefined;
  }
}

/**
 * Provider config keys to try for a resource: its own key, then the same provider name in each
 * enclosing module up to the root ("module.a:aws" → "aws"), which is how modules inherit.
 */
function candidateKeys(key: string | undefined, module: string): string[] {
  const name = key ? key.replace(/^.*:/, '') : 'aws';
  const keys: string[] = [];
  if (key) keys.push(key);
  const modulePath = module.replace(/\[[^\]]*\]/g, '');
  const parts = modulePath ? modulePath.split('.').reduce<string[]>((acc, p, i, arr) => (i % 2 === 1 ? [...acc, `${arr[i - 1]}.${p}`] : acc), []) : [];
  for (let i = parts.length; i > 0; i--) keys.push(`${parts.slice(0, i).join('.')}:${name}`);
  keys.push(name);
  if (name !== 'aws' && !name.startsWith('aws.')) keys.push('aws');
  return [...new Set(keys)];
}
