import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsCloudfrontDistribution } from '../../../src/resources/aws/aws_cloudfront_distribution.js';
import type { Attributes } from '../../../src/input/types.js';
import { ResourceView } from '../../../src/resources/view.js';
import { component, cost, estimateOne, sub } from '../../support/estimate.js';

const view = (values: Attributes, usage: Record<string, unknown> = {}) =>
  new ResourceView({ address: 'aws_cloudfront_distribution.cdn', type: 'aws_cloudfront_distribution', region: 'us-east-1', values, usage });

describe('aws_cloudfront_distribution', () => {
  it('prices each edge location group with usage, globally', () => {
    const spec = awsCloudfrontDistribution.costs(
      view({}, { monthly_data_transfer_to_internet_gb: { us: 1000, europe: 200 }, monthly_https_requests: { us: 5_000_000 } }),
    );
    expect(spec.subresources?.map((s) => s.name)).toEqual(['US, Mexico, Canada', 'Europe, Israel']);
    const us = spec.subresources![0].components;
    expect(us[0].price).toEqual({
      service: 'AmazonCloudFront',
      region: 'global',
      attributes: { transferType: 'CloudFront Outbound', fromLocation: 'United States' },
      purchaseOption: 'on_demand',
    });
    expect(monthlyQuantity(us[0])?.toString()).toBe('1000');
    expect(us.find((c) => c.name === 'HTTPS requests')?.price.attributes).toEqual({ location: 'United States', requestType: 'CloudFront-Request-HTTPS-Proxy' });
    expect(monthlyQuantity(us.find((c) => c.name === 'HTTPS requests')!)?.toString()).toBe('5000000');
  });

  it('shows the US group without usage, a dedicated-IP certificate and the Origin Shield region', () => {
    const shield = (region: string) => ({ domain_name: `${region}.example.com`, origin_shield: [{ enabled: true, origin_shield_region: region }] });
    const spec = awsCloudfrontDistribution.costs(view({ viewer_certificate: [{ ssl_support_method: 'vip' }], origin: [shield('eu-west-1')] }));
    expect(spec.subresources?.map((s) => s.name)).toEqual(['US, Mexico, Canada']);
    expect(spec.components.map((c) => c.name)).toEqual(['Invalidation requests', 'Dedicated IP custom SSL', 'Origin Shield requests (eu-west-1)']);
    expect(spec.components[2].price.attributes).toEqual({ regionCode: 'eu-west-1', requestType: 'CloudFront-Request-Origin-Shield' });
    // Two shield regions: one usage figure cannot be split, so it is said, not guessed.
    const two = awsCloudfrontDistribution.costs(view({ origin: [shield('eu-west-1'), shield('us-east-1')] }));
    expect(two.unpriced?.map((u) => u.reason)).toEqual([expect.stringMatching(/Origin Shield in eu-west-1, us-east-1/)]);
  });

  it('prices Origin Shield requests at the shield region’s price', async () => {
    const r = await estimateOne(
      'aws_cloudfront_distribution',
      { origin: [{ domain_name: 'a.example.com', origin_shield: [{ enabled: true, origin_shield_region: 'sa-east-1' }] }] },
      { monthly_origin_shield_requests: 10_000_000 },
    );
    // 10M × $0.0160 per 10k (South America (Sao Paulo)).
    expect(cost(component(r, 'Origin Shield requests (sa-east-1)').monthlyCost)).toBe('16.00');
  });

  it('prices a month from the snapshot: tiered transfer, requests, origin, invalidations, dedicated-IP SSL', async () => {
    const r = await estimateOne(
      'aws_cloudfront_distribution',
      { viewer_certificate: [{ ssl_support_method: 'vip' }] },
      {
        monthly_data_transfer_to_internet_gb: { us: 15000, europe: 200 },
        monthly_data_transfer_to_origin_gb: { us: 100 },
        monthly_http_requests: { us: 10_000_000 },
        monthly_https_requests: { us: 5_000_000 },
        monthly_invalidation_requests: 3000,
      },
    );
    const us = sub(r, 'US, Mexico, Canada');
    // 10,240 GB × $0.085 = 870.40, then 4,760 GB × $0.080 = 380.80 (feed tiers: first 10 TB, next 40 TB).
    expect(cost(component(us, 'Data transfer out to internet').monthlyCost)).toBe('1251.20');
    expect(cost(component(us, 'Data transfer out to origin').monthlyCost)).toBe('2.00'); // 100 GB × $0.020
    expect(cost(component(us, 'HTTP requests').monthlyCost)).toBe('7.50'); // 10M × $0.0075 per 10k
    expect(cost(component(us, 'HTTPS requests').monthlyCost)).toBe('5.00'); // 5M × $0.0100 per 10k
    // Europe is "EU" in the feed and "Europe" in the Price List: 200 GB × $0.085.
    expect(cost(component(sub(r, 'Europe, Israel'), 'Data transfer out to internet').monthlyCost)).toBe('17.00');
    // 3,000 × $0.005 (the first 1,000 free paths are per account, so not applied per distribution).
    expect(cost(component(r, 'Invalidation requests').monthlyCost)).toBe('15.00');
    expect(cost(component(r, 'Dedicated IP custom SSL').monthlyCost)).toBe('600.00');
    expect(cost(r.monthlyCost)).toBe('1897.70');
    expect(component(us, 'Data transfer out to internet').provenance[0]).toMatchObject({
      source: 'github.com/lamngockhuong/aws-price@6e8bf8cec091:lib/data/pricing/cloudfront.json',
      date: '2025-07-01',
      rateCode: 'GV2WFGX37Q9PDSHF.JRTCKXETXF.Q3Z75P77EN',
    });
  });
});
