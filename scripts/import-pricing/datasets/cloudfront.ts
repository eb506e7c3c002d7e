import { RATE_CODE, tierBound, type Csv, type Dataset, type ImportRow } from '../metered.js';

/**
 * feeds/cloudfront_pricing.csv: the CloudFront pricing-page feed. CloudFront prices by edge
 * location group, not by AWS region, so everything lands in the `global` bucket with the Price
 * List's own attributes: `fromLocation` + `transferType` for data transfer, `location` +
 * `requestType` for requests. The feed calls Europe "EU"; the Price List says "Europe".
 *
 * Data transfer to the internet is one tiered product per group; the CSV's tier columns are the
 * feed's own cumulative "Per Month" bounds in GB. Origin Shield requests are priced by the AWS
 * region the shield sits in (`regionCode`, from the feed's location name as AWS's locations.json
 * spells it). Not mapped: Lambda@Edge (priced by AWSLambda), the GET/HEAD "Tier1/Tier2" request
 * SKUs (the same prices as the per-method ones the Price List exposes as HTTP/HTTPS-Proxy),
 * static IP addresses, and account-wide free tiers (the "Any" rows, the first 1,000 invalidation
 * paths).
 */
const GROUPS: Record<string, string> = {
  'United States': 'United States',
  Canada: 'Canada',
  EU: 'Europe',
  'South Africa': 'South Africa',
  'Middle East': 'Middle East',
  'South America': 'South America',
  Japan: 'Japan',
  Australia: 'Australia',
  'Asia Pacific': 'Asia Pacific',
  India: 'India',
};

/** The regions the feed lists Origin Shield prices for, by their location names. */
const SHIELD_REGIONS: Record<string, string> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'South America (Sao Paulo)': 'sa-east-1',
  'EU (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'EU (Frankfurt)': 'eu-central-1',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Seoul)': 'ap-northeast-2',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
};

interface CloudfrontProduct {
  attributes: Record<string, string>;
  unit: string;
  start?: string;
  end?: string;
}

function product(key: string, row: Csv): CloudfrontProduct | undefined {
  const toInternet = /^Regional DT from (.+) to Internet /.exec(key);
  if (toInternet && GROUPS[toInternet[1]]) {
    return {
      attributes: { fromLocation: GROUPS[toInternet[1]], transferType: 'CloudFront Outbound' },
      unit: 'GB',
      start: tierBound(row.tier_start),
      end: tierBound(row.tier_end),
    };
  }
  const toOrigin = /^Regional DT to Origin from (.+)$/.exec(key);
  if (toOrigin && GROUPS[toOrigin[1]]) return { attributes: { fromLocation: GROUPS[toOrigin[1]], transferType: 'CloudFront to Origin' }, unit: 'GB' };
  const request = /^Request (HTTPS?) Methods from (.+)$/.exec(key);
  if (request && GROUPS[request[2]]) return { attributes: { location: GROUPS[request[2]], requestType: `CloudFront-Request-${request[1]}-Proxy` }, unit: 'Requests' };
  if (key === 'CloudFront Request-Origin-Shield Origin Shield Requests' && SHIELD_REGIONS[row.region]) {
    return { attributes: { regionCode: SHIELD_REGIONS[row.region], requestType: 'CloudFront-Request-Origin-Shield' }, unit: 'Requests' };
  }
  // Invalidation paths: the feed's "First 1000 free" row is an allowance per account, not per
  // distribution, so (as with other account-wide free tiers) it is not applied.
  if (key === 'Charge for invalidating objects removing the objects from CloudFront edge locations') {
    return { attributes: { usagetype: 'Invalidations' }, unit: 'URL' };
  }
  if (key === 'Charge for using an SSL certificate with a CloudFront alternate domain name' && row.region === 'Any') {
    return { attributes: { usagetype: 'SSL-Cert-Custom' }, unit: 'Mo' };
  }
  return undefined;
}

export const cloudfront: Dataset = {
  file: 'cloudfront_pricing.csv',
  bundled: true,
  rows(row: Csv): ImportRow | undefined {
    const p = product(row.usage_type_or_key, row);
    if (!p) return undefined;
    const rateCode = RATE_CODE.exec(row.description)?.[1];
    return {
      service: 'AmazonCloudFront',
      region: 'global',
      attributes: p.attributes,
      unit: p.unit,
      usd: row.usd_price,
      ...(p.start ? { start: p.start } : {}),
      ...(p.end ? { end: p.end } : {}),
      source: row.source,
      date: row.source_date,
      ...(rateCode ? { rateCode } : {}),
    };
  },
};
