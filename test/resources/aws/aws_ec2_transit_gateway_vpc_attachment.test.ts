import { component, cost, estimateOne } from '../../support/estimate.js';

// AmazonVPC (vpc.json feed, 2025-11-04): transit gateway VPC attachment $0.05/h and $0.02/GB in
// us-east-1; eu-central-1 $0.06/h and $0.02/GB.
describe('aws_ec2_transit_gateway_vpc_attachment', () => {
  it('attachment hours and data processed', async () => {
    const r = await estimateOne('aws_ec2_transit_gateway_vpc_attachment', { transit_gateway_id: 'tgw-1', vpc_id: 'vpc-1' }, { monthly_data_processed_gb: 1000 });
    // 730 × 0.05 = 36.50; 1,000 × 0.02 = 20.00
    expect(cost(component(r, 'Transit gateway attachment').monthlyCost)).toBe('36.50');
    expect(cost(component(r, 'Data processed').monthlyCost)).toBe('20.00');
    expect(cost(r.monthlyCost)).toBe('56.50');
  });

  it('without usage the data line shows its price; other regions price from their rows', async () => {
    const r = await estimateOne('aws_ec2_transit_gateway_vpc_attachment', { transit_gateway_id: 'tgw-1' }, {}, 'eu-central-1');
    expect(component(r, 'Data processed').monthlyCost).toBeNull();
    // 730 × 0.06 = 43.80
    expect(cost(r.monthlyCost)).toBe('43.80');
  });
});
