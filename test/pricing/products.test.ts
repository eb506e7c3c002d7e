import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheFile, CacheProduct } from '../../src/pricing/cache/format.js';
import { ProductTable } from '../../src/pricing/cache/products.js';
import { serializeCacheFile } from '../../src/pricing/cache/writer.js';
import { Rng } from '../support/generate.js';
import { repoRoot } from '../support/repo.js';

/** What a full parse and a filter answer: the reference the indexed table must agree with. */
function matching(products: CacheProduct[], wanted: Record<string, string>): CacheProduct[] {
  return products.filter((p) => Object.entries(wanted).every(([k, v]) => p.attributes[k] === v));
}

function candidatesMatching(table: ProductTable, wanted: Record<string, string>, rank?: (name: string) => number): CacheProduct[] {
  return matching(table.candidates(wanted, rank), wanted);
}

const file = (products: CacheProduct[]): CacheFile => ({
  format: 1,
  service: 'AmazonEC2',
  region: 'us-east-1',
  sources: [{ kind: 'snapshot', source: 'test', date: '2026-01-01' }],
  products,
});

const p = (attributes: Record<string, string>, usd = '1', family?: string): CacheProduct => ({
  ...(family ? { family } : {}),
  attributes,
  prices: [{ unit: 'Hrs', usd, src: 0 }],
});

describe('ProductTable', () => {
  it('reads the head and finds products by any combination of attributes', () => {
    const products = [
      p({ instanceType: 'm5.large', operatingSystem: 'Linux', tenancy: 'Shared' }, '0.096', 'Compute Instance'),
      p({ instanceType: 'm5.large', operatingSystem: 'Windows', tenancy: 'Shared' }, '0.188', 'Compute Instance'),
      p({ instanceType: 'm5.xlarge', operatingSystem: 'Linux', tenancy: 'Shared' }, '0.192', 'Compute Instance'),
      p({ volumeApiName: 'gp3' }, '0.08', 'Storage'),
      p({}, '5'),
    ];
    const { head, products: table } = ProductTable.fromText(serializeCacheFile(file(products)), (line) => JSON.parse(line) as CacheProduct);
    expect(head).toMatchObject({ format: 1, service: 'AmazonEC2', region: 'us-east-1', sources: [{ source: 'test' }] });
    expect(table.size).toBe(5);
    const queries: Record<string, string>[] = [
      { instanceType: 'm5.large' },
      { instanceType: 'm5.large', operatingSystem: 'Windows' },
      { operatingSystem: 'Linux', tenancy: 'Shared' },
      { volumeApiName: 'gp3' },
      { volumeApiName: 'gp2' },
      { instanceType: 'm5.large', volumeApiName: 'gp3' },
      {},
    ];
    for (const wanted of queries) {
      expect(candidatesMatching(table, wanted)).toEqual(matching(products, wanted));
    }
  });

  it('never mistakes a price field or a value for an attribute key', () => {
    // "unit" is a price field: a query naming it must still be answered correctly (not indexed).
    const products = [p({ unit: 'Hrs', usagetype: 'unit' }, '1'), p({ usagetype: 'Hrs' }, '2'), p({ label: 'usagetype' }, '3')];
    const { products: table } = ProductTable.fromText(serializeCacheFile(file(products)), (line) => JSON.parse(line) as CacheProduct);
    expect(candidatesMatching(table, { unit: 'Hrs' })).toEqual([products[0]]);
    expect(candidatesMatching(table, { usagetype: 'Hrs' })).toEqual([products[1]]);
    expect(candidatesMatching(table, { usagetype: 'unit' })).toEqual([products[0]]);
    expect(candidatesMatching(table, { usagetype: 'x' })).toEqual([]);
    expect(candidatesMatching(table, { label: 'usagetype' })).toEqual([products[2]]);
  });

  it('parses a file with escapes whole, with the same answers', () => {
    const products = [p({ description: 'say "hi"', instanceType: 'a' }, '1'), p({ description: 'x', instanceType: 'b' }, '2')];
    const text = serializeCacheFile(file(products));
    expect(text).toContain('\\"');
    const { head, products: table } = ProductTable.fromText(text, (line) => JSON.parse(line) as CacheProduct);
    expect(head).toMatchObject({ service: 'AmazonEC2' });
    expect(candidatesMatching(table, { instanceType: 'b' })).toEqual([products[1]]);
    expect(candidatesMatching(table, { description: 'say "hi"' })).toEqual([products[0]]);
  });

  it('agrees with a full parse on shipped files, for random queries in any attribute order', () => {
    const rng = new Rng(8);
    const dir = join(repoRoot(), 'pricing-cache', 'aws');
    for (const service of ['AmazonEC2', 'AmazonRDS', 'AmazonS3', 'AWSELB']) {
      for (const name of readdirSync(join(dir, service)).filter((f) => /^(us-east-1|eu-west-1|ap-southeast-2)\.json$/.test(f))) {
        const text = readFileSync(join(dir, service, name), 'utf8');
        const all = (JSON.parse(text) as CacheFile).products;
        const { products: table } = ProductTable.fromText(text, (line) => JSON.parse(line) as CacheProduct);
        expect(table.size).toBe(all.length);
        for (let i = 0; i < 40; i++) {
          // A query made of some attributes of a real product, and now and then a value that is nowhere.
          const attrs = Object.entries(rng.pick(all).attributes);
          const wanted = Object.fromEntries(rng.shuffle(attrs).slice(0, rng.int(1, Math.min(3, attrs.length))));
          if (rng.bool(0.1)) wanted[Object.keys(wanted)[0]] = 'no-such-value';
          // Any order of trying the attributes gives the same answer.
          const order = new Map(rng.shuffle(Object.keys(wanted)).map((k, j) => [k, j]));
          const rank = (n: string) => order.get(n) ?? 0;
          expect(candidatesMatching(table, wanted, rank)).toEqual(matching(all, wanted));
        }
      }
    }
  });
});
