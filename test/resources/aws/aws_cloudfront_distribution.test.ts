import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsCloudfrontDistribution } from '../../../src/resources/aws/aws_cloudfront_distribution.js';
import type { Attributes } from '../../../src/input/types.js';
import { ResourceView } from '../../../src/resources/view.js';
import { estimateOne } from '../../support/estimate.js';

const view = (values: Attributes, usage: Record<string, unknown> = {}) =>
  new ResourceView({ address: 'aws_cloudfront_distribution.cdn', type: 'aws_cloudfront_distribution', region: 'us-east-1', values, usage });

describe('aws_cloudfront_distribution (online-only: CloudFront is not in the snapshot)', () => {
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

  it('shows the US group without usage, a dedicated-IP certificate, and origin shield as unpriced', () => {
    const spec = awsCloudfrontDistribution.costs(
      view({ viewer_certificate: [{ ssl_support_method: 'vip' }], origin: [{ domain_name: 'a.example.com', origin_shield: [{ enabled: true, origin_shield_region: 'us-east-1' }] }] }),
    );
    expect(spec.subresources?.map((s) => s.name)).toEqual(['US, Mexico, Canada']);
    expect(spec.components.map((c) => c.name)).toEqual(['Invalidation requests', 'Dedicated IP custom SSL']);
    expect(spec.unpriced?.map((u) => u.component)).toEqual(['Origin Shield requests']);
  });

  it('is reported unpriced offline', async () => {
    const r = await estimateOne('aws_cloudfront_distribution', {}, { monthly_data_transfer_to_internet_gb: { us: 100 } });
    expect(r.monthlyCost).toBeNull();
    expect(r.subresources[0].unpriced[0].reason).toMatch(/not in pricing cache for global \(AmazonCloudFront\)/);
  });
});
