import { Decimal } from '../../core/decimal.js';
import { fromUsage, runningHours } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { InvalidValueError, UnknownValueError, type ResourceView } from '../view.js';
import { vpcEndpoint } from './shared/prices-platform.js';

/**
 * A VPC endpoint. Interface endpoints bill one network interface per subnet by the hour, plus
 * tiered GB processed; Gateway Load Balancer endpoints bill hours and GB; gateway endpoints
 * (S3, DynamoDB) are free.
 */
export const awsVpcEndpoint: ResourceType = {
  type: 'aws_vpc_endpoint',
  usageKeys: [{ key: 'monthly_data_processed_gb', description: 'GB processed by the endpoint per month' }],
  costs(r) {
    const type = r.str('vpc_endpoint_type', 'Gateway');
    const data = r.usageNum('monthly_data_processed_gb');
    switch (type) {
      case 'Gateway':
        return { components: [], free: 'gateway endpoints (S3, DynamoDB) are free' };
      case 'Interface': {
        const { count, assumptions } = interfaces(r);
        return {
          components: [
            { name: `Endpoint (Interface, ${count.toString()} subnet${count.eq(Decimal.ONE) ? '' : 's'})`, unit: 'hours', price: vpcEndpoint(r.region, 'VpcEndpoint-Hours'), quantity: runningHours(r, count) },
            { name: 'Data processed', unit: 'GB', price: vpcEndpoint(r.region, 'VpcEndpoint-Bytes'), quantity: fromUsage(data), usageBased: true },
          ],
          assumptions,
        };
      }
      case 'GatewayLoadBalancer':
        return {
          components: [
            { name: 'Endpoint (Gateway Load Balancer)', unit: 'hours', price: vpcEndpoint(r.region, 'VpcEndpoint-GWLBE:Hours'), quantity: runningHours(r) },
            { name: 'Data processed', unit: 'GB', price: vpcEndpoint(r.region, 'VpcEndpoint-GWLBE:Bytes'), quantity: fromUsage(data), usageBased: true },
          ],
        };
      default:
        throw new InvalidValueError(`vpc_endpoint_type "${type}" is billed through VPC Lattice, which costdiff does not price yet`);
    }
  },
};

/** One endpoint network interface per subnet (one per Availability Zone). */
function interfaces(r: ResourceView): { count: Decimal; assumptions: string[] } {
  if (r.isUnknown('subnet_ids')) throw new UnknownValueError('subnet_ids');
  const subnets = r.raw('subnet_ids');
  if (Array.isArray(subnets) && subnets.length > 0) return { count: Decimal.fromInt(subnets.length), assumptions: [] };
  return { count: Decimal.ONE, assumptions: ['subnet_ids is not set; assumed one network interface'] };
}
