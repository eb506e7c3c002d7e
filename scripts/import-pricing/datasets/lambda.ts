import { mapped, meteredDataset, type Mapped } from '../metered.js';

/**
 * lambda_pricing.csv → AWSLambda "Serverless" products, identified by the Price List `group`.
 * Duration is one tiered product per architecture (the feed's Tier2/Tier3 keys share the tier-1
 * SKU); the feed does not state the bounds, so they are AWS's published duration tiers in
 * GB-seconds: x86 first 6B / next 9B / over 15B, Arm first 7.5B / next 11.25B / over 18.75B.
 * The `global` free-tier keys are account-wide allowances, not prices, and stay unmapped.
 */
const serverless = (group: string, unit: string, start?: string, end?: string): Mapped => mapped('Serverless', { group }, unit, start, end);

const ENTRIES: Record<string, Mapped> = {
  'Lambda Requests': serverless('AWS-Lambda-Requests', 'Requests'),
  'Lambda Requests-ARM': serverless('AWS-Lambda-Requests-ARM', 'Requests'),
  'Lambda Duration': serverless('AWS-Lambda-Duration', 'GB-Second', undefined, '6000000000'),
  'Lambda Duration Tier2': serverless('AWS-Lambda-Duration', 'GB-Second', '6000000000', '15000000000'),
  'Lambda Duration Tier3': serverless('AWS-Lambda-Duration', 'GB-Second', '15000000000'),
  'Lambda Duration-ARM': serverless('AWS-Lambda-Duration-ARM', 'GB-Second', undefined, '7500000000'),
  'Lambda Duration-ARM Tier2': serverless('AWS-Lambda-Duration-ARM', 'GB-Second', '7500000000', '18750000000'),
  'Lambda Duration-ARM Tier3': serverless('AWS-Lambda-Duration-ARM', 'GB-Second', '18750000000'),
  'Lambda Storage-Duration': serverless('AWS-Lambda-Storage-Duration', 'GB-Second'),
  'Lambda Storage-Duration-ARM': serverless('AWS-Lambda-Storage-Duration-ARM', 'GB-Second'),
  'Lambda Provisioned-Concurrency': serverless('AWS-Lambda-Provisioned-Concurrency', 'GB-Second'),
  'Lambda Provisioned-Concurrency-ARM': serverless('AWS-Lambda-Provisioned-Concurrency-ARM', 'GB-Second'),
  'Lambda Duration-Provisioned': serverless('AWS-Lambda-Duration-Provisioned', 'GB-Second'),
  'Lambda Duration-Provisioned-ARM': serverless('AWS-Lambda-Duration-Provisioned-ARM', 'GB-Second'),
};

export const lambda = meteredDataset('lambda_pricing.csv', (key, row) => (row.region === 'global' ? undefined : ENTRIES[key]));
