import { mapped, meteredDataset, table, type Mapped } from '../metered.js';

/**
 * route53_pricing.csv → AmazonRoute53 products (hosted zones, public DNS queries and health
 * checks are `global`). Tiers come from the keys: "first 25" zones, "first 1B"/"over 1B"
 * queries. The first 50 AWS-endpoint health checks are free per account, not per check, so that
 * $0 tier stays unmapped.
 */
const ONE_BILLION = '1000000000';
const queries = (usagetype: string, start?: string, end?: string): Mapped => mapped('DNS Query', { usagetype }, 'Queries', start, end);
const healthCheck = (usagetype: string): Mapped => ({ family: 'DNS Health Check', attributes: { usagetype }, unit: 'HealthCheck-Mo' });

export const route53 = meteredDataset(
  'route53_pricing.csv',
  table({
    'DNS Zone first 25': { family: 'DNS Zone', attributes: { usagetype: 'HostedZone' }, unit: 'HostedZone-Mo', end: '25' },
    'DNS Zone': { family: 'DNS Zone', attributes: { usagetype: 'HostedZone' }, unit: 'HostedZone-Mo', start: '25' },
    'Query Standard External first 1B': queries('DNS-Queries', undefined, ONE_BILLION),
    'Query Standard External over 1B': queries('DNS-Queries', ONE_BILLION),
    'Query Latency Based Routing External first 1B': queries('LBR-Queries', undefined, ONE_BILLION),
    'Query Latency Based Routing External over 1B': queries('LBR-Queries', ONE_BILLION),
    'Query Geo DNS External first 1B': queries('Geo-Queries', undefined, ONE_BILLION),
    'Query Geo DNS External over 1B': queries('Geo-Queries', ONE_BILLION),
    'Basic Health checks AWS per Mo': healthCheck('Health-Check-AWS'),
    'Basic Health checks External Non AWS per Mo': healthCheck('Health-Check-Non-AWS'),
    'Optional Health Check Features AWS per Mo': healthCheck('Health-Check-Option-AWS'),
    'Optional Health Check Features External Non AWS per Mo': healthCheck('Health-Check-Option-Non-AWS'),
  }),
);
