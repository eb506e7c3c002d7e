import { fromUsage } from '../quantity.js';
import type { CostComponentSpec, ResourceType, UnpricedSpec } from '../types.js';
import { snsProduct } from './shared/prices-data.js';
import { chunkedRequests } from './shared/usage-math.js';

/** Deliveries per protocol: Infracost's subscription-count usage keys → Price List usage types. */
const PROTOCOLS: { key: string; name: string; usagetype: string }[] = [
  { key: 'http_subscriptions', name: 'HTTP/HTTPS notifications', usagetype: 'DeliveryAttempts-HTTP' },
  { key: 'email_subscriptions', name: 'Email/Email-JSON notifications', usagetype: 'DeliveryAttempts-SMTP' },
  { key: 'kinesis_subscriptions', name: 'Kinesis Data Firehose notifications', usagetype: 'DeliveryAttempts-FIREHOSE' },
  { key: 'mobile_push_subscriptions', name: 'Mobile push notifications', usagetype: 'DeliveryAttempts-APNS' },
  { key: 'macos_subscriptions', name: 'macOS notifications', usagetype: 'DeliveryAttempts-MACOS' },
  { key: 'sqs_subscriptions', name: 'SQS notifications', usagetype: 'DeliveryAttempts-SQS' },
  { key: 'lambda_subscriptions', name: 'Lambda notifications', usagetype: 'DeliveryAttempts-LAMBDA' },
];

/**
 * An SNS topic: publishes (each started 64 KB is a request) and deliveries to each protocol's
 * subscriptions, from usage. Account-wide free tiers are not deducted. SMS prices depend on the
 * destination country and FIFO topics have their own publish and payload prices: not priced yet.
 */
export const awsSnsTopic: ResourceType = {
  type: 'aws_sns_topic',
  usageKeys: [
    { key: 'monthly_requests', description: 'publishes per month' },
    { key: 'request_size_kb', description: 'average message size, KB (each started 64 KB is billed as a request)' },
    ...PROTOCOLS.map((p) => ({ key: p.key, description: `subscriptions receiving ${p.name.toLowerCase()}` })),
    { key: 'sms_subscriptions', description: 'SMS subscriptions (not priced: SMS prices depend on the destination)' },
  ],
  costs(r) {
    const unpriced: UnpricedSpec[] = [];
    if (r.optBool('fifo_topic', false)) {
      return { components: [], unpriced: [{ component: 'FIFO topic', reason: 'FIFO topic publish and payload prices are not priced yet' }] };
    }
    const assumptions: string[] = [];
    const requests = chunkedRequests(r, 'monthly_requests', 'request_size_kb', 64, assumptions);
    const components: CostComponentSpec[] = [
      {
        name: 'API requests',
        unit: 'requests',
        price: snsProduct(r.region, 'API Request', 'Requests-Tier1'),
        quantity: fromUsage(requests),
        usageBased: true,
      },
    ];
    for (const p of PROTOCOLS) {
      const subscriptions = r.usageNum(p.key);
      if (subscriptions === undefined) continue;
      components.push({
        name: p.name,
        unit: 'notifications',
        price: snsProduct(r.region, 'Message Delivery', p.usagetype),
        quantity: fromUsage(requests === undefined ? undefined : requests.times(subscriptions)),
        usageBased: true,
      });
    }
    if (r.usageNum('sms_subscriptions')?.isPositive()) {
      unpriced.push({ component: 'SMS notifications', reason: 'SMS prices depend on the destination country and are not in the Price List' });
    }
    return { components, unpriced, assumptions };
  },
};
