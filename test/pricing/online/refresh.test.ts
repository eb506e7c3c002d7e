import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, UserError } from '../../../src/core/errors.js';
import { CACHE_FORMAT } from '../../../src/pricing/cache/format.js';
import { PricingCache } from '../../../src/pricing/cache/reader.js';
import { verifyCache } from '../../../src/pricing/cache/verify.js';
import { writeCache } from '../../../src/pricing/cache/writer.js';
import { PRICED_SERVICES, refreshCache, type RefreshOptions } from '../../../src/pricing/online/refresh.js';
import { dataTransfer, ec2InstanceHours } from '../../../src/resources/aws/shared/prices.js';
import { startPriceListServer, type PriceListServer } from '../../support/price-list-server.js';
import { awsTestEnv, useEnv } from './aws-env.js';

let server: PriceListServer;
let restore: () => void;

beforeEach(async () => {
  server = await startPriceListServer({ pageSize: 2 });
  restore = useEnv(awsTestEnv(server.url));
});

afterEach(async () => {
  restore();
  await server.close();
});

const tempCache = (): string => mkdtempSync(join(tmpdir(), 'costdiff-refresh-'));

function options(cacheDir: string, more: Partial<RefreshOptions> = {}): RefreshOptions & { lines: string[]; written: string[] } {
  const lines: string[] = [];
  const written: string[] = [];
  return { cacheDir, regions: [], services: [], log: (l) => lines.push(l), progress: false, write: (t) => written.push(t), lines, written, ...more };
}

async function failure(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected the refresh to fail');
}

