import { runningHours, usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { transitGateway } from './shared/prices-platform.js';

/** A transit gateway's attachment to a VPC: hours, and GB the transit gateway processes. */
export const awsEc2TransitGatewayVpcAttachment: ResourceType = {
  type: 'aws_ec2_transit_gateway_vpc_attachment',
  usageKeys: [{ key: 'monthly_data_processed_gb', description: 'GB the transit gateway processes for this attachment per month' }],
  costs(r) {
    return {
      components: [
        { name: 'Transit gateway attachment', unit: 'hours', price: transitGateway(r.region, 'TransitGatewayVPC', 'TransitGateway-Hours'), quantity: runningHours(r) },
        usageLine(r, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', price: transitGateway(r.region, 'TransitGatewayVPC', 'TransitGateway-Bytes') }),
      ],
    };
  },
};
