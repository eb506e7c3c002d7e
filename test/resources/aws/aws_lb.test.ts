import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1, as stated for 730 hours: ALB and NLB $16.43, ALB LCU $5.84, NLB LCU $4.38 per LCU-month.
describe('aws_lb', () => {
  it('application load balancer: hours plus LCUs from usage', async () => {
    const r = await estimateOne('aws_lb', { load_balancer_type: 'application' }, { new_connections: 50, processed_bytes_gb: 1, rule_evaluations: 500 });
    expect(cost(component(r, 'Application load balancer').monthlyCost)).toBe('16.43');
    // LCUs = max(50 / 25, 1 / 1, 500 / 1000) = 2 per hour → 2 × $5.84 = $11.68
    expect(cost(component(r, 'Load balancer capacity units').monthlyCost)).toBe('11.68');
    expect(cost(r.monthlyCost)).toBe('28.11');
  });

  it('network load balancer', async () => {
    const r = await estimateOne('aws_lb', { load_balancer_type: 'network' }, { processed_bytes_gb: 3 });
    // 16.43 + 3 × 4.38 = 16.43 + 13.14
    expect(cost(r.monthlyCost)).toBe('29.57');
  });

  it('aws_alb is the same resource', async () => {
    const r = await estimateOne('aws_alb', {});
    expect(cost(r.monthlyCost)).toBe('16.43');
    expect(component(r, 'Load balancer capacity units').monthlyCost).toBeNull();
  });

  it('gateway load balancers and regions without ELB prices are unpriced, not $0', async () => {
    const gw = await estimateOne('aws_lb', { load_balancer_type: 'gateway' });
    expect(gw.monthlyCost).toBeNull();
    expect(gw.unpriced.map((u) => u.component)).toEqual(['Gateway load balancer', 'Load balancer capacity units']);
    const eu = await estimateOne('aws_lb', {}, {}, 'eu-west-1');
    expect(eu.monthlyCost).toBeNull();
    expect(eu.unpriced[0].reason).toMatch(/not in pricing cache for eu-west-1/);
  });
});
