import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from '../../core/decimal.js';
import { UserError } from '../../core/errors.js';
import type { Price, PriceQuery, PriceResult, PriceSource, PriceTier } from '../types.js';
import { queryKey } from '../types.js';
import {
  CACHE_FORMAT,
  MANIFEST_FILE,
  cacheFilePath,
  type CacheFile,
  type CacheProduct,
  type Manifest,
} from './format.js';
import { ProductTable } from './products.js';

/** A cache file as the reader holds it: its head parsed, its products parsed on demand. */
interface LoadedFile {
  sources: CacheFile['sources'];
  products: ProductTable;
}

/** Raised when a cache file does not match the manifest's checksum: never price from it. */
export class CacheIntegrityError extends UserError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'CacheIntegrityError';
  }
}

export function readManifest(dir: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read pricing cache manifest ${join(dir, MANIFEST_FILE)}: ${(err as Error).message}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new CacheIntegrityError(`pricing cache manifest ${join(dir, MANIFEST_FILE)} is not valid JSON`);
  }
  if (manifest?.format !== CACHE_FORMAT || typeof manifest.files !== 'object' || manifest.files === null) {
    throw new CacheIntegrityError(`pricing cache manifest ${join(dir, MANIFEST_FILE)} has an unsupported format`);
  }
  return manifest;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Answers `PriceQuery`s from a pricing-cache directory. Files are read lazily, once each, and
 * checked against the manifest before use; lookups are memoised because a plan with many
 * resources asks the same few questions over and over.
 */
export class PricingCache implements PriceSource {
  readonly dir: string;
  private manifestLoaded = false;
  private manifestValue: Manifest | undefined;
  private readonly files = new Map<string, LoadedFile | null>();
  private readonly memo = new Map<string, PriceResult>();

  constructor(dir: string) {
    this.dir = dir;
  }

  get manifest(): Manifest | undefined {
    if (!this.manifestLoaded) {
      this.manifestValue = readManifest(this.dir);
      this.manifestLoaded = true;
    }
    return this.manifestValue;
  }

  /** Forget what was read, after a refresh rewrote files. */
  invalidate(): void {
    this.manifestLoaded = false;
    this.files.clear();
    this.memo.clear();
  }

  hasFile(service: string, region: string): boolean {
    return this.file(service, region) !== null;
  }

  async lookup(query: PriceQuery): Promise<PriceResult> {
    return this.lookupSync(query);
  }

  lookupSync(query: PriceQuery): PriceResult {
    const key = queryKey(query);
    const hit = this.memo.get(key);
    if (hit) return hit;
    const result = this.resolve(query);
    this.memo.set(key, result);
    return result;
  }

  private resolve(query: PriceQuery): PriceResult {
    const file = this.file(query.service, query.region);
    if (!file) {
      // Location-less products (CloudFront, Route 53 zones) are fetched on demand, not by region.
      const fix = query.region === 'global' ? 'run with --online and AWS credentials' : `run \`costdiff pricing refresh --region ${query.region}\` with AWS credentials`;
      return { found: false, reason: `not in pricing cache for ${query.region} (${query.service}); ${fix}` };
    }
    const matches = file.products.candidates(query.attributes, (name) => this.spread(query.service, name)).filter((p) => productMatches(p, query));
    this.learnSpread(query.service, file.products, query.attributes);
    const prices = matches
      .map((p) => toPrice(file, p, query.unit))
      .filter((p): p is Price => p !== undefined);
    if (prices.length === 0) {
      return { found: false, reason: `no ${describeWanted(query)} price in the pricing cache for ${query.region}` };
    }
    const [first] = prices;
    // Feeds sometimes list one price under two keys (gp2 as "General Purpose" and "gp2");
    // identical answers are one answer, different ones mean the query is not specific enough.
    if (prices.some((p) => !samePrice(p, first))) {
      return { found: false, reason: `ambiguous: ${prices.length} different ${describeWanted(query)} prices in ${query.region}` };
    }
    return { found: true, price: first };
  }

  /**
   * How many products share one value of an attribute, learned per service from the files read
   * so far (a service's regional files have the same shape). Unknown names rank first, so each
   * is measured once.
   */
  private readonly spreads = new Map<string, Map<string, number>>();

  private spread(service: string, name: string): number {
    return this.spreads.get(service)?.get(name) ?? 0;
  }

