import { component, cost, estimateOne } from '../../support/estimate.js';

// global, per health check-month: AWS endpoint 0.50, non-AWS 0.75; each optional feature 1.00
// (AWS) or 2.00 (non-AWS).
describe('aws_route53_health_check', () => {
  it('HTTPS with string matching, fast interval and latency is a check plus four options', async () => {
    const r = await estimateOne('aws_route53_health_check', { type: 'HTTPS_STR_MATCH', fqdn: 'example.com', request_interval: 10, measure_latency: true });
    // 0.50 + 4 × 1.00
    expect(cost(component(r, 'Health check (AWS endpoint)').monthlyCost)).toBe('0.50');
    expect(cost(component(r, 'Optional features (4)').monthlyCost)).toBe('4.00');
    expect(cost(r.monthlyCost)).toBe('4.50');
    expect(r.assumptions).toEqual(['endpoint taken to run in AWS (set endpoint_type: non_aws otherwise)']);
  });

  it('a basic HTTP check of a non-AWS endpoint is $0.75', async () => {
    const r = await estimateOne('aws_route53_health_check', { type: 'HTTP', fqdn: 'example.org', request_interval: 30 }, { endpoint_type: 'non_aws' });
    expect(r.components.map((c) => c.name)).toEqual(['Health check (non-AWS endpoint)']);
    expect(cost(r.monthlyCost)).toBe('0.75');
    expect(r.assumptions).toEqual([]);
  });

  it('a calculated check has no endpoint to assume about', async () => {
    const r = await estimateOne('aws_route53_health_check', { type: 'CALCULATED', child_health_threshold: 1 });
    expect(cost(r.monthlyCost)).toBe('0.50');
    expect(r.assumptions).toEqual([]);
  });
});
