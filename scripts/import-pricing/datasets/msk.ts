import { meteredDataset, type Mapped } from '../metered.js';

/**
 * feeds/msk_pricing.csv → AmazonMSK provisioned clusters: broker hours by usagetype
 * `Kafka.<type>` (the feed's own usageType field, without the region prefix) and broker storage.
 * The "RunBroker-computefamily-…" keys repeat the broker rows; Serverless, Connect, Replicator,
 * tiered storage and provisioned throughput stay under their feed keys (not priced yet).
 */
const MSK_FAMILY = 'Managed Streaming for Apache Kafka (MSK)';

function mapKey(key: string): Mapped | undefined {
  const broker = /^RunBroker ([a-z0-9]+\.[a-z0-9]+)$/.exec(key);
  if (broker) return { family: MSK_FAMILY, attributes: { usagetype: `Kafka.${broker[1]}` }, unit: 'Hrs' };
  if (key === 'RunVolume') return { family: MSK_FAMILY, attributes: { usagetype: 'Kafka.Storage.GP2' }, unit: 'GB-Mo' };
  return undefined;
}

export const msk = { ...meteredDataset('msk_pricing.csv', mapKey, 'AmazonMSK'), bundled: true };
