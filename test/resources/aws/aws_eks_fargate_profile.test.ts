import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1 EKS Fargate (eks_pricing.csv, 2025-10-28): $0.04048 per vCPU-hour, $0.004445 per
// GB-hour.
describe('aws_eks_fargate_profile', () => {
  it('bills the pods’ vCPU-hours and GB-hours from usage', async () => {
    const r = await estimateOne('aws_eks_fargate_profile', { cluster_name: 'main' }, { monthly_vcpu_hrs: 1460, monthly_gb_hrs: 2920 });
    // 1,460 × 0.04048 = 59.1008 → 59.10; 2,920 × 0.004445 = 12.9794 → 12.98
    expect(cost(component(r, 'Fargate vCPU').monthlyCost)).toBe('59.10');
    expect(cost(component(r, 'Fargate memory').monthlyCost)).toBe('12.98');
    expect(cost(r.monthlyCost)).toBe('72.08');
  });

  it('without usage shows the unit prices only', async () => {
    const r = await estimateOne('aws_eks_fargate_profile', { cluster_name: 'main' });
    expect(r.monthlyCost).toBeNull();
    expect(component(r, 'Fargate vCPU').unitPrice.toString()).toBe('0.04048');
    expect(component(r, 'Fargate memory').unitPrice.toString()).toBe('0.004445');
  });
});
