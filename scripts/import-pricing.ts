/**
 * Builds pricing-cache/ from the AWS list-price datasets in shared/pricing-sources, and the
 * further feed extracts kept in scripts/import-pricing/feeds/.
 *
 *   npm run import-pricing -- [--from DIR] [--out DIR]
 *
 * Re-runnable and deterministic: the same inputs give byte-identical files. Every price keeps the
 * dataset it came from and that dataset's date; nothing is computed, rounded or filled in here.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheFile, CachePrice, CacheProduct, CacheSource } from '../src/pricing/cache/format.js';
import { CACHE_FORMAT } from '../src/pricing/cache/format.js';
import { writeCache } from '../src/pricing/cache/writer.js';
import { parseCsv } from './import-pricing/csv.js';
import { DATASETS, SKIPPED_FILES, type ImportRow } from './import-pricing/mappings.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
}

const from = argValue('--from', resolve(repoRoot, '..', 'shared', 'pricing-sources'));
/** Datasets extracted from further public AWS feeds, kept in the repository (see its README). */
const feeds = join(repoRoot, 'scripts', 'import-pricing', 'feeds');
const out = argValue('--out', join(repoRoot, 'pricing-cache'));

function githubSource(source: string): string {
  return source;
}

interface Bucket {
  service: string;
  region: string;
  products: Map<string, CacheProduct>;
  sources: Map<string, number>;
  sourceList: CacheSource[];
}

function main(): void {
  if (!existsSync(from)) {
    console.error(`import-pricing: no datasets at ${from} (pass --from DIR)`);
    process.exit(1);
  }
  const handled = new Set([...DATASETS.filter((d) => !d.bundled).map((d) => d.file), ...SKIPPED_FILES]);
  const unknown = readdirSync(from).filter((f) => f.endsWith('.csv') && !handled.has(f));
  if (unknown.length) console.warn(`import-pricing: not imported (no mapping yet): ${unknown.join(', ')}`);

  const buckets = new Map<string, Bucket>();
  const allSources = new Map<string, CacheSource>();
  let rowsRead = 0;
  let conflicts = 0;

  for (const dataset of DATASETS) {
    const rows = parseCsv(readFileSync(join(dataset.bundled ? feeds : from, dataset.file), 'utf8'));
    for (const csvRow of rows) {
      rowsRead++;
      const row = dataset.rows(csvRow);
      if (!row) continue;
      if (!/^\d+(\.\d+)?$/.test(row.usd)) throw new Error(`${dataset.file}: bad price ${row.usd}`);
      conflicts += add(buckets, allSources, row, dataset.file);
    }
  }

  const files: CacheFile[] = [...buckets.values()]
    .sort((a, b) => (a.service + a.region).localeCompare(b.service + b.region))
    .map((b) => ({
      format: CACHE_FORMAT,
      service: b.service,
      region: b.region,
      sources: b.sourceList,
      products: [...b.products.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, p]) => p),
    }));

  const sources = [...allSources.values()].sort((a, b) => a.source.localeCompare(b.source));
  const snapshot = sources.map((s) => s.date).sort().at(-1) ?? '';
  rmSync(join(out, 'aws'), { recursive: true, force: true });
  const manifest = writeCache(out, files, { snapshot, sources, replaceAll: true });
  const products = files.reduce((n, f) => n + f.products.length, 0);
  console.log(
    `import-pricing: ${rowsRead} rows → ${products} products in ${Object.keys(manifest.files).length} files; snapshot ${snapshot}; ${conflicts} conflicting duplicates dropped`,
  );
}

/** Adds a row; returns 1 if it conflicted with an earlier row for the same product and tier. */
function add(buckets: Map<string, Bucket>, allSources: Map<string, CacheSource>, row: ImportRow, file: string): number {
  const bucketKey = `${row.service}/${row.region}`;
  let bucket = buckets.get(bucketKey);
  if (!bucket) {
    bucket = { service: row.service, region: row.region, products: new Map(), sources: new Map(), sourceList: [] };
    buckets.set(bucketKey, bucket);
  }
  const source: CacheSource = { kind: 'snapshot', source: githubSource(row.source), date: row.date };
  const sourceKey = `${source.source}@${source.date}`;
  allSources.set(sourceKey, source);
  let src = bucket.sources.get(sourceKey);
  if (src === undefined) {
    src = bucket.sourceList.length;
    bucket.sourceList.push(source);
    bucket.sources.set(sourceKey, src);
  }
  const attributes = Object.fromEntries(Object.entries(row.attributes).sort(([a], [b]) => a.localeCompare(b)));
  const productKey = JSON.stringify([row.family ?? '', attributes]);
  let product = bucket.products.get(productKey);
  if (!product) {
    product = { ...(row.family ? { family: row.family } : {}), attributes, prices: [] };
    bucket.products.set(productKey, product);
  }
  const price: CachePrice = {
    unit: row.unit,
    usd: row.usd,
    ...(row.start && row.start !== '0' ? { start: row.start } : {}),
    ...(row.end ? { end: row.end } : {}),
    src,
    ...(row.rateCode ? { rateCode: row.rateCode } : {}),
  };
  const same = product.prices.find((p) => p.unit === price.unit && (p.start ?? '0') === (price.start ?? '0'));
  if (same) {
    if (same.usd !== price.usd) {
      console.warn(`import-pricing: ${file}: ${bucketKey} ${productKey} has ${same.usd} and ${price.usd}; keeping the first`);
      return 1;
    }
    return 0;
  }
  product.prices.push(price);
  product.prices.sort((a, b) => Number(a.start ?? 0) - Number(b.start ?? 0));
  return 0;
}

main();
