import { Decimal } from '../../../src/core/decimal.js';
import { ec2InstanceHours } from '../../../src/resources/aws/shared/prices.js';
import { productMatches, queryFilters, selectPrice } from '../../../src/pricing/online/match.js';
import { parsePriceListItem } from '../../../src/pricing/online/parse.js';
import { cacheAttributes, stripUsageTypePrefix, usageTypeMatches } from '../../../src/pricing/online/services.js';
import type { PriceQuery } from '../../../src/pricing/types.js';
import { fixtureItems, type PriceListItem } from '../../support/price-list-server.js';

const items = fixtureItems();
const bySku = (sku: string): PriceListItem => {
  const found = items.find((i) => i.product.sku === sku);
  if (!found) throw new Error(`fixture has no ${sku}`);
  return JSON.parse(JSON.stringify(found)) as PriceListItem;
};
const parse = (item: PriceListItem) => parsePriceListItem(JSON.stringify(item));

interface Dim {
  unit: string;
  beginRange: string;
  endRange: string;
  rateCode: string;
  pricePerUnit: { USD: string };
}
const onDemandDims = (item: PriceListItem): Dim[] =>
  Object.values(item.terms.OnDemand as Record<string, { priceDimensions: Record<string, Dim> }>).flatMap((t) => Object.values(t.priceDimensions));

describe('parsePriceListItem', () => {
  it('reads only on-demand terms of a real GetProducts item', () => {
    const item = bySku('6C86BEPQVG73ZGGR');
    expect(Object.keys(item.terms)).toEqual(expect.arrayContaining(['OnDemand', 'Reserved']));
    const p = parse(item);
    const [dim] = onDemandDims(item);
    expect(p.sku).toBe('6C86BEPQVG73ZGGR');
    expect(p.family).toBe('Compute Instance');
    expect(p.prices).toEqual([{ unit: dim.unit, usd: dim.pricePerUnit.USD, rateCode: dim.rateCode }]);
  });

  it('keeps every tier with its bounds; Inf is an open end and a lone $0 tier is a real price', () => {
    const item = bySku('FXEUS1DTOUT00001');
    const dims = onDemandDims(item).sort((a, b) => Decimal.parse(a.beginRange).cmp(Decimal.parse(b.beginRange)));
    const p = parse(item);
    expect(p.prices).toHaveLength(dims.length);
    p.prices.forEach((row, i) => {
      expect(row.usd).toBe(dims[i].pricePerUnit.USD);
      expect(row.start ?? '0').toBe(dims[i].beginRange);
      expect(row.end).toBe(dims[i].endRange === 'Inf' ? undefined : dims[i].endRange);
    });
    expect(p.prices[0]).toMatchObject({ end: '1' });
    expect(Decimal.parse(p.prices[0].usd).isZero()).toBe(true);
  });

  it('drops a $0 dimension only when a paid one covers the same range', () => {
    const item = bySku('FXEUS2M5LARGE001');
    const term = Object.values(item.terms.OnDemand as Record<string, { priceDimensions: Record<string, Dim> }>)[0];
    const [paid] = Object.values(term.priceDimensions);
    term.priceDimensions['FREE'] = { ...paid, rateCode: 'FREE.TIER.X', pricePerUnit: { USD: '0.0000000000' } };
    const p = parse(item);
    expect(p.prices).toEqual([{ unit: paid.unit, usd: paid.pricePerUnit.USD, rateCode: paid.rateCode }]);
  });

  it('refuses a product with two different prices for one range', () => {
    const item = bySku('FXEUS2M5LARGE001');
    const other = onDemandDims(bySku('FXUSE2M5LARGE001'))[0];
    const term = Object.values(item.terms.OnDemand as Record<string, { priceDimensions: Record<string, Dim> }>)[0];
    term.priceDimensions['OTHER'] = other;
    expect(parse(item).problem).toMatch(/2 different on-demand prices/);
  });

  it('turns malformed JSON into one clear error', () => {
    expect(() => parsePriceListItem('{"product":')).toThrow('the AWS Price List API returned a product that is not valid JSON');
  });
});

