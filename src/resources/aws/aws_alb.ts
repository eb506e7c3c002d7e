import type { ResourceType } from '../types.js';
import { LB_USAGE_KEYS, loadBalancerCosts } from './shared/load-balancer.js';

/** aws_alb is the AWS provider's older name for aws_lb; same resource, same prices. */
export const awsAlb: ResourceType = {
  type: 'aws_alb',
  usageKeys: LB_USAGE_KEYS,
  costs: loadBalancerCosts,
};
