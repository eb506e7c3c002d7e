import { component, cost, estimateOne, sub } from '../../support/estimate.js';

// us-east-1 only in the snapshot (infracost-derived rows): 0.40 per secret-month, 0.05 per 10k API
// requests.
describe('aws_secretsmanager_secret', () => {
  it('a secret with 1M API requests is $5.40', async () => {
    const r = await estimateOne('aws_secretsmanager_secret', { name: 'db' }, { monthly_requests: 1_000_000 });
    // 0.40 + 1,000,000 / 10,000 × 0.05 = 5.00
    expect(cost(component(r, 'Secret').monthlyCost)).toBe('0.40');
    expect(cost(component(r, 'API requests').monthlyCost)).toBe('5.00');
    expect(cost(r.monthlyCost)).toBe('5.40');
  });

  it('a replica is another secret in its region, which the snapshot does not price', async () => {
    const r = await estimateOne('aws_secretsmanager_secret', { name: 'db', replica: [{ region: 'eu-west-1' }] });
    expect(cost(r.monthlyCost)).toBe('0.40');
    const replica = sub(r, 'Replica (eu-west-1)');
    expect(replica.unpriced[0].reason).toMatch(/not in pricing cache for eu-west-1 \(AWSSecretsManager\)/);
  });

  it('outside us-east-1 it is reported unpriced offline', async () => {
    const r = await estimateOne('aws_secretsmanager_secret', { name: 'db' }, {}, 'us-west-2');
    expect(r.monthlyCost).toBeNull();
    expect(r.unpriced.map((u) => u.component)).toEqual(['Secret', 'API requests']);
  });
});