describe('usagetype', () => {
  it('matches with and without the region prefix, and only on a whole suffix', () => {
    expect(usageTypeMatches('BoxUsage:m5.large', 'BoxUsage:m5.large')).toBe(true);
    expect(usageTypeMatches('EUS2-BoxUsage:m5.large', 'BoxUsage:m5.large')).toBe(true);
    expect(usageTypeMatches('EU-BoxUsage:m5.large', 'BoxUsage:m5.large')).toBe(true);
    expect(usageTypeMatches('EUS2-BoxUsage:m5.large', 'Usage:m5.large')).toBe(false);
    expect(usageTypeMatches('EUS2-BoxUsage:m5.large', 'BoxUsage:m5.xlarge')).toBe(false);
    expect(usageTypeMatches(undefined, 'BoxUsage:m5.large')).toBe(false);
  });

  it("strips only the product region's own billing code", () => {
    expect(stripUsageTypePrefix('EUS2-BoxUsage:m5.large', 'eu-south-2')).toBe('BoxUsage:m5.large');
    expect(stripUsageTypePrefix('EU-BoxUsage:m5.large', 'eu-west-1')).toBe('BoxUsage:m5.large');
    expect(stripUsageTypePrefix('BoxUsage:m5.large', 'us-east-1')).toBe('BoxUsage:m5.large');
    // us-east-1's VPN usage type looks like a prefix but is not one.
    expect(stripUsageTypePrefix('VPN-Usage-Hours:ipsec.1', 'us-east-1')).toBe('VPN-Usage-Hours:ipsec.1');
    expect(stripUsageTypePrefix('EUS1-EUC1-AWS-Out-Bytes', 'eu-south-1')).toBe('EUC1-AWS-Out-Bytes');
  });

  it('is never sent as a filter, but matched on the client', () => {
    const q: PriceQuery = { service: 'AmazonEC2', region: 'eu-south-2', attributes: { usagetype: 'BoxUsage:m5.large' } };
    expect(queryFilters(q).map((f) => f.field)).toEqual(['ServiceCode', 'regionCode']);
    const matching = items.map((i) => parsePriceListItem(JSON.stringify(i))).filter((p) => productMatches(p, q));
    expect(matching.map((p) => p.sku)).toEqual(['FXEUS2M5LARGE001']);
  });

  it('stores product attributes as the resources query them', () => {
    const p = parse(bySku('FXEUS2M5LARGE001'));
    const stored = cacheAttributes(p.attributes, 'eu-south-2', ['instanceType', 'operatingSystem', 'tenancy', 'usagetype']);
    expect(stored).toEqual({ instanceType: 'm5.large', operatingSystem: 'Linux', tenancy: 'Shared', usagetype: 'BoxUsage:m5.large' });
    const all = cacheAttributes(p.attributes, 'eu-south-2');
    expect(all).not.toHaveProperty('location');
    expect(all).not.toHaveProperty('regionCode');
    expect(all.usagetype).toBe('BoxUsage:m5.large');
  });
});

describe('selectPrice', () => {
  const q = ec2InstanceHours('eu-south-2', 'm5.large');

  it('uses the region filter the service keys its products by', () => {
    expect(queryFilters(q)).toContainEqual({ field: 'regionCode', value: 'eu-south-2' });
    const dt: PriceQuery = { service: 'AWSDataTransfer', region: 'eu-south-1', productFamily: 'Data Transfer', attributes: { transferType: 'AWS Outbound' } };
    expect(queryFilters(dt)).toContainEqual({ field: 'fromRegionCode', value: 'eu-south-1' });
    expect(queryFilters({ ...dt, region: 'global' }).map((f) => f.field)).not.toContain('fromRegionCode');
  });

  it('accepts several products that agree, and picks the lowest SKU for provenance', () => {
    const a = bySku('FXEUS2M5LARGE001');
    const b = bySku('FXEUS2M5LARGE001');
    b.product.sku = 'AAAAFIXTURECOPY1';
    const result = selectPrice(q, [parse(a), parse(b)]);
    expect(result).toMatchObject({ found: true, sku: 'AAAAFIXTURECOPY1', skus: ['AAAAFIXTURECOPY1', 'FXEUS2M5LARGE001'] });
  });

  it('reports products that disagree as ambiguous instead of choosing one', () => {
    const a = bySku('FXEUS2M5LARGE001');
    const b = bySku('FXUSE2M5LARGE001');
    // Same identity as the eu-south-2 product, at the (different) us-east-2 price.
    b.product.attributes = { ...a.product.attributes };
    const result = selectPrice(q, [parse(b), parse(a)]);
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason).toMatch(/^ambiguous: 2 AWS Price List products \(FXEUS2M5LARGE001, FXUSE2M5LARGE001\) have different/);
  });

  it('says what the Price List does not have', () => {
    const result = selectPrice(ec2InstanceHours('eu-south-2', 'm5.24xlarge'), items.map(parse));
    expect(result).toEqual({ found: false, reason: 'the AWS Price List has no Compute Instance m5.24xlarge Linux Shared NA Used price in eu-south-2' });
  });

  it('filters dimensions by the unit the query asks for', () => {
    const result = selectPrice({ ...q, unit: 'GB-Mo' }, items.map(parse));
    expect(result.found).toBe(false);
    const hours = selectPrice({ ...q, unit: 'Hrs' }, items.map(parse));
    expect(hours.found).toBe(true);
  });
});
