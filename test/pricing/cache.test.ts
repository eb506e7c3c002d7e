import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PricingCache, sha256 } from '../../src/pricing/cache/reader.js';
import { verifyCache, cacheInfo } from '../../src/pricing/cache/verify.js';
import { ec2InstanceHours, ebsStorage } from '../../src/resources/aws/shared/prices.js';
import { repoRoot } from '../support/repo.js';

const shipped = join(repoRoot(), 'pricing-cache');

function copyCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'costdiff-cache-'));
  cpSync(join(shipped, 'manifest.json'), join(dir, 'manifest.json'));
  cpSync(join(shipped, 'aws', 'AmazonEC2'), join(dir, 'aws', 'AmazonEC2'), { recursive: true });
  return dir;
}

describe('PricingCache', () => {
  it('answers a query with the price and its provenance', () => {
    const cache = new PricingCache(shipped);
    const result = cache.lookupSync(ec2InstanceHours('us-east-1', 'm5.large'));
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.price.unit).toBe('Hrs');
    expect(result.price.tiers.map((t) => t.usd.toString())).toEqual(['0.096']);
    expect(result.price.tiers[0].provenance).toEqual({
      kind: 'snapshot',
      source: 'github.com/aws/karpenter-provider-aws@6fc13b5236fd:pkg/providers/pricing/zz_generated.pricing_aws.go',
      date: '2026-07-20',
    });
  });

  it('reports misses with a reason that says what to do', () => {
    const cache = new PricingCache(shipped);
    const missingRegion = cache.lookupSync(ec2InstanceHours('cn-northwest-1', 'm5.large'));
    expect(missingRegion).toEqual({
      found: false,
      reason: 'not in pricing cache for cn-northwest-1 (AmazonEC2); run `costdiff pricing refresh --region cn-northwest-1` with AWS credentials',
    });
    const missingProduct = cache.lookupSync(ec2InstanceHours('us-east-1', 'x9.huge'));
    expect(missingProduct.found).toBe(false);
  });

  it('an empty directory is an empty cache: every lookup misses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-empty-'));
    const result = new PricingCache(dir).lookupSync(ebsStorage('us-east-1', 'gp3'));
    expect(result.found).toBe(false);
    rmSync(dir, { recursive: true });
  });

  it('detects a hand-edited file by its checksum and names it', () => {
    const dir = copyCache();
    const file = join(dir, 'aws', 'AmazonEC2', 'us-east-1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"usd":"0.096"', '"usd":"0.001"'));
    expect(() => new PricingCache(dir).lookupSync(ec2InstanceHours('us-east-1', 'm5.large'))).toThrow(
      `pricing cache file ${file} does not match its checksum in manifest.json`,
    );
    const verify = verifyCache(dir);
    expect(verify.problems).toContain('aws/AmazonEC2/us-east-1.json: checksum mismatch (corrupted or edited by hand)');
    rmSync(dir, { recursive: true });
  });

  it('a product line that is not a product is refused when it is looked at, with a one-line error', () => {
    const dir = copyCache();
    const rel = 'aws/AmazonEC2/us-east-1.json';
    const file = join(dir, rel);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"instanceType":"m5.large"') && l.includes('"usd":"0.096"'));
    // Still carries the attribute, so the indexed lookup reaches it; the rest is not a product.
    lines[at] = '{"attributes":{"instanceType":"m5.large"},"prices":5},';
    const text = lines.join('\n');
    writeFileSync(file, text);
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, { sha256: string }> };
    manifest.files[rel].sha256 = sha256(text);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(() => new PricingCache(dir).lookupSync(ec2InstanceHours('us-east-1', 'm5.large'))).toThrow(`pricing cache file ${file} is not a format-1 cache file`);
    rmSync(dir, { recursive: true });
  });

  it('verify passes on the shipped snapshot and info lists what it covers', () => {
    const result = verifyCache(shipped);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(400);
    const info = cacheInfo(shipped);
    expect(info?.snapshot).toBe('2026-07-20');
    expect(info?.regions).toContain('eu-south-2');
    expect(info?.services.map((s) => s.service)).toEqual(expect.arrayContaining(['AmazonEC2', 'AmazonRDS', 'AWSELB', 'AWSDataTransfer']));
  });
});
