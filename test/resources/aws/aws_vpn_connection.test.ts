import { UNKNOWN } from '../../../src/input/types.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1 AmazonVPC (vpc.json feed, 2025-11-04): Site-to-Site VPN connection $0.05/h; transit
// gateway VPN attachment $0.05/h and $0.02 per GB processed.
describe('aws_vpn_connection', () => {
  it('a connection to a virtual private gateway bills its hours', async () => {
    const r = await estimateOne('aws_vpn_connection', { vpn_gateway_id: 'vgw-1', customer_gateway_id: 'cgw-1', type: 'ipsec.1' });
    // 730 × 0.05 = 36.50
    expect(r.components.map((c) => c.name)).toEqual(['VPN connection']);
    expect(cost(r.monthlyCost)).toBe('36.50');
  });

  it('on a transit gateway adds the attachment and the GB it processes', async () => {
    const r = await estimateOne('aws_vpn_connection', { transit_gateway_id: UNKNOWN, customer_gateway_id: 'cgw-1', type: 'ipsec.1' }, { monthly_data_processed_gb: 250 });
    // 36.50 + 730 × 0.05 = 36.50 + 250 × 0.02 = 5.00
    expect(cost(component(r, 'Transit gateway attachment').monthlyCost)).toBe('36.50');
    expect(cost(component(r, 'Transit gateway data processed').monthlyCost)).toBe('5.00');
    expect(cost(r.monthlyCost)).toBe('78.00');
  });
});
