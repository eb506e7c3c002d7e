import { component, cost, estimate, estimateOne } from '../../support/estimate.js';

// global, per query: standard 0.0000004 (first 1B) then 0.0000002; latency-based 0.0000006;
// geo 0.0000007.
const record = { zone_id: 'Z1', name: 'www.example.com', type: 'A', ttl: 300, records: ['192.0.2.1'] };

describe('aws_route53_record', () => {
  it('prices standard queries with the tier above 1B', async () => {
    const r = await estimateOne('aws_route53_record', record, { monthly_standard_queries: 1_500_000_000 });
    // 1e9 × 0.0000004 = 400.00; 0.5e9 × 0.0000002 = 100.00
    expect(cost(component(r, 'Standard queries').monthlyCost)).toBe('500.00');
  });

  it('uses the routing policy’s query price and usage key', async () => {
    const latency = await estimateOne(
      'aws_route53_record',
      { ...record, set_identifier: 'us', latency_routing_policy: [{ region: 'us-east-1' }] },
      { monthly_latency_based_queries: 10_000_000, monthly_standard_queries: 99 },
    );
    // 10M × 0.0000006
    expect(latency.components.map((c) => c.name)).toEqual(['Latency-based routing queries']);
    expect(cost(latency.monthlyCost)).toBe('6.00');
    const geo = await estimateOne('aws_route53_record', { ...record, set_identifier: 'eu', geolocation_routing_policy: [{ continent: 'EU' }] }, { monthly_geo_queries: 10_000_000 });
    // 10M × 0.0000007
    expect(cost(geo.monthlyCost)).toBe('7.00');
  });

  it('aliases of AWS resources answer for free, aliases of records are billed; without usage the price is shown', async () => {
    const alias = await estimateOne('aws_route53_record', { ...record, alias: [{ name: 'lb.example.com', zone_id: 'Z2', evaluate_target_health: true }] }, { monthly_standard_queries: 1_000_000 });
    expect(alias.components.map((c) => c.name)).toEqual(['Standard queries (alias to an AWS resource: free)']);
    expect(cost(alias.monthlyCost)).toBe('0.00');
    const both = await estimate(
      [
        { address: 'aws_route53_record.www', type: 'aws_route53_record', values: record },
        {
          address: 'aws_route53_record.apex',
          type: 'aws_route53_record',
          values: { ...record, name: 'example.com', records: null, ttl: null, alias: [{ name: 'www.example.com', zone_id: 'Z1', evaluate_target_health: false }] },
          references: { 'alias.name': ['aws_route53_record.www.name', 'aws_route53_record.www'] },
        },
      ],
      { 'aws_route53_record.apex': { monthly_standard_queries: 1_000_000 } },
    );
    const toRecord = both.find((x) => x.address === 'aws_route53_record.apex');
    // 1M × 0.0000004
    expect(cost(toRecord?.monthlyCost)).toBe('0.40');
    const r = await estimateOne('aws_route53_record', record);
    expect(component(r, 'Standard queries').monthlyCost).toBeNull();
    expect(component(r, 'Standard queries').unitPrice.toString()).toBe('0.0000004');
  });
});
