import type { UsageBound, UsageFile } from '../input/usage.js';
import type { Attributes, Project, ResourceChange } from '../input/types.js';
import { classify, resourceType, USAGE_ONLY_TYPES } from './registry.js';
import type { ResourceCostSpec } from './types.js';
import { InvalidValueError, ResourceView, UnknownValueError } from './view.js';

/**
 * The resources stage: for one side of a change (the state before, or the state after), each
 * resource becomes a cost specification — what to price and how much — or is classified free or
 * unsupported. Prices are not looked at here.
 */

export type Side = 'before' | 'after';

export interface ResourceCostResult {
  address: string;
  type: string;
  region: string;
  status: 'priced' | 'free' | 'unsupported';
  /** Present for priced resources whose attributes could be read. */
  spec?: ResourceCostSpec;
  /** Why a priced resource could not be estimated at all (an unknown attribute, a bad value). */
  failure?: string;
  note?: string;
}

function valuesOn(change: ResourceChange, side: Side): Attributes | undefined {
  if (side === 'after') return change.action === 'delete' ? undefined : change.after?.values ?? {};
  return change.action === 'create' ? undefined : change.before?.values ?? {};
}

/** `bound` picks the low or high figure of usage ranges; without it, the point figure. */
export function evaluateSide(project: Project, side: Side, usage: UsageFile, bound?: UsageBound): ResourceCostResult[] {
  const present = project.resources.filter((c) => valuesOn(c, side) !== undefined);
  const resolver = new References(present, side, usage, bound);
  const results: ResourceCostResult[] = [];
  for (const change of present) {
    results.push(evaluateOne(change.address, change.type, change.region, valuesOn(change, side) ?? {}, usage, resolver, bound));
  }
  // Usage-only pseudo resources (data transfer) exist on both sides, unchanged.
  for (const type of USAGE_ONLY_TYPES) {
    for (const { address, values } of usage.pseudoResources(type)) {
      const region = typeof values.region === 'string' ? values.region : project.region;
      results.push(evaluateOne(address, type, region, {}, usage, resolver, bound));
    }
  }
  return results;
}

function evaluateOne(
  address: string,
  type: string,
  region: string,
  values: Attributes,
  usage: UsageFile,
  resolver: References,
  bound: UsageBound | undefined,
): ResourceCostResult {
  // Object literals, not `{ ...base, … }`: ten thousand spreads of cold code cost ~15 ms.
  const classification = classify(type);
  if (classification.kind === 'free') {
    return classification.note ? { address, type, region, status: 'free', note: classification.note } : { address, type, region, status: 'free' };
  }
  if (classification.kind === 'unsupported') {
    return { address, type, region, status: 'unsupported', note: classification.known ? 'AWS bills this type; costdiff does not price it yet' : 'not a type costdiff knows' };
  }
  const view = new ResourceView({
    address,
    type,
    region,
    values,
    usage: usage.for(address, type, bound),
    resolve: (from, path) => resolver.resolve(from, path),
  });
  try {
    const spec = resourceType(type).costs(view);
    // Some types are free in one configuration only (a gateway VPC endpoint, a cluster member).
    if (spec.free !== undefined) return { address, type, region, status: 'free', note: spec.free };
    return { address, type, region, status: 'priced', spec };
  } catch (err) {
    if (err instanceof UnknownValueError) {
      return { address, type, region, status: 'priced', failure: `cost depends on ${err.attribute}, which is not known until apply` };
    }
    if (err instanceof InvalidValueError) return { address, type, region, status: 'priced', failure: err.message };
    throw err;
  }
}

/**
 * Finds the resource an attribute points at: first through the references the plan (or the HCL
 * evaluator) recorded, then by matching the attribute's value against other resources' id, name
 * or arn, for configurations that refer by a literal name.
 */
class References {
  private readonly byConfigAddress = new Map<string, ResourceChange[]>();
  private readonly byAddress = new Map<string, ResourceChange>();

  constructor(
    private readonly resources: ResourceChange[],
    private readonly side: Side,
    private readonly usage: UsageFile,
    private readonly bound: UsageBound | undefined,
  ) {
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      const key = r.address.endsWith(']') ? r.address.replace(/\[[^\]]*\]$/, '') : r.address;
      const list = this.byConfigAddress.get(key) ?? [];
      list.push(r);
      this.byConfigAddress.set(key, list);
    }
  }

  resolve(fromAddress: string, path: string): ResourceView | undefined {
    const from = this.byAddress.get(fromAddress);
    if (!from) return undefined;
    const target = this.byReference(from, path) ?? this.byValue(from, path);
    if (!target) return undefined;
    return new ResourceView({
      address: target.address,
      type: target.type,
      region: target.region,
      values: valuesOn(target, this.side) ?? {},
      usage: this.usage.for(target.address, target.type, this.bound),
      resolve: (f, p) => this.resolve(f, p),
    });
  }

  private byReference(from: ResourceChange, path: string): ResourceChange | undefined {
    for (const ref of from.references?.[path] ?? []) {
      const m = /^([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/.exec(ref);
      if (!m || /^(var|local|module|data|each|count|path|terraform)\./.test(ref)) continue;
      const configAddress = from.module ? `${from.module}.${m[1]}` : m[1];
      const candidates = this.byConfigAddress.get(configAddress);
      if (!candidates?.length) continue;
      // Same count/for_each key when both sides are expanded alike, else the first instance.
      return candidates.find((c) => c.index !== undefined && c.index === from.index) ?? candidates[0];
    }
    return undefined;
  }

  private byValue(from: ResourceChange, path: string): ResourceChange | undefined {
    let value: unknown = valuesOn(from, this.side);
    for (const part of path.split('.')) {
      if (Array.isArray(value)) value = value[0];
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (typeof value !== 'string' || value === '') return undefined;
    return this.resources.find((r) => {
      if (r === from) return false;
      const v = valuesOn(r, this.side);
      return v?.id === value || v?.name === value || v?.arn === value;
    });
  }
}
