import type { ResourceType } from '../types.js';
import { searchDomainCosts } from './shared/search-domain.js';

/** A legacy Elasticsearch domain: priced as OpenSearch Service, which bills it. */
export const awsElasticsearchDomain: ResourceType = {
  type: 'aws_elasticsearch_domain',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the domain runs per month (default 730)' }],
  costs: (r) => searchDomainCosts(r, 'm4.large.elasticsearch'),
};
