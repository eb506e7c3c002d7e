import { runningHours, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { transitGateway, vpnConnectionHours } from './shared/prices-platform.js';

/**
 * A Site-to-Site VPN connection by the hour. On a transit gateway it also takes a VPN
 * attachment, billed by the hour and per GB the transit gateway processes.
 */
export const awsVpnConnection: ResourceType = {
  type: 'aws_vpn_connection',
  usageKeys: [{ key: 'monthly_data_processed_gb', description: 'GB the transit gateway processes for this attachment per month' }],
  costs(r) {
    const region = r.region;
    const components: CostComponentSpec[] = [{ name: 'VPN connection', unit: 'hours', price: vpnConnectionHours(region), quantity: runningHours(r) }];
    // A transit gateway created in the same plan has an id only after apply: set all the same.
    if (r.isUnknown('transit_gateway_id') || r.has('transit_gateway_id')) {
      components.push(
        { name: 'Transit gateway attachment', unit: 'hours', price: transitGateway(region, 'TransitGatewayVPN', 'TransitGateway-Hours'), quantity: runningHours(r) },
        usageLine(r, 'monthly_data_processed_gb', { name: 'Transit gateway data processed', unit: 'GB', price: transitGateway(region, 'TransitGatewayVPN', 'TransitGateway-Bytes') }),
      );
    }
    return { components };
  },
};
