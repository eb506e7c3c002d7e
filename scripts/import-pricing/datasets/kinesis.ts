import { meteredDataset, type Mapped } from '../metered.js';

/**
 * feeds/kinesis_pricing.csv → AmazonKinesis "Kinesis Streams" products, by the Price List's
 * usagetype and operation (the feed's keys name the operation). Provisioned shard hours and PUT
 * payload units; on-demand stream hours, data in and out, enhanced fan-out and retention. The
 * "CNN1 …" twins (same rate codes, four regions) and enhanced fan-out for provisioned streams stay
 * under their feed keys.
 */
const streams = (usagetype: string, operation: string, unit: string): Mapped => ({ family: 'Kinesis Streams', attributes: { operation, usagetype }, unit });

const ENTRIES: Record<string, Mapped> = {
  'Provisioned shard hour per ShardHour': streams('Storage-ShardHour', 'shardHourStorage', 'ShardHour'),
  'Payload Units per PutRequest': streams('PutRequestPayloadUnits', 'PutRequest', 'PutRequest'),
  'OnDemandStreamHr per StreamHr': streams('OnDemand-StreamHour', 'OnDemandStreamHr', 'StreamHour'),
  'OnDemandDataIngested per GB': streams('OnDemand-BilledIncomingBytes', 'OnDemandDataIngested', 'GB'),
  'OnDemandDataRetrieval per GB': streams('OnDemand-BilledOutgoingBytes', 'OnDemandDataRetrieval', 'GB'),
  'OnDemandEFODataRetrieval per GB': streams('OnDemand-BilledOutgoingEFOBytes', 'OnDemandEFODataRetrieval', 'GB'),
  'OnDemandExtendedRetentionByteHrs per GB month': streams('OnDemand-ExtendedRetention-ByteHrs', 'OnDemandExtendedRetentionByteHrs', 'GB-Mo'),
  'OnDemandLongTermRetentionByteHrs per GB month': streams('OnDemand-LongTermRetention-ByteHrs', 'OnDemandLongTermRetentionByteHrs', 'GB-Mo'),
};

export const kinesis = { ...meteredDataset('kinesis_pricing.csv', (key) => ENTRIES[key], 'AmazonKinesis'), bundled: true };
