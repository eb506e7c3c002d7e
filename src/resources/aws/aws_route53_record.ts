import { perMonth, usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import type { ResourceView } from '../view.js';
import { route53Product } from './shared/prices-data.js';

interface Policy {
  name: string;
  usageKey: string;
  usagetype: string;
}

const STANDARD: Policy = { name: 'Standard queries', usageKey: 'monthly_standard_queries', usagetype: 'DNS-Queries' };
const LATENCY: Policy = { name: 'Latency-based routing queries', usageKey: 'monthly_latency_based_queries', usagetype: 'LBR-Queries' };
const GEO: Policy = { name: 'Geo DNS queries', usageKey: 'monthly_geo_queries', usagetype: 'Geo-Queries' };

const has = (r: ResourceView, block: string): boolean => !r.isUnknown(block) && r.blocks(block).length > 0;

/** The query price follows the routing policy; simple, weighted, failover and multivalue records are standard. */
function policyOf(r: ResourceView): Policy | { name: string; unsupported: string } {
  if (has(r, 'latency_routing_policy')) return LATENCY;
  if (has(r, 'geolocation_routing_policy')) return GEO;
  if (has(r, 'geoproximity_routing_policy')) return { name: 'Geoproximity queries', unsupported: 'geoproximity' };
  if (has(r, 'cidr_routing_policy')) return { name: 'IP-based routing queries', unsupported: 'IP-based (CIDR)' };
  return STANDARD;
}

/**
 * A DNS record: queries per month from usage, at the price of its routing policy (tiered above
 * 1B queries). Queries to alias records that point at AWS resources are free.
 */
export const awsRoute53Record: ResourceType = {
  type: 'aws_route53_record',
  usageKeys: [
    { key: STANDARD.usageKey, description: 'DNS queries per month (simple, weighted, failover, multivalue records)' },
    { key: LATENCY.usageKey, description: 'DNS queries per month (latency-based routing)' },
    { key: GEO.usageKey, description: 'DNS queries per month (geolocation routing)' },
  ],
  costs(r) {
    const policy = policyOf(r);
    if ('unsupported' in policy) {
      return { components: [], unpriced: [{ component: policy.name, reason: `${policy.unsupported} routing query prices are not priced yet` }] };
    }
    const price = route53Product('DNS Query', policy.usagetype);
    // An alias to another record is billed like that record; an alias to an AWS resource is free.
    if (has(r, 'alias') && r.ref('alias.name')?.type !== 'aws_route53_record') {
      return { components: [{ name: `${policy.name} (alias to an AWS resource: free)`, unit: 'queries', price, quantity: perMonth(0) }] };
    }
    return {
      components: [usageLine(r, policy.usageKey, { name: policy.name, unit: 'queries', price })],
    };
  },
};
