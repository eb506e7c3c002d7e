import { Decimal } from '../../core/decimal.js';
import { errorMessage } from '../../core/errors.js';
import type { PricingCache } from '../cache/reader.js';
import { CACHE_FORMAT, type CacheFile, type CachePrice, type CacheProduct, type CacheSource } from '../cache/format.js';
import { updateCache } from '../cache/writer.js';
import type { Price, PriceQuery, PriceResult, PriceSource } from '../types.js';
import { queryKey } from '../types.js';
import { createPriceListClient, type PriceListClient } from './client.js';
import { queryFilters, selectPrice } from './match.js';
import { parsePriceListItem, type PriceRow } from './parse.js';

export interface OnlineSourceOptions {
  log?: (line: string) => void;
  /** A ready client; by default one is built from the AWS environment on the first miss. */
  client?: PriceListClient;
}

export const API_SOURCE = 'AWS Price List API (GetProducts)';

/** Provenance text of a fetch: the API, and the endpoint when it is not AWS's own. */
export function apiSource(client: PriceListClient, fetchedAt: string): CacheSource {
  return { kind: 'price-list-api', source: client.overridden ? `${API_SOURCE} at ${client.endpoint}` : API_SOURCE, date: fetchedAt };
}

/**
 * The cache first; on a miss, `GetProducts`. What the API answers is written back to the cache
 * file of that service and region, so the next run (and the next lookup) needs no request.
 */
export function createOnlineSource(cache: PricingCache, options: OnlineSourceOptions): PriceSource {
  let client: Promise<PriceListClient> | undefined = options.client ? Promise.resolve(options.client) : undefined;
  const memo = new Map<string, PriceResult>();
  const log = options.log ?? (() => {});

  return {
    async lookup(query: PriceQuery): Promise<PriceResult> {
      const cached = await cache.lookup(query);
      if (cached.found) return cached;
      const key = queryKey(query);
      const known = memo.get(key);
      if (known) return known;
      client ??= createPriceListClient();
      const api = await client;
      const fetchedAt = new Date().toISOString();
      const items = await api.getProducts(query.service, queryFilters(query), { region: query.region });
      const selection = selectPrice(query, items.map(parsePriceListItem));
      if (!selection.found) {
        const miss: PriceResult = { found: false, reason: selection.reason };
        memo.set(key, miss);
        return miss;
      }
      const source = apiSource(api, fetchedAt);
      try {
        writeBack(cache.dir, query, selection.prices, source);
        cache.invalidate();
      } catch (err) {
        // A read-only cache (an installed package) still gets the price, just not saved.
        log(`could not save a price to the pricing cache ${cache.dir}: ${errorMessage(err)}`);
      }
      const result: PriceResult = { found: true, price: toPrice(selection.prices, source) };
      memo.set(key, result);
      return result;
    },
  };
}

function writeBack(dir: string, query: PriceQuery, rows: PriceRow[], source: CacheSource): void {
  const product: CacheProduct = {
    ...(query.productFamily !== undefined ? { family: query.productFamily } : {}),
    attributes: Object.fromEntries(Object.entries(query.attributes).sort(([a], [b]) => a.localeCompare(b))),
    prices: [],
  };
  updateCache(
    dir,
    [
      {
        service: query.service,
        region: query.region,
        merge(current) {
          const file: CacheFile = current
            ? { ...current, sources: [...current.sources], products: [...current.products] }
            : { format: CACHE_FORMAT, service: query.service, region: query.region, sources: [], products: [] };
          let src = file.sources.findIndex((s) => s.kind === source.kind && s.source === source.source && s.date === source.date);
          if (src < 0) src = file.sources.push(source) - 1;
          const fresh: CacheProduct = { ...product, prices: rows.map((r) => cachePrice(r, src)) };
          // The same product fetched again replaces its older answer; anything else is kept.
          const same = file.products.findIndex((p) => p.family === fresh.family && sameAttributes(p.attributes, fresh.attributes));
          if (same >= 0) {
            const units = new Set(fresh.prices.map((r) => r.unit));
            file.products[same] = { ...fresh, prices: [...file.products[same].prices.filter((r) => !units.has(r.unit)), ...fresh.prices] };
          } else {
            file.products.push(fresh);
          }
          return compactSources(file);
        },
      },
    ],
    { addSources: [source], snapshotIfEmpty: source.date.slice(0, 10) },
  );
}

export function cachePrice(r: PriceRow, src: number): CachePrice {
  return {
    unit: r.unit,
    usd: r.usd,
    ...(r.start !== undefined ? { start: r.start } : {}),
    ...(r.end !== undefined ? { end: r.end } : {}),
    src,
    ...(r.rateCode ? { rateCode: r.rateCode } : {}),
  };
}

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Drops sources no product refers to any more, renumbering the references. */
function compactSources(file: CacheFile): CacheFile {
  const used = [...new Set(file.products.flatMap((p) => p.prices.map((r) => r.src)))].sort((a, b) => a - b);
  const index = new Map(used.map((old, i) => [old, i]));
  return {
    ...file,
    sources: used.map((i) => file.sources[i]),
    products: file.products.map((p) => ({ ...p, prices: p.prices.map((r) => ({ ...r, src: index.get(r.src) ?? 0 })) })),
  };
}

function toPrice(rows: PriceRow[], source: CacheSource): Price {
  return {
    unit: rows[0].unit,
    tiers: rows.map((r) => ({
      start: r.start ? Decimal.parse(r.start) : Decimal.ZERO,
      end: r.end ? Decimal.parse(r.end) : undefined,
      usd: Decimal.parse(r.usd),
      provenance: { kind: source.kind, source: source.source, date: source.date, ...(r.rateCode ? { rateCode: r.rateCode } : {}) },
    })),
  };
}
