import { runningHours } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { publicIpv4Hours } from './shared/prices.js';

/**
 * An Elastic IP. Since February 2024 AWS bills every public IPv4 address by the hour, attached or
 * idle; the two are separate Price List products, so the query follows the attachment.
 */
export const awsEip: ResourceType = {
  type: 'aws_eip',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the address is allocated per month (default 730)' }],
  costs(r) {
    // The plan shows an address unattached when nothing names it as its instance or interface
    // (a NAT gateway's address included); in-use and idle addresses are separate products.
    const idle = r.raw('instance') === null && r.raw('network_interface') === null;
    return {
      components: [
        {
          name: 'Public IPv4 address',
          unit: 'hours',
          price: publicIpv4Hours(r.region, !idle),
          quantity: runningHours(r),
        },
      ],
    };
  },
};
