import { runningHours } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { eksClusterHours } from './shared/prices-platform.js';

/**
 * When each Kubernetes version leaves EKS standard support (AWS's EKS release calendar). After
 * that date a cluster still on the version pays the extended-support surcharge. Versions not
 * listed are newer and in standard support.
 */
const STANDARD_SUPPORT_ENDS: Record<string, string> = {
  '1.23': '2023-10-11',
  '1.24': '2024-01-31',
  '1.25': '2024-05-01',
  '1.26': '2024-06-11',
  '1.27': '2024-07-24',
  '1.28': '2024-11-26',
  '1.29': '2025-03-23',
  '1.30': '2025-07-23',
  '1.31': '2025-11-26',
  '1.32': '2026-03-23',
};

/** An EKS control plane by the hour, plus the extended-support surcharge for old versions. */
export const awsEksCluster: ResourceType = {
  type: 'aws_eks_cluster',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the cluster runs per month (default 730)' }],
  costs(r) {
    const components: CostComponentSpec[] = [
      { name: 'EKS cluster', unit: 'hours', price: eksClusterHours(r.region, false), quantity: runningHours(r) },
    ];
    const assumptions: string[] = [];
    // An unset version is the latest, in standard support; support_type STANDARD upgrades
    // clusters automatically instead of extending support.
    const version = r.optStr('version');
    const supportType = r.isUnknown('upgrade_policy') ? undefined : r.block('upgrade_policy')?.optStr('support_type');
    const ends = version ? STANDARD_SUPPORT_ENDS[version] : undefined;
    if (ends && supportType !== 'STANDARD' && new Date(`${ends}T00:00:00Z`).getTime() <= Date.now()) {
      components.push({ name: 'Extended support', unit: 'hours', price: eksClusterHours(r.region, true), quantity: runningHours(r) });
      assumptions.push(`Kubernetes ${version} left standard support on ${ends}; extended support is billed until the cluster is upgraded`);
    }
    return { components, assumptions };
  },
};
