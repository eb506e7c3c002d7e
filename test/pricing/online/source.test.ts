import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '../../../src/core/decimal.js';
import { UserError } from '../../../src/core/errors.js';
import { PricingCache } from '../../../src/pricing/cache/reader.js';
import { verifyCache } from '../../../src/pricing/cache/verify.js';
import { MAX_ATTEMPTS } from '../../../src/pricing/online/client.js';
import { createOnlineSource } from '../../../src/pricing/online/index.js';
import type { PriceQuery, PriceResult } from '../../../src/pricing/types.js';
import { dataTransfer, ec2InstanceHours } from '../../../src/resources/aws/shared/prices.js';
import { startPriceListServer, type PriceListServer } from '../../support/price-list-server.js';
import { TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY, awsTestEnv, useEnv } from './aws-env.js';

const m5EuSouth2 = ec2InstanceHours('eu-south-2', 'm5.large');
const egressEuSouth1 = dataTransfer('eu-south-1', { transferType: 'AWS Outbound', toLocation: 'External' });

let server: PriceListServer;
let restore: () => void;

beforeEach(async () => {
  server = await startPriceListServer();
  restore = useEnv(awsTestEnv(server.url));
});

afterEach(async () => {
  restore();
  await server.close();
});

const tempCache = (): string => mkdtempSync(join(tmpdir(), 'costdiff-online-'));

function online(dir = tempCache()): { dir: string; cache: PricingCache; lookup: (q: PriceQuery) => Promise<PriceResult> } {
  const cache = new PricingCache(dir);
  const source = createOnlineSource(cache, {});
  return { dir, cache, lookup: (q) => source.lookup(q) };
}

/** The USD strings the server's matching item publishes, to compare against without restating them. */
function publishedUsd(sku: string): string[] {
  const item = server.items.find((i) => i.product.sku === sku)!;
  const terms = item.terms.OnDemand as Record<string, { priceDimensions: Record<string, { beginRange: string; pricePerUnit: { USD: string } }> }>;
  return Object.values(terms)
    .flatMap((t) => Object.values(t.priceDimensions))
    .sort((a, b) => Decimal.parse(a.beginRange).cmp(Decimal.parse(b.beginRange)))
    .map((d) => d.pricePerUnit.USD);
}

async function rejection(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected the lookup to fail');
}