describe('pricing refresh', () => {
  it('fetches every product of a service and region, page by page, into a complete cache file', async () => {
    // A directory that does not exist yet is created.
    const dir = join(tempCache(), 'new', 'cache');
    const o = options(dir, { regions: ['eu-south-1'], services: ['AWSDataTransfer'] });
    const summary = await refreshCache(o);
    const expected = server.items.filter((i) => i.serviceCode === 'AWSDataTransfer' && i.product.attributes.fromRegionCode === 'eu-south-1').length;
    expect(expected).toBeGreaterThan(2);
    expect(summary).toEqual({ files: 1, products: expected, empty: [] });
    // Two per page: NextToken is followed until the last page.
    expect(server.requests.map((r) => r.returned)).toEqual([2, expected - 2]);
    expect(server.requests[1].body.NextToken).toEqual(expect.any(String));
    expect(server.requests[0].body.Filters).toEqual([
      { Type: 'TERM_MATCH', Field: 'ServiceCode', Value: 'AWSDataTransfer' },
      { Type: 'TERM_MATCH', Field: 'fromRegionCode', Value: 'eu-south-1' },
    ]);
    expect(o.lines).toEqual([`AWSDataTransfer eu-south-1: ${expected} products`]);
    expect(verifyCache(dir).problems).toEqual([]);

    // The file answers the queries the resources ask, offline, with the API's provenance.
    const cache = new PricingCache(dir);
    const egress = await cache.lookup(dataTransfer('eu-south-1', { transferType: 'AWS Outbound', toLocation: 'External' }));
    expect(egress.found && egress.price.tiers.length).toBe(5);
    const toFrankfurt = await cache.lookup(dataTransfer('eu-south-1', { transferType: 'InterRegion Outbound', toRegionCode: 'eu-central-1' }));
    expect(toFrankfurt.found && toFrankfurt.price.tiers[0].provenance).toMatchObject({ kind: 'price-list-api', source: `AWS Price List API (GetProducts) at ${server.url}` });
    expect(cache.manifest?.snapshot).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('asks EC2 only for the product families costdiff prices, and keeps what the resources query', async () => {
    const dir = tempCache();
    await refreshCache(options(dir, { regions: ['eu-south-2'], services: ['AmazonEC2'] }));
    const families = new Set(server.requests.map((r) => r.body.Filters!.find((f) => f.Field === 'productFamily')?.Value));
    expect([...families].sort()).toEqual(
      ['CPU Credits', 'Compute Instance', 'Compute Instance (bare metal)', 'NAT Gateway', 'Provisioned Throughput', 'Storage', 'Storage Snapshot', 'System Operation'].sort(),
    );
    const file = JSON.parse(readFileSync(join(dir, 'aws/AmazonEC2/eu-south-2.json'), 'utf8'));
    expect(file.products).toEqual([
      expect.objectContaining({
        family: 'Compute Instance',
        attributes: { capacitystatus: 'Used', instanceType: 'm5.large', operatingSystem: 'Linux', preInstalledSw: 'NA', tenancy: 'Shared', usagetype: 'BoxUsage:m5.large' },
      }),
    ]);
    expect((await new PricingCache(dir).lookup(ec2InstanceHours('eu-south-2', 'm5.large'))).found).toBe(true);
  });

  it('refreshes the regions the cache already has when none are named, and keeps its snapshot date', async () => {
    const dir = tempCache();
    writeCache(dir, [{ format: CACHE_FORMAT, service: 'AmazonEC2', region: 'eu-west-1', sources: [], products: [] }], { snapshot: '2026-07-20' });
    await refreshCache(options(dir, { services: ['AmazonEC2'] }));
    const regions = new Set(server.requests.map((r) => r.body.Filters!.find((f) => f.Field === 'regionCode')?.Value));
    expect([...regions]).toEqual(['eu-west-1']);
    const cache = new PricingCache(dir);
    expect(cache.manifest?.snapshot).toBe('2026-07-20');
    expect((await cache.lookup(ec2InstanceHours('eu-west-1', 'm5.large'))).found).toBe(true);
  });

  it('asks for --region when the cache is empty', async () => {
    const err = await failure(refreshCache(options(tempCache())));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/has no regions yet; name the regions to fetch with --region/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects an unknown region before calling AWS', async () => {
    const err = await failure(refreshCache(options(tempCache(), { regions: ['eu-sooth-2'] })));
    expect(err.message).toBe('--region: unknown AWS region "eu-sooth-2"');
    expect(server.requests).toHaveLength(0);
  });

  it('defaults to every service costdiff prices', async () => {
    const dir = tempCache();
    await refreshCache(options(dir, { regions: ['eu-south-2'] }));
    const services = [...new Set(server.requests.map((r) => r.body.ServiceCode))];
    expect(services.sort()).toEqual([...PRICED_SERVICES].sort());
  });

  it('leaves a file alone when the Price List has nothing for it, and fails when nothing was found at all', async () => {
    const dir = tempCache();
    const o = options(dir, { regions: ['eu-south-2', 'eu-south-1'], services: ['AWSDataTransfer'] });
    const summary = await refreshCache(o);
    expect(summary.empty).toEqual(['AWSDataTransfer/eu-south-2']);
    expect(o.lines[0]).toBe('AWSDataTransfer eu-south-2: the AWS Price List has no products here; cache file left as it was');
    const err = await failure(refreshCache(options(dir, { regions: ['ap-southeast-6'], services: ['AWSDataTransfer'] })));
    expect(err.message).toBe('the AWS Price List returned no products for AWSDataTransfer/ap-southeast-6');
  });

  it('shows one progress line that updates in place on a terminal', async () => {
    const o = options(tempCache(), { regions: ['eu-south-1'], services: ['AWSDataTransfer'], progress: true });
    await refreshCache(o);
    expect(o.lines).toEqual([]);
    const text = o.written.join('');
    expect(text.startsWith('\r')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    expect(o.written.length).toBeGreaterThan(2);
    expect(text).toContain('AWSDataTransfer eu-south-1: 4 products');
  });

  it('stops with the API error and writes nothing', async () => {
    const dir = tempCache();
    server.always = 'access-denied';
    const o = options(dir, { regions: ['eu-south-1'], services: ['AWSDataTransfer'], progress: true });
    const err = await failure(refreshCache(o));
    expect(err.message).toBe('access denied to pricing:GetProducts (the credentials need the pricing:GetProducts permission)');
    expect(new PricingCache(dir).manifest).toBeUndefined();
    // The progress line is ended, so the error starts on a line of its own.
    expect(o.written.join('').endsWith('\n')).toBe(true);
  });
});
