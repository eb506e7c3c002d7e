import type { ResourceType } from '../types.js';
import { LB_USAGE_KEYS, loadBalancerCosts } from './shared/load-balancer.js';

/** Elastic Load Balancing v2: application (default), network or gateway load balancer. */
export const awsLb: ResourceType = {
  type: 'aws_lb',
  usageKeys: LB_USAGE_KEYS,
  costs: loadBalancerCosts,
};