describe('online price source', () => {
  it('sends a signed AWS JSON 1.1 GetProducts to the AWS_ENDPOINT_URL_PRICING override', async () => {
    const { lookup } = online();
    const result = await lookup(m5EuSouth2);
    expect(result.found).toBe(true);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req.target).toBe('AWSPriceListService.GetProducts');
    expect(req.contentType).toBe('application/x-amz-json-1.1');
    expect(req.authorization).toContain(`Credential=${TEST_ACCESS_KEY_ID}/`);
    expect(req.authorization).toContain('/us-east-1/pricing/aws4_request');
    expect(req.body.ServiceCode).toBe('AmazonEC2');
    expect(req.body.FormatVersion).toBe('aws_v1');
    expect(req.body.Filters).toEqual(
      expect.arrayContaining([
        { Type: 'TERM_MATCH', Field: 'ServiceCode', Value: 'AmazonEC2' },
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-south-2' },
        { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Compute Instance' },
        { Type: 'TERM_MATCH', Field: 'instanceType', Value: 'm5.large' },
      ]),
    );
    if (!result.found) return;
    const [tier] = result.price.tiers;
    expect(tier.usd.eq(Decimal.parse(publishedUsd('FXEUS2M5LARGE001')[0]))).toBe(true);
    expect(tier.provenance).toMatchObject({ kind: 'price-list-api', source: `AWS Price List API (GetProducts) at ${server.url}`, rateCode: 'FXEUS2M5LARGE001.JRTCKXETXF.6YS6EN2CT7' });
    expect(Number.isNaN(Date.parse(tier.provenance.date))).toBe(false);
  });

  it('follows NextToken across pages', async () => {
    await server.close();
    server = await startPriceListServer({ pageSize: 1 });
    restore();
    restore = useEnv(awsTestEnv(server.url));
    const { lookup } = online();
    // Three inter-region products of eu-south-1 match; at one per page that is three requests.
    const q = dataTransfer('eu-south-1', { transferType: 'InterRegion Outbound' });
    const result = await lookup(q);
    expect(server.requests.map((r) => r.returned)).toEqual([1, 1, 1]);
    expect(server.requests[0].body.NextToken).toBeUndefined();
    expect(server.requests[1].body.NextToken).toEqual(expect.any(String));
    expect(server.requests[2].body.NextToken).not.toBe(server.requests[1].body.NextToken);
    // The three agree on one price, so the answer is that price.
    expect(result.found).toBe(true);
  });

  it('keeps the tiers of a tiered price', async () => {
    const { lookup } = online();
    const result = await lookup(egressEuSouth1);
    expect(result.found).toBe(true);
    if (!result.found) return;
    const published = publishedUsd('FXEUS1DTOUT00001');
    expect(result.price.tiers.map((t) => t.usd.toString())).toEqual(published.map((u) => Decimal.parse(u).toString()));
    expect(result.price.tiers[0].start.isZero()).toBe(true);
    expect(result.price.tiers.at(-1)!.end).toBeUndefined();
    for (let i = 1; i < result.price.tiers.length; i++) {
      expect(result.price.tiers[i].start.eq(result.price.tiers[i - 1].end!)).toBe(true);
    }
  });

  it('matches usagetype on the suffix and does not send it to the server', async () => {
    const { lookup } = online();
    const inEuWest1 = await lookup({ service: 'AmazonEC2', region: 'eu-west-1', attributes: { usagetype: 'BoxUsage:m5.large' } });
    const inUsEast1 = await lookup({ service: 'AmazonEC2', region: 'us-east-1', attributes: { usagetype: 'BoxUsage:m5.large' } });
    expect(inEuWest1.found && inEuWest1.price.tiers[0].provenance.rateCode).toBe('FXEUW1M5LARGE001.JRTCKXETXF.6YS6EN2CT7');
    expect(inUsEast1.found && inUsEast1.price.tiers[0].provenance.rateCode).toBe('6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7');
    for (const req of server.requests) expect(req.body.Filters!.map((f) => f.Field)).not.toContain('usagetype');
    const wrong = await lookup({ service: 'AmazonEC2', region: 'eu-west-1', attributes: { usagetype: 'Usage:m5.large' } });
    expect(wrong.found).toBe(false);
  });

  it('reports what the Price List does not have as unpriced with a reason', async () => {
    const { lookup } = online();
    const result = await lookup(ec2InstanceHours('eu-south-2', 'm5.24xlarge'));
    expect(result).toEqual({ found: false, reason: expect.stringMatching(/^the AWS Price List has no Compute Instance m5\.24xlarge .* price in eu-south-2$/) });
  });

  it('writes what it learns back to the cache, so the next lookup needs no request', async () => {
    const first = online();
    await first.lookup(m5EuSouth2);
    await first.lookup(egressEuSouth1);
    expect(server.requests).toHaveLength(2);
    // Checksums match the manifest and no temporary files are left behind.
    expect(verifyCache(first.dir)).toEqual({ checked: 2, problems: [] });
    const leftovers = readdirSync(join(first.dir, 'aws'), { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    expect(readdirSync(first.dir).filter((f) => f !== 'aws' && f !== 'manifest.json')).toEqual([]);

    // The same source answers again from the cache.
    const again = await first.lookup(m5EuSouth2);
    expect(again.found).toBe(true);
    expect(server.requests).toHaveLength(2);

    // A new process (a new cache object) reads it offline, tiers and provenance included.
    const offline = new PricingCache(first.dir);
    const cached = await offline.lookup(egressEuSouth1);
    expect(cached.found).toBe(true);
    if (!cached.found) return;
    expect(cached.price.tiers.map((t) => t.usd.toString())).toEqual(publishedUsd('FXEUS1DTOUT00001').map((u) => Decimal.parse(u).toString()));
    expect(cached.price.tiers[0].provenance.kind).toBe('price-list-api');
    const manifest = JSON.parse(readFileSync(join(first.dir, 'manifest.json'), 'utf8'));
    expect(manifest.sources.map((s: { kind: string }) => s.kind)).toEqual(['price-list-api']);
    expect(server.requests).toHaveLength(2);
  });

  it('merges into the file as it is on disk, so a stale writer does not drop products', async () => {
    const dir = tempCache();
    const a = online(dir);
    const b = online(dir);
    // b looks at the (empty) cache first, then a writes, then b writes from its stale view.
    expect((await b.cache.lookup(m5EuSouth2)).found).toBe(false);
    await a.lookup(m5EuSouth2);
    await b.lookup({ service: 'AmazonEC2', region: 'eu-south-2', attributes: { usagetype: 'BoxUsage:m5.large' } });
    const file = JSON.parse(readFileSync(join(dir, 'aws/AmazonEC2/eu-south-2.json'), 'utf8'));
    expect(file.products).toHaveLength(2);
    const fresh = new PricingCache(dir);
    expect((await fresh.lookup(m5EuSouth2)).found).toBe(true);
  });

  it('retries throttling (HTTP 400 ThrottlingException) and then succeeds', async () => {
    server.faults.push('throttle');
    const { lookup } = online();
    expect((await lookup(m5EuSouth2)).found).toBe(true);
    expect(server.requests.map((r) => r.fault)).toEqual(['throttle', undefined]);
  });

  it('retries HTTP 429 and then succeeds', async () => {
    server.faults.push('throttle-429');
    const { lookup } = online();
    expect((await lookup(m5EuSouth2)).found).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 500 and then succeeds', async () => {
    server.faults.push('internal', 'unavailable');
    const { lookup } = online();
    expect((await lookup(m5EuSouth2)).found).toBe(true);
    expect(server.requests.map((r) => r.fault)).toEqual(['internal', 'unavailable', undefined]);
  });

  it('gives up on a persistent 500 with one clear line', async () => {
    server.always = 'internal';
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
    expect(err.message).toBe(`the AWS Price List API at ${server.url} failed with HTTP 500 after ${MAX_ATTEMPTS} attempts (InternalErrorException)`);
    expect(err.exitCode).toBe(1);
  });

  it('gives up on persistent throttling', async () => {
    server.always = 'throttle';
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
    expect(err.message).toBe(`the AWS Price List API is throttling requests (ThrottlingException after ${MAX_ATTEMPTS} attempts); try again later`);
  });

  it('maps access denied to the missing permission, without retrying', async () => {
    server.always = 'access-denied';
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(err.message).toBe('access denied to pricing:GetProducts (the credentials need the pricing:GetProducts permission)');
    expect(server.requests).toHaveLength(1);
  });

  it('names the region when the API rejects a parameter', async () => {
    server.always = 'invalid-parameter';
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(err.message).toMatch(/^the AWS Price List API rejected the request for region eu-south-2 \(InvalidParameterException: /);
  });

  it('reports a dropped connection as unreachable, after retrying', async () => {
    server.always = 'drop';
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(err.message).toMatch(new RegExp(`^cannot reach the AWS Price List API at ${server.url.replace(/\./g, '\\.')}: `));
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it('reports a refused connection with its code', async () => {
    const url = server.url;
    await server.close();
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(err.message).toBe(`cannot reach the AWS Price List API at ${url}: ECONNREFUSED`);
  });

  it('says so when there are no credentials, and never prints a key', async () => {
    restore();
    restore = useEnv(awsTestEnv(server.url, { credentials: false }));
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(err.message).toMatch(/^no AWS credentials for the Price List API: set AWS_PROFILE or AWS_ACCESS_KEY_ID/);
    expect(server.requests).toHaveLength(0);
  });

  it('never passes on a key a service message echoes', async () => {
    server.always = 'echo-auth';
    const err = await rejection(online().lookup(m5EuSouth2));
    expect(err.message).toMatch(/^the AWS Price List API call failed: IncompleteSignatureException: .*Authorization=AWS4-HMAC-SHA256 Credential=<access key>\//);
    expect(err.message).not.toContain(TEST_ACCESS_KEY_ID);
    expect(err.message).not.toContain(TEST_SECRET_ACCESS_KEY);
  });

  it('signs for a Price List region named by AWS_REGION, and for us-east-1 otherwise', async () => {
    process.env.AWS_REGION = 'eu-central-1';
    await online().lookup(m5EuSouth2);
    process.env.AWS_REGION = 'eu-south-2';
    await online().lookup(m5EuSouth2);
    expect(server.requests.map((r) => /\/([a-z0-9-]+)\/pricing\/aws4_request/.exec(r.authorization ?? '')?.[1])).toEqual(['eu-central-1', 'us-east-1']);
  });

  it('uses the SDK credential chain: AWS_PROFILE from the shared credentials file', async () => {
    restore();
    const env = awsTestEnv(server.url, { credentials: false });
    // AWS's second documented example key pair.
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, '[costdiff-test]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n');
    restore = useEnv({ ...env, AWS_PROFILE: 'costdiff-test' });
    expect((await online().lookup(m5EuSouth2)).found).toBe(true);
    expect(server.requests[0].authorization).toContain('Credential=AKIAI44QH8DHBEXAMPLE/');
  });

  it('still prices when the cache cannot be written, and says why', async () => {
    const dir = tempCache();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 1, snapshot: '2026-07-20', sources: [], files: {} }));
    writeFileSync(join(dir, 'aws'), 'not a directory');
    const lines: string[] = [];
    const source = createOnlineSource(new PricingCache(dir), { log: (l) => lines.push(l) });
    const result = await source.lookup(m5EuSouth2);
    expect(result.found).toBe(true);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^could not save a price to the pricing cache ${dir}: `))]);
  });

  it('answers from the cache without loading anything when the cache has the price', async () => {
    const { dir, lookup } = online();
    await lookup(m5EuSouth2);
    const cache = new PricingCache(dir);
    const source = createOnlineSource(cache, {});
    expect((await source.lookup(m5EuSouth2)).found).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