  private learnSpread(service: string, products: ProductTable, attributes: Record<string, string>): void {
    let known = this.spreads.get(service);
    if (!known) this.spreads.set(service, (known = new Map()));
    for (const name in attributes) {
      if (known.has(name)) continue;
      const spread = products.spread(name);
      if (spread !== undefined) known.set(name, spread);
    }
  }

  private file(service: string, region: string): LoadedFile | null {
    const rel = cacheFilePath(service, region);
    const known = this.files.get(rel);
    if (known !== undefined) return known;
    const loaded = this.load(rel);
    this.files.set(rel, loaded);
    return loaded;
  }

  private load(rel: string): LoadedFile | null {
    const manifest = this.manifest;
    const entry = manifest?.files[rel];
    if (!entry) return null;
    const path = join(this.dir, rel);
    let bytes: Buffer;
    try {
      // Bytes first: the checksum is over the file's bytes, and hashing the decoded string
      // would encode 11 MB of text back to UTF-8 just to hash it.
      bytes = readFileSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new CacheIntegrityError(`pricing cache file ${path} is listed in the manifest but missing; run \`costdiff pricing verify\``);
      }
      throw new UserError(`cannot read pricing cache file ${path}: ${(err as Error).message}`);
    }
    if (sha256(bytes) !== entry.sha256) {
      throw new CacheIntegrityError(
        `pricing cache file ${path} does not match its checksum in ${MANIFEST_FILE} (corrupted or edited by hand); restore it or run \`costdiff pricing refresh\``,
      );
    }
    const notACacheFile = () => new CacheIntegrityError(`pricing cache file ${path} is not a format-${CACHE_FORMAT} cache file`);
    try {
      const { head, products } = ProductTable.fromText(bytes.toString('utf8'), (line) => {
        let product: Partial<CacheProduct> | null;
        try {
          product = JSON.parse(line) as Partial<CacheProduct> | null;
        } catch {
          throw notACacheFile();
        }
        // Parsed at lookup time, so checked here: a product must have attributes and prices.
        if (typeof product?.attributes !== 'object' || product.attributes === null || !Array.isArray(product.prices)) throw notACacheFile();
        return product as CacheProduct;
      });
      const file = head as Partial<CacheFile> | null;
      if (file?.format !== CACHE_FORMAT || !Array.isArray(file.sources)) throw new Error('format');
      return { sources: file.sources, products };
    } catch (err) {
      if (err instanceof CacheIntegrityError) throw err;
      throw notACacheFile();
    }
  }
}

function productMatches(p: CacheProduct, q: PriceQuery): boolean {
  if (q.productFamily !== undefined && p.family !== q.productFamily) return false;
  for (const k in q.attributes) {
    if (p.attributes[k] !== q.attributes[k]) return false;
  }
  return true;
}

function toPrice(file: LoadedFile, p: CacheProduct, unit: string | undefined): Price | undefined {
  const rows = unit === undefined ? p.prices : p.prices.filter((r) => r.unit === unit);
  if (rows.length === 0) return undefined;
  const units = new Set(rows.map((r) => r.unit));
  if (units.size > 1) return undefined;
  const tiers: PriceTier[] = rows
    .map((r) => {
      const src = file.sources[r.src];
      return {
        start: r.start ? Decimal.parse(r.start) : Decimal.ZERO,
        end: r.end ? Decimal.parse(r.end) : undefined,
        usd: Decimal.parse(r.usd),
        provenance: {
          kind: src?.kind ?? 'snapshot',
          source: src?.source ?? 'unknown',
          date: src?.date ?? 'unknown',
          ...(r.rateCode ? { rateCode: r.rateCode } : {}),
        },
      };
    })
    .sort((a, b) => a.start.cmp(b.start));
  return { unit: rows[0].unit, tiers };
}

function samePrice(a: Price, b: Price): boolean {
  if (a.unit !== b.unit || a.tiers.length !== b.tiers.length) return false;
  return a.tiers.every((t, i) => {
    const o = b.tiers[i];
    return t.usd.eq(o.usd) && t.start.eq(o.start) && (t.end === undefined ? o.end === undefined : o.end !== undefined && t.end.eq(o.end));
  });
}

function describeWanted(q: PriceQuery): string {
  const attrs = Object.entries(q.attributes)
    .filter(([k]) => k !== 'usagetype')
    .map(([, v]) => v)
    .join(' ');
  return [q.productFamily, attrs].filter(Boolean).join(' ') || q.service;
}
