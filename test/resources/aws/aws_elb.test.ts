import { cost, estimateOne } from '../../support/estimate.js';

describe('aws_elb', () => {
  it('classic load balancer: $18.25 per 730 hours plus $0.008 per GB', async () => {
    const r = await estimateOne('aws_elb', {}, { monthly_data_processed_gb: 1000 });
    // 18.25 + 1000 × 0.008 = 18.25 + 8.00
    expect(cost(r.monthlyCost)).toBe('26.25');
  });

  it('scales the hourly charge with monthly_hrs', async () => {
    const r = await estimateOne('aws_elb', {}, { monthly_hrs: 365 });
    // 365 h of a $18.25-per-730-hours price = $9.125 → $9.13
    expect(cost(r.monthlyCost)).toBe('9.13');
  });
});
