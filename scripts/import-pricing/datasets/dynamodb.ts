import { meteredDataset, table, type Mapped } from '../metered.js';

/**
 * dynamodb_pricing.csv → AmazonDynamoDB products. Provisioned capacity, pay-per-request units and
 * storage are told apart by `usagetype` (Standard-IA table class usage types carry an `IA-`
 * prefix). The feed's "Free Tier" keys are the $0 first tier of the same SKU: an account-wide
 * allowance (25 RCU/WCU, 25 GB), not a per-table price, so they stay unmapped.
 */
const entry = (family: string, attributes: Record<string, string>, unit: string): Mapped => ({ family, attributes, unit });
const capacity = (group: string, usagetype: string): Mapped => entry('Provisioned IOPS', { group, usagetype }, 'CapacityUnit-Hrs');
const onDemand = (group: string, usagetype: string): Mapped =>
  entry('Amazon DynamoDB PayPerRequest Throughput', { group, usagetype }, 'RequestUnits');
const storage = (usagetype: string): Mapped => entry('Database Storage', { usagetype }, 'GB-Mo');

export const dynamodb = meteredDataset(
  'dynamodb_pricing.csv',
  table({
    'Provisioned Read Units': capacity('DDB-ReadUnits', 'ReadCapacityUnit-Hrs'),
    'Provisioned Write Units': capacity('DDB-WriteUnits', 'WriteCapacityUnit-Hrs'),
    'Provisioned Read Units IA': capacity('DDB-ReadUnits', 'IA-ReadCapacityUnit-Hrs'),
    'Provisioned Write Units IA': capacity('DDB-WriteUnits', 'IA-WriteCapacityUnit-Hrs'),
    'PayPerRequest Read Request Units': onDemand('DDB-ReadUnits', 'ReadRequestUnits'),
    'PayPerRequest Write Request Units': onDemand('DDB-WriteUnits', 'WriteRequestUnits'),
    'PayPerRequest Read Request Units IA': onDemand('DDB-ReadUnits', 'IA-ReadRequestUnits'),
    'PayPerRequest Write Request Units IA': onDemand('DDB-WriteUnits', 'IA-WriteRequestUnits'),
    'Data Storage Indexed GB-Mo': storage('TimedStorage-ByteHrs'),
    'Data Storage Indexed - IA GB-Mo': storage('IA-TimedStorage-ByteHrs'),
    'PITR Backup Storage GB-Mo': storage('TimedPITRStorage-ByteHrs'),
    'On-Demand Backup Storage GB-Month': entry('Amazon DynamoDB On-Demand Backup Storage', { usagetype: 'TimedBackupStorage-ByteHrs' }, 'GB-Mo'),
    'Restore Data Size': entry('Amazon DynamoDB Restore Data Size', { usagetype: 'RestoreDataSize-Bytes' }, 'GB'),
    'Streams Read Requests': entry('API Request', { group: 'DDB-StreamsReadRequests', usagetype: 'Streams-ReadRequestUnits' }, 'Requests'),
  }),
);
