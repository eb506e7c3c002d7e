import { runningHours, usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { natGateway } from './shared/prices.js';

/** A NAT gateway: billed per hour and per GB it processes. */
export const awsNatGateway: ResourceType = {
  type: 'aws_nat_gateway',
  usageKeys: [{ key: 'monthly_data_processed_gb', description: 'GB processed by the gateway per month' }],
  costs(r) {
    return {
      components: [
        { name: 'NAT gateway', unit: 'hours', price: natGateway(r.region, 'NatGateway-Hours'), quantity: runningHours(r) },
        usageLine(r, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', price: natGateway(r.region, 'NatGateway-Bytes') }),
      ],
    };
  },
};
