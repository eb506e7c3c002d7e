import type { CostComponentSpec, ResourceCostSpec, SubresourceSpec } from '../resources/types.js';
import { queryKey, type PriceQuery, type PriceResult, type PriceSource } from './types.js';

/** Every distinct price query in a set of cost specifications. */
export function collectQueries(specs: Iterable<ResourceCostSpec | undefined>): PriceQuery[] {
  const out = new Map<string, PriceQuery>();
  const addComponents = (components: CostComponentSpec[]): void => {
    for (const c of components) out.set(queryKey(c.price), c.price);
  };
  const addSub = (subs: SubresourceSpec[] | undefined): void => {
    for (const s of subs ?? []) {
      addComponents(s.components);
      addSub(s.subresources);
    }
  };
  for (const spec of specs) {
    if (!spec) continue;
    addComponents(spec.components);
    addSub(spec.subresources);
  }
  return [...out.values()];
}

export type PriceBook = Map<string, PriceResult>;

/** Answers each distinct query once; lookups run in order so online misses are deterministic. */
export async function resolvePrices(queries: PriceQuery[], source: PriceSource): Promise<PriceBook> {
  const book: PriceBook = new Map();
  for (const q of queries) {
    const key = queryKey(q);
    if (!book.has(key)) book.set(key, await source.lookup(q));
  }
  return book;
}
