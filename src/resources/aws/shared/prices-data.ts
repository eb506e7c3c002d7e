import type { PriceQuery } from '../../../pricing/types.js';
import { onDemandQuery } from './prices.js';

/**
 * Price List queries for the serverless, data, messaging and edge services. Every query uses the
 * Price List's own service codes, product families and attribute values (usage types without
 * their region prefix), so the snapshot and `GetProducts` answer the same question.
 */

/** Location-less products (Route 53 zones and queries, CloudWatch dashboards, CloudFront). */
export const GLOBAL_REGION = 'global';

/** Lambda: requests, duration, ephemeral storage and provisioned concurrency, by `group`. */
export function lambdaProduct(region: string, group: string): PriceQuery {
  return onDemandQuery('AWSLambda', region, 'Serverless', { group });
}

export function s3Storage(region: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonS3', region, 'Storage', { usagetype });
}

export function s3Requests(region: string, usagetype: string, extra: Record<string, string> = {}): PriceQuery {
  return onDemandQuery('AmazonS3', region, 'API Request', { usagetype, ...extra });
}

/** S3 per-GB and per-object fees (retrievals, Select, Intelligent-Tiering monitoring). */
export function s3Fee(region: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonS3', region, undefined, { usagetype });
}

/** S3 Glacier Deep Archive is billed under its own Price List service code. */
export function s3DeepArchive(region: string, productFamily: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonS3GlacierDeepArchive', region, productFamily, { usagetype });
}

export function dynamodbProduct(region: string, productFamily: string, attributes: Record<string, string>): PriceQuery {
  return onDemandQuery('AmazonDynamoDB', region, productFamily, attributes);
}

export function dynamodbBackupStorage(region: string): PriceQuery {
  return dynamodbProduct(region, 'Amazon DynamoDB On-Demand Backup Storage', { usagetype: 'TimedBackupStorage-ByteHrs' });
}

export function dynamodbRestore(region: string): PriceQuery {
  return dynamodbProduct(region, 'Amazon DynamoDB Restore Data Size', { usagetype: 'RestoreDataSize-Bytes' });
}

export function cloudwatchProduct(region: string, productFamily: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonCloudWatch', region, productFamily, { usagetype });
}

export function route53Product(productFamily: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonRoute53', GLOBAL_REGION, productFamily, { usagetype });
}

export function kmsProduct(region: string, usagetype: string, productFamily?: string): PriceQuery {
  return onDemandQuery('awskms', region, productFamily, { usagetype });
}

export function secretsManagerProduct(region: string, productFamily: 'Secret' | 'API Request'): PriceQuery {
  const usagetype = productFamily === 'Secret' ? 'AWSSecretsManager-Secrets' : 'AWSSecretsManager-APIRequest';
  return onDemandQuery('AWSSecretsManager', region, productFamily, { usagetype });
}

export function sqsRequests(region: string, queueType: 'Standard' | 'FIFO (first-in, first-out)'): PriceQuery {
  return onDemandQuery('AWSQueueService', region, 'API Request', { queueType });
}

export function snsProduct(region: string, productFamily: 'API Request' | 'Message Delivery', usagetype: string): PriceQuery {
  return onDemandQuery('AmazonSNS', region, productFamily, { usagetype });
}

export function ecrStorage(region: string): PriceQuery {
  return onDemandQuery('AmazonECR', region, 'EC2 Container Registry', { usagetype: 'TimedStorage-ByteHrs' });
}

/** CloudFront is priced by edge location group (`fromLocation`/`location`), not by region. */
export function cloudfrontProduct(attributes: Record<string, string>): PriceQuery {
  return onDemandQuery('AmazonCloudFront', GLOBAL_REGION, undefined, attributes);
}

export function apiGatewayProduct(region: string, productFamily: 'API Calls' | 'WebSocket', usagetype: string): PriceQuery {
  return onDemandQuery('AmazonApiGateway', region, productFamily, { usagetype });
}

export function stepFunctionsProduct(region: string, usagetype: string, productFamily: string | undefined = 'AWS Step Functions'): PriceQuery {
  return onDemandQuery('AmazonStates', region, productFamily, { usagetype });
}

export function kinesisProduct(region: string, usagetype: string, operation: string): PriceQuery {
  return onDemandQuery('AmazonKinesis', region, 'Kinesis Streams', { usagetype, operation });
}

export function backupStorage(region: string, productFamily: string, usagetype: string): PriceQuery {
  return onDemandQuery('AWSBackup', region, productFamily, { usagetype });
}
