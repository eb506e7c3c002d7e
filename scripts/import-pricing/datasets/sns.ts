import { meteredDataset, table, type Mapped } from '../metered.js';

/**
 * sns_pricing.csv → AmazonSNS products: publishes (API requests) and deliveries by protocol, by
 * `usagetype`. The "HTTP 0 to 100000" / "SMTP 0 to 1000" keys are the account-wide free tier of the
 * same SKU and stay unmapped; "HTTP Notifications" is that SKU's paid rate. SMS depends on the
 * destination country and is not in the feed as a price (its row is a $0 placeholder).
 */
const delivery = (usagetype: string): Mapped => ({ family: 'Message Delivery', attributes: { usagetype }, unit: 'Notifications' });

export const sns = meteredDataset(
  'sns_pricing.csv',
  table({
    'Amazon SNS API Requests': { family: 'API Request', attributes: { usagetype: 'Requests-Tier1' }, unit: 'Requests' },
    'HTTP Notifications': delivery('DeliveryAttempts-HTTP'),
    'SNS Email and Email JSON Notifications': delivery('DeliveryAttempts-SMTP'),
    'Amazon Kinesis Data Firehose Messages': delivery('DeliveryAttempts-FIREHOSE'),
    'Apple Push Notification Service APNS iOS Notifications': delivery('DeliveryAttempts-APNS'),
    'Apple Push Notification Service APNS Mac OS Notifications': delivery('DeliveryAttempts-MACOS'),
    'Amazon SQS Notifications': delivery('DeliveryAttempts-SQS'),
    'AWS Lambda Notifications': delivery('DeliveryAttempts-LAMBDA'),
  }),
);
