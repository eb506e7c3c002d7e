import { component, cost, estimateOne } from '../../support/estimate.js';
import { specOf } from './spec-support.js';

// us-east-1 AmazonVPC (vpc.json feed, 2025-11-04): interface endpoint $0.01 per ENI-hour; data
// processed $0.01/GB for the first 1 PB (1,048,576 GB), $0.006 for the next 4 PB, $0.004 above;
// Gateway Load Balancer endpoint $0.01/h and $0.0035/GB.
describe('aws_vpc_endpoint', () => {
  it('interface endpoint: one network interface per subnet, data processed from usage', async () => {
    const r = await estimateOne('aws_vpc_endpoint', { vpc_endpoint_type: 'Interface', service_name: 'com.amazonaws.us-east-1.ssm', subnet_ids: ['subnet-a', 'subnet-b', 'subnet-c'] }, { monthly_data_processed_gb: 1000 });
    // 3 × 730 × 0.01 = 21.90; 1,000 × 0.01 = 10.00
    expect(cost(component(r, 'Endpoint (Interface, 3 subnets)').monthlyCost)).toBe('21.90');
    expect(cost(component(r, 'Data processed').monthlyCost)).toBe('10.00');
    expect(cost(r.monthlyCost)).toBe('31.90');
  });

  it('data processed crosses the 1 PB tier', async () => {
    const r = await estimateOne('aws_vpc_endpoint', { vpc_endpoint_type: 'Interface', subnet_ids: ['subnet-a'] }, { monthly_data_processed_gb: 2_000_000 });
    // 1,048,576 × 0.01 = 10,485.76; (2,000,000 − 1,048,576) × 0.006 = 5,708.544 → 16,194.304 → 16,194.30
    expect(cost(component(r, 'Data processed').monthlyCost)).toBe('16194.30');
  });

  it('Gateway Load Balancer endpoint', async () => {
    const r = await estimateOne('aws_vpc_endpoint', { vpc_endpoint_type: 'GatewayLoadBalancer' }, { monthly_data_processed_gb: 500 });
    // 730 × 0.01 = 7.30; 500 × 0.0035 = 1.75
    expect(cost(r.monthlyCost)).toBe('9.05');
  });

  it('gateway endpoints are free; Lattice endpoint types are not priced yet', async () => {
    expect(specOf('aws_vpc_endpoint', { service_name: 'com.amazonaws.us-east-1.s3' }).free).toBe('gateway endpoints (S3, DynamoDB) are free');
    const lattice = await estimateOne('aws_vpc_endpoint', { vpc_endpoint_type: 'Resource' });
    expect(lattice.unpriced[0].reason).toMatch(/billed through VPC Lattice/);
  });
});
