import { runningHours, usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { loadBalancer } from './shared/prices.js';

/** A Classic Load Balancer: billed per hour and per GB processed. */
export const awsElb: ResourceType = {
  type: 'aws_elb',
  usageKeys: [{ key: 'monthly_data_processed_gb', description: 'GB processed per month' }],
  costs(r) {
    return {
      components: [
        { name: 'Classic load balancer', unit: 'hours', price: loadBalancer(r.region, 'Load Balancer', 'LoadBalancerUsage'), quantity: runningHours(r) },
        usageLine(r, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', price: loadBalancer(r.region, 'Load Balancer', 'DataProcessing-Bytes') }),
      ],
    };
  },
};
