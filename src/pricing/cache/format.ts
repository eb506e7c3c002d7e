/**
 * On-disk format of `pricing-cache/` (format 1). One JSON file per Price List service and region,
 * `aws/<ServiceCode>/<region>.json`, so a run reads only the files its resources need; a
 * manifest lists every file with its SHA-256 so a corrupted or hand-edited file is caught.
 * The importer (`scripts/import-pricing.ts`) and `costdiff pricing refresh` both write this format.
 */

export const CACHE_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';

/** A source a file's prices came from; products refer to it by index to keep files small. */
export interface CacheSource {
  kind: 'snapshot' | 'price-list-api';
  /** repo@commit:path for imported datasets, the endpoint for the API. */
  source: string;
  /** Source publication/effective date (YYYY-MM-DD), or the fetch time (ISO) for the API. */
  date: string;
}

export interface CachePrice {
  /** Price List unit (Hrs, GB-Mo, …). */
  unit: string;
  /** USD per unit, as a decimal string exactly as published. */
  usd: string;
  /** Tier bounds in units, decimal strings; absent `start` = 0, absent `end` = unbounded. */
  start?: string;
  end?: string;
  /** Index into the file's `sources`. */
  src: number;
  rateCode?: string;
}

export interface CacheProduct {
  family?: string;
  /** Price List product attributes (instanceType, volumeApiName, …) that identify the product. */
  attributes: Record<string, string>;
  /** On-demand price dimensions of the product. */
  prices: CachePrice[];
}

export interface CacheFile {
  format: number;
  service: string;
  region: string;
  sources: CacheSource[];
  products: CacheProduct[];
}

export interface ManifestEntry {
  sha256: string;
  products: number;
}

export interface Manifest {
  format: number;
  /** The snapshot's date: the newest source date among shipped prices. */
  snapshot: string;
  /** Every dataset the snapshot was imported from, with its date. */
  sources: CacheSource[];
  /** Relative path (aws/<Service>/<region>.json) → checksum and size. */
  files: Record<string, ManifestEntry>;
}

export function cacheFilePath(service: string, region: string): string {
  return `aws/${service}/${region}.json`;
}
