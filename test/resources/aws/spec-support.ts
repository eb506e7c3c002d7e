import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { classify, resourceType } from '../../../src/resources/registry.js';
import type { CostComponentSpec, ResourceCostSpec } from '../../../src/resources/types.js';
import { ResourceView } from '../../../src/resources/view.js';

/**
 * The cost specification a resource file returns, for services whose prices are not in the
 * snapshot: what is asked for (Price List attributes) and how much (quantities) can still be
 * checked exactly.
 */
export function specOf(
  type: string,
  values: Record<string, unknown>,
  usage: Record<string, unknown> = {},
  region = 'us-east-1',
  /** Attributes of the resources that attribute paths refer to (task_definition → its values). */
  refs: Record<string, Record<string, unknown>> = {},
): ResourceCostSpec {
  const c = classify(type);
  if (c.kind !== 'priced') throw new Error(`${type} is not a priced type`);
  const resolve = (_from: string, path: string): ResourceView | undefined =>
    refs[path] ? new ResourceView({ address: `ref.${path}`, type: 'ref', region, values: refs[path] as never }) : undefined;
  return resourceType(type).costs(new ResourceView({ address: `${type}.test`, type, region, values: values as never, usage, resolve }));
}

export function line(spec: { components: CostComponentSpec[] }, name: string | RegExp): CostComponentSpec {
  const found = spec.components.find((c) => (typeof name === 'string' ? c.name === name : name.test(c.name)));
  if (!found) throw new Error(`no component ${String(name)} in [${spec.components.map((c) => c.name).join(', ')}]`);
  return found;
}

/** Monthly quantity as text ("730"), "null" when it depends on usage not given. */
export function monthly(c: CostComponentSpec): string {
  return monthlyQuantity(c)?.toString() ?? 'null';
}
