import { UsageError, UserError } from '../../core/errors.js';
import { isKnownRegion } from '../../core/regions.js';
import { CACHE_FORMAT, type CacheFile, type CacheProduct } from '../cache/format.js';
import { readManifest } from '../cache/reader.js';
import { writeCache } from '../cache/writer.js';
import { createPriceListClient, type Filter, type PriceListClient } from './client.js';
import { apiSource, cachePrice } from './index.js';
import { parsePriceListItem, samePrices } from './parse.js';
import { PRICED_SERVICES, cacheAttributes, refreshSlices, regionField } from './services.js';

export { PRICED_SERVICES } from './services.js';

export interface RefreshOptions {
  cacheDir: string;
  /** Regions to fetch; empty = the regions the cache already has. */
  regions: string[];
  /** Price List service codes; empty = PRICED_SERVICES. */
  services: string[];
  log: (line: string) => void;
  /** One progress line rewritten in place (a terminal); otherwise one line per file. */
  progress: boolean;
  /** Where the progress line goes; stderr by default. */
  write?: (text: string) => void;
  /** A ready client; by default one is built from the AWS environment. */
  client?: PriceListClient;
}

export interface RefreshSummary {
  files: number;
  products: number;
  /** service/region pairs the Price List had no products for (their files are left as they were). */
  empty: string[];
}

/**
 * Fetches complete cache files from the Price List: every product of each service and region
 * (restricted to the product families costdiff prices for the big services), one file at a time,
 * so an interrupted refresh keeps what it finished.
 */
export async function refreshCache(options: RefreshOptions): Promise<RefreshSummary> {
  const services = unique(options.services.length ? options.services : PRICED_SERVICES);
  for (const s of services) {
    if (!/^[A-Za-z0-9]+$/.test(s)) throw new UsageError(`--service "${s}" is not a Price List service code (like AmazonEC2)`);
  }
  const regions = unique(options.regions.length ? options.regions : cachedRegions(options.cacheDir));
  for (const r of regions) {
    if (r === 'global') throw new UsageError('--region global: refresh fetches products per region; location-less (global) products are not refreshed');
    if (!isKnownRegion(r)) throw new UsageError(`--region: unknown AWS region "${r}"`);
  }
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const client = options.client ?? (await createPriceListClient());
  const summary: RefreshSummary = { files: 0, products: 0, empty: [] };
  const total = services.length * regions.length;
  let done = 0;
  let lineOpen = false;
  const show = (text: string): void => {
    if (!options.progress) return;
    write(`\r${text}\x1b[K`);
    lineOpen = true;
  };
  try {
    for (const service of services) {
      for (const region of regions) {
        const label = `${service} ${region}`;
        const step = `[${done + 1}/${total}]`;
        show(`refreshing ${step} ${label}`);
        const file = await fetchFile(client, service, region, (n) => show(`refreshing ${step} ${label}: ${plural(n, 'product')}`));
        done++;
        if (file.products.length === 0) {
          summary.empty.push(`${service}/${region}`);
          if (lineOpen) write('\n');
          lineOpen = false;
          options.log(`${label}: the AWS Price List has no products here; cache file left as it was`);
          continue;
        }
        writeCache(options.cacheDir, [file], { addSources: file.sources, snapshotIfEmpty: file.sources[0].date.slice(0, 10) });
        summary.files++;
        summary.products += file.products.length;
        if (options.progress) show(`refreshed ${done}/${total} ${label}: ${plural(file.products.length, 'product')}`);
        else options.log(`${label}: ${plural(file.products.length, 'product')}`);
      }
    }
  } finally {
    if (lineOpen) write('\n');
    if (!options.client) client.destroy();
  }
  if (summary.files === 0) throw new UserError(`the AWS Price List returned no products for ${summary.empty.join(', ')}`);
  return summary;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function cachedRegions(dir: string): string[] {
  const manifest = readManifest(dir);
  const regions = new Set<string>();
  for (const rel of Object.keys(manifest?.files ?? {})) {
    const m = /^aws\/[^/]+\/([^/]+)\.json$/.exec(rel);
    if (m && m[1] !== 'global') regions.add(m[1]);
  }
  if (regions.size === 0) {
    throw new UsageError(`the pricing cache ${dir} has no regions yet; name the regions to fetch with --region (e.g. --region us-east-1)`);
  }
  return [...regions].sort();
}

async function fetchFile(client: PriceListClient, service: string, region: string, onProgress: (count: number) => void): Promise<CacheFile> {
  const source = apiSource(client, new Date().toISOString());
  const field = regionField(service);
  const products = new Map<string, CacheProduct>();
  let fetched = 0;
  for (const slice of refreshSlices(service)) {
    const filters: Filter[] = [
      { field: 'ServiceCode', value: service },
      { field, value: region },
      ...Object.entries(slice.filters).map(([f, value]) => ({ field: f, value })),
    ];
    const base = fetched;
    const items = await client.getProducts(service, filters, { region }, (n) => onProgress(base + n));
    fetched += items.length;
    for (const text of items) {
      const p = parsePriceListItem(text);
      const a = p.attributes;
      if (p.problem || p.prices.length === 0) continue;
      if (a[field] !== region) continue;
      // Local Zones, Outposts and Wavelength are priced apart from their parent region.
      if ((a.locationType ?? a.fromLocationType ?? 'AWS Region') !== 'AWS Region') continue;
      if (slice.keep && !slice.keep(a)) continue;
      const attributes = cacheAttributes(a, region, slice.attributes);
      const product: CacheProduct = {
        ...(p.family !== undefined ? { family: p.family } : {}),
        attributes,
        prices: p.prices.map((r) => cachePrice(r, 0)),
      };
      const key = `${p.family ?? ''}\u0000${JSON.stringify(attributes)}`;
      const twin = products.get(key);
      if (twin && samePrices(twin.prices, p.prices)) continue;
      // Two products the cache cannot tell apart at different prices stay both: queries report ambiguity.
      products.set(twin ? `${key}\u0000${p.sku}` : key, product);
    }
  }
  const sorted = [...products.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  return { format: CACHE_FORMAT, service, region, sources: [source], products: sorted };
}
