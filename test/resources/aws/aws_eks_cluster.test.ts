import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1 EKS (eks_pricing.csv, 2025-10-28): $0.10 per cluster-hour; extended support is a
// $0.50 per cluster-hour surcharge on top.
describe('aws_eks_cluster', () => {
  it('a current version bills the cluster hour', async () => {
    const r = await estimateOne('aws_eks_cluster', { name: 'main', version: '1.34' });
    // 730 × 0.10 = 73.00
    expect(r.components.map((c) => c.name)).toEqual(['EKS cluster']);
    expect(cost(r.monthlyCost)).toBe('73.00');
    const unset = await estimateOne('aws_eks_cluster', { name: 'main' });
    expect(cost(unset.monthlyCost)).toBe('73.00');
  });

  it('a version past standard support adds the extended-support surcharge', async () => {
    const r = await estimateOne('aws_eks_cluster', { name: 'old', version: '1.24' });
    // 730 × 0.10 = 73.00; 730 × 0.50 = 365.00
    expect(cost(component(r, 'Extended support').monthlyCost)).toBe('365.00');
    expect(cost(r.monthlyCost)).toBe('438.00');
    expect(r.assumptions[0]).toMatch(/^Kubernetes 1.24 left standard support on 2024-01-31/);
  });

  it('support_type STANDARD upgrades instead of extending support', async () => {
    const r = await estimateOne('aws_eks_cluster', { name: 'old', version: '1.24', upgrade_policy: [{ support_type: 'STANDARD' }] });
    expect(cost(r.monthlyCost)).toBe('73.00');
  });

  it('a cluster that runs part of the month', async () => {
    const r = await estimateOne('aws_eks_cluster', { name: 'dev', version: '1.34' }, { monthly_hrs: 200 });
    // 200 × 0.10 = 20.00
    expect(cost(r.monthlyCost)).toBe('20.00');
  });
});
