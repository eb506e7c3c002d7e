import { fromUsage, perMonth, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType, SubresourceSpec, UnpricedSpec } from '../types.js';
import type { ResourceView } from '../view.js';
import { cloudfrontProduct } from './shared/prices-data.js';
import { usageMapNum } from './shared/usage-math.js';

/** Infracost's usage sub-keys → the Price List's edge location groups. */
const LOCATIONS: { key: string; location: string; label: string }[] = [
  { key: 'us', location: 'United States', label: 'US, Mexico, Canada' },
  { key: 'europe', location: 'Europe', label: 'Europe, Israel' },
  { key: 'south_africa', location: 'South Africa', label: 'South Africa, Kenya, Middle East' },
  { key: 'south_america', location: 'South America', label: 'South America' },
  { key: 'japan', location: 'Japan', label: 'Japan' },
  { key: 'australia', location: 'Australia', label: 'Australia, New Zealand' },
  { key: 'asia_pacific', location: 'Asia Pacific', label: 'Hong Kong, Philippines, Asia Pacific' },
  { key: 'india', location: 'India', label: 'India' },
];

const PER_LOCATION_KEYS = [
  'monthly_data_transfer_to_internet_gb',
  'monthly_data_transfer_to_origin_gb',
  'monthly_http_requests',
  'monthly_https_requests',
] as const;

function locationSubresource(r: ResourceView, loc: (typeof LOCATIONS)[number]): SubresourceSpec {
  const line = (name: string, unit: string, key: (typeof PER_LOCATION_KEYS)[number], attributes: Record<string, string>): CostComponentSpec => ({
    name,
    unit,
    price: cloudfrontProduct(attributes),
    quantity: fromUsage(usageMapNum(r, key, loc.key)),
    usageBased: true,
  });
  return {
    name: loc.label,
    components: [
      line('Data transfer out to internet', 'GB', 'monthly_data_transfer_to_internet_gb', { transferType: 'CloudFront Outbound', fromLocation: loc.location }),
      line('Data transfer out to origin', 'GB', 'monthly_data_transfer_to_origin_gb', { transferType: 'CloudFront to Origin', fromLocation: loc.location }),
      line('HTTP requests', 'requests', 'monthly_http_requests', { location: loc.location, requestType: 'CloudFront-Request-HTTP-Proxy' }),
      line('HTTPS requests', 'requests', 'monthly_https_requests', { location: loc.location, requestType: 'CloudFront-Request-HTTPS-Proxy' }),
    ],
  };
}

/** Origin Shield bills the requests that reach it at its region's price; usage says how many. */
function originShield(r: ResourceView): { components: CostComponentSpec[]; unpriced: UnpricedSpec[] } {
  const origins = r.isUnknown('origin') ? [] : r.blocks('origin');
  const shields = origins.map((o) => (o.isUnknown('origin_shield') ? undefined : o.block('origin_shield'))).filter((s) => s?.optBool('enabled', false));
  if (shields.length === 0) return { components: [], unpriced: [] };
  const regions = [...new Set(shields.map((s) => s?.str('origin_shield_region')))];
  const unpriced = (reason: string) => ({ components: [], unpriced: [{ component: 'Origin Shield requests', reason }] });
  if (regions.includes(undefined)) return unpriced('origin_shield_region is not known until apply');
  if (regions.length > 1) return unpriced(`origins use Origin Shield in ${regions.join(', ')}; one monthly_origin_shield_requests figure cannot be split between them`);
  const region = regions[0]!;
  return {
    components: [
      usageLine(r, 'monthly_origin_shield_requests', { name: `Origin Shield requests (${region})`, unit: 'requests', price: cloudfrontProduct({ regionCode: region, requestType: 'CloudFront-Request-Origin-Shield' }) }),
    ],
    unpriced: [],
  };
}

/**
 * A CloudFront distribution: data transfer out (tiered by the price), transfer to the origin and
 * requests, per edge location group in the usage file (US when none is given), plus invalidation
 * paths, Origin Shield requests and dedicated-IP custom SSL.
 */
export const awsCloudfrontDistribution: ResourceType = {
  type: 'aws_cloudfront_distribution',
  usageKeys: [
    ...PER_LOCATION_KEYS.map((k) => ({ key: `${k}.<location>`, description: `${k.replace(/^monthly_/, '').replace(/_/g, ' ')} per month, per location: ${LOCATIONS.map((l) => l.key).join(', ')}` })),
    { key: 'monthly_invalidation_requests', description: 'invalidation paths per month' },
    { key: 'monthly_origin_shield_requests', description: 'requests that reach Origin Shield per month (billed in its region)' },
  ],
  costs(r) {
    const withUsage = LOCATIONS.filter((loc) => PER_LOCATION_KEYS.some((k) => usageMapNum(r, k, loc.key) !== undefined));
    const subresources = (withUsage.length ? withUsage : LOCATIONS.slice(0, 1)).map((loc) => locationSubresource(r, loc));

    const components: CostComponentSpec[] = [
      usageLine(r, 'monthly_invalidation_requests', { name: 'Invalidation requests', unit: 'paths', price: cloudfrontProduct({ usagetype: 'Invalidations' }) }),
    ];
    const certificate = r.isUnknown('viewer_certificate') ? undefined : r.block('viewer_certificate');
    if (certificate?.optStr('ssl_support_method') === 'vip') {
      components.push({ name: 'Dedicated IP custom SSL', unit: 'months', price: cloudfrontProduct({ usagetype: 'SSL-Cert-Custom' }), quantity: perMonth(1) });
    }
    const shield = originShield(r);
    components.push(...shield.components);
    const unpriced = shield.unpriced;
    return { components, subresources, unpriced };
  },
};
