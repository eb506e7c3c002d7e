import { bundledPricingCache } from '../core/paths.js';
import { PricingCache } from './cache/reader.js';
import type { PriceSource } from './types.js';

export interface PricingOptions {
  /** --pricing-cache or COSTDIFF_PRICING_CACHE; the bundled snapshot otherwise. */
  cacheDir?: string;
  /** --online or COSTDIFF_PRICING=online: a cache miss may call the AWS Price List API. */
  online: boolean;
  /** Progress and warnings of online lookups. */
  log?: (line: string) => void;
}

export interface PricingSetup {
  cache: PricingCache;
  source: PriceSource;
  mode: 'offline' | 'online';
}

export function resolveCacheDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag || env.COSTDIFF_PRICING_CACHE || bundledPricingCache();
}

export function isOnline(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return flag === true || env.COSTDIFF_PRICING === 'online';
}

/**
 * The cache always answers first. Only in online mode is the Price List client (and the AWS
 * SDK behind it) loaded, and only for misses.
 */
export async function createPricing(options: PricingOptions): Promise<PricingSetup> {
  const cache = new PricingCache(options.cacheDir ?? bundledPricingCache());
  if (!options.online) return { cache, source: cache, mode: 'offline' };
  const { createOnlineSource } = await import('./online/index.js');
  return { cache, source: createOnlineSource(cache, { log: options.log }), mode: 'online' };
}
