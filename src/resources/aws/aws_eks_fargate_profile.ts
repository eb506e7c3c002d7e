import { usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { fargate } from './shared/prices-platform.js';

/**
 * An EKS Fargate profile bills the pods it schedules: vCPU-hours and GB-hours, which only usage
 * can tell (the profile itself says which pods, not how many or how big).
 */
export const awsEksFargateProfile: ResourceType = {
  type: 'aws_eks_fargate_profile',
  usageKeys: [
    { key: 'monthly_vcpu_hrs', description: 'vCPU-hours of the pods the profile runs, per month' },
    { key: 'monthly_gb_hrs', description: 'GB-hours of pod memory per month' },
  ],
  costs(r) {
    return {
      components: [
        usageLine(r, 'monthly_vcpu_hrs', { name: 'Fargate vCPU', unit: 'vCPU-hours', price: fargate('AmazonEKS', r.region, 'vCPU') }),
        usageLine(r, 'monthly_gb_hrs', { name: 'Fargate memory', unit: 'GB-hours', price: fargate('AmazonEKS', r.region, 'memory') }),
      ],
    };
  },
};
