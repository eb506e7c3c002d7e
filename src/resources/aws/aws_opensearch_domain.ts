import type { ResourceType } from '../types.js';
import { searchDomainCosts } from './shared/search-domain.js';

/** An OpenSearch Service domain: instances and EBS storage. Not in the snapshot. */
export const awsOpensearchDomain: ResourceType = {
  type: 'aws_opensearch_domain',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the domain runs per month (default 730)' }],
  costs: (r) => searchDomainCosts(r, 'm4.large.search'),
};
