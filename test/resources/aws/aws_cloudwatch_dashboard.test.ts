import { component, cost, estimateOne } from '../../support/estimate.js';

describe('aws_cloudwatch_dashboard', () => {
  it('is priced globally at $3.00 per dashboard-month, whatever the region', async () => {
    const r = await estimateOne('aws_cloudwatch_dashboard', { dashboard_name: 'ops', dashboard_body: '{}' }, {}, 'eu-west-1');
    expect(cost(r.monthlyCost)).toBe('3.00');
    expect(component(r, 'Dashboard').provenance[0].date).toBe('2025-09-23');
  });
});
