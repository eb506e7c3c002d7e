import { Decimal } from '../../src/core/decimal.js';
import type { ResourceEstimate, SubresourceEstimate, CostComponent } from '../../src/estimate/types.js';
import type { Attributes, ChangeAction, ResourceChange } from '../../src/input/types.js';
import { parseUsage } from '../../src/input/usage.js';
import { estimateSide, priceProjects } from '../../src/pipeline.js';
import { join } from 'node:path';
import { repoRoot } from './repo.js';

export interface ResourceInput {
  address: string;
  type: string;
  values: Attributes;
  region?: string;
  references?: Record<string, string[]>;
  action?: ChangeAction;
}

/**
 * Prices resources through the real pipeline (resources → pricing → estimate) against the
 * shipped pricing cache, and returns the estimate of the first one.
 */
export async function estimate(
  resources: ResourceInput[],
  usage: Record<string, unknown> = {},
  options: { region?: string; cacheDir?: string } = {},
): Promise<ResourceEstimate[]> {
  const region = options.region ?? 'us-east-1';
  const changes: ResourceChange[] = resources.map((r) => ({
    address: r.address,
    type: r.type,
    module: '',
    region: r.region ?? region,
    regionSource: 'provider',
    action: r.action ?? 'create',
    after: { values: r.values },
    ...(r.references ? { references: r.references } : {}),
  }));
  const project = { name: 'test', path: 'test', region, resources: changes, warnings: [] };
  const usageFile = parseUsage({ version: '0.1', resource_usage: usage }, 'usage.yml');
  const priced = await priceProjects([project], ['after'], usageFile, {
    cacheDir: options.cacheDir ?? join(repoRoot(), 'pricing-cache'),
    online: false,
  });
  return estimateSide(priced, 'after')[0].resources;
}

export async function estimateOne(type: string, values: Attributes, usage: Record<string, unknown> = {}, region?: string): Promise<ResourceEstimate> {
  const address = `${type}.test`;
  const [r] = await estimate([{ address, type, values, region }], Object.keys(usage).length ? { [address]: usage } : {}, { region });
  return r;
}

/** Monthly cost as a fixed 2-decimal string, "null" when unknown. */
export function cost(value: Decimal | null | undefined): string {
  return value === null || value === undefined ? 'null' : value.toFixed(2);
}

export function component(owner: { components: CostComponent[] }, name: string | RegExp): CostComponent {
  const found = owner.components.find((c) => (typeof name === 'string' ? c.name === name : name.test(c.name)));
  if (!found) throw new Error(`no component ${String(name)} in [${owner.components.map((c) => c.name).join(', ')}]`);
  return found;
}

export function sub(owner: { subresources: SubresourceEstimate[] }, name: string | RegExp): SubresourceEstimate {
  const found = owner.subresources.find((s) => (typeof name === 'string' ? s.name === name : name.test(s.name)));
  if (!found) throw new Error(`no subresource ${String(name)} in [${owner.subresources.map((s) => s.name).join(', ')}]`);
  return found;
}

export const d = (text: string): Decimal => Decimal.parse(text);
