import { component, cost, estimate } from '../../support/estimate.js';

describe('aws_data_transfer (usage file)', () => {
  it('prices tiered internet egress, intra-region and inter-region transfer', async () => {
    const [dt] = await estimate([], {
      'aws_data_transfer.main': {
        region: 'us-east-1',
        monthly_outbound_internet_gb: 61440,
        monthly_intra_region_gb: 1000,
        monthly_outbound_region_gb: { 'eu-west-1': 500 },
      },
    });
    // Internet (us-east-1 tiers): 10,240 × 0.09 = 921.60; 40,960 × 0.085 = 3,481.60; 10,240 × 0.07 = 716.80
    expect(cost(component(dt, 'Outbound data transfer to the internet').monthlyCost)).toBe('5120.00');
    // Intra-region: 1,000 GB each way × $0.01 = 20.00
    expect(cost(component(dt, /^Intra-region/).monthlyCost)).toBe('20.00');
    // us-east-1 → eu-west-1: 500 × 0.02 = 10.00
    expect(cost(component(dt, 'Outbound data transfer to eu-west-1').monthlyCost)).toBe('10.00');
    expect(cost(dt.monthlyCost)).toBe('5150.00');
    expect(dt.region).toBe('us-east-1');
  });

  it('rejects an unknown destination region', async () => {
    const [dt] = await estimate([], { 'aws_data_transfer.x': { monthly_outbound_region_gb: { 'eu-nowhere-9': 1 } } });
    expect(dt.unpriced[0].reason).toMatch(/unknown region "eu-nowhere-9"/);
  });
});
