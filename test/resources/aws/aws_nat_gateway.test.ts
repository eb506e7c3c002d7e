import { component, cost, estimateOne } from '../../support/estimate.js';

describe('aws_nat_gateway', () => {
  it('bills hours and, with usage, GB processed', async () => {
    // us-east-1: 730 × $0.045 = $32.85; 1,000 GB × $0.045 = $45.00
    const r = await estimateOne('aws_nat_gateway', {}, { monthly_data_processed_gb: 1000 });
    expect(cost(component(r, 'NAT gateway').monthlyCost)).toBe('32.85');
    expect(cost(component(r, 'Data processed').monthlyCost)).toBe('45.00');
    expect(cost(r.monthlyCost)).toBe('77.85');
  });

  it('shows the per-GB price when usage is not given', async () => {
    const r = await estimateOne('aws_nat_gateway', {});
    expect(component(r, 'Data processed').monthlyCost).toBeNull();
    expect(component(r, 'Data processed').unitPrice.toString()).toBe('0.045');
    expect(r.hasUsageBasedUnknowns).toBe(true);
  });

  it('eu-south-2 prices: 730 × $0.048 = $35.04', async () => {
    const r = await estimateOne('aws_nat_gateway', {}, {}, 'eu-south-2');
    expect(cost(r.monthlyCost)).toBe('35.04');
  });
});
