import { perMonth } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { route53Product } from './shared/prices-data.js';

/**
 * A hosted zone, billed per month at the global price. The price is tiered by the number of zones
 * in the account (the first 25, then the rest); one zone is priced in the first tier.
 */
export const awsRoute53Zone: ResourceType = {
  type: 'aws_route53_zone',
  costs() {
    return {
      components: [{ name: 'Hosted zone', unit: 'months', price: route53Product('DNS Zone', 'HostedZone'), quantity: perMonth(1) }],
      assumptions: ['priced at the rate of the first 25 hosted zones in the account'],
    };
  },
};
