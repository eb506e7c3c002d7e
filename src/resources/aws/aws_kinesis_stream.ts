import { perHour, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { InvalidValueError } from '../view.js';
import { kinesisProduct } from './shared/prices-data.js';

const onDemandLine = (name: string, unit: string, usagetype: string, operation: string, key: string) => ({ name, unit, usagetype, operation, key });

const ON_DEMAND_USAGE = [
  onDemandLine('Data ingested', 'GB', 'OnDemand-BilledIncomingBytes', 'OnDemandDataIngested', 'monthly_on_demand_data_in_gb'),
  onDemandLine('Data retrieval', 'GB', 'OnDemand-BilledOutgoingBytes', 'OnDemandDataRetrieval', 'monthly_on_demand_data_out_gb'),
  onDemandLine('Enhanced fan-out data retrieval', 'GB', 'OnDemand-BilledOutgoingEFOBytes', 'OnDemandEFODataRetrieval', 'monthly_on_demand_efo_data_out_gb'),
  onDemandLine('Extended retention (24 hours to 7 days)', 'GB-months', 'OnDemand-ExtendedRetention-ByteHrs', 'OnDemandExtendedRetentionByteHrs', 'monthly_on_demand_extended_retention_gb'),
  onDemandLine('Long-term retention (over 7 days)', 'GB-months', 'OnDemand-LongTermRetention-ByteHrs', 'OnDemandLongTermRetentionByteHrs', 'monthly_on_demand_long_term_retention_gb'),
];

/**
 * A Kinesis data stream. PROVISIONED (the default) bills shard hours and PUT payload units;
 * ON_DEMAND bills a stream hour plus data in, out and retained, from usage.
 */
export const awsKinesisStream: ResourceType = {
  type: 'aws_kinesis_stream',
  usageKeys: [
    { key: 'monthly_provisioned_put_units', description: 'PUT payload units (25 KB each) per month (PROVISIONED)' },
    ...ON_DEMAND_USAGE.map((l) => ({ key: l.key, description: `${l.name}, ${l.unit} per month (ON_DEMAND)` })),
  ],
  costs(r) {
    const modeBlock = r.isUnknown('stream_mode_details') ? undefined : r.block('stream_mode_details');
    const mode = modeBlock?.optStr('stream_mode', 'PROVISIONED') ?? 'PROVISIONED';
    const region = r.region;
    if (mode === 'PROVISIONED') {
      const shards = r.num('shard_count');
      if (shards === undefined) throw new InvalidValueError('shard_count is required for a PROVISIONED stream');
      return {
        components: [
          { name: 'Shard hours', unit: 'hours', price: kinesisProduct(region, 'Storage-ShardHour', 'shardHourStorage'), quantity: perHour(shards) },
          usageLine(r, 'monthly_provisioned_put_units', { name: 'PUT payload units', unit: 'payload units', price: kinesisProduct(region, 'PutRequestPayloadUnits', 'PutRequest') }),
        ],
      };
    }
    if (mode !== 'ON_DEMAND') throw new InvalidValueError(`stream_mode "${mode}" is not PROVISIONED or ON_DEMAND`);
    const components: CostComponentSpec[] = [
      { name: 'Stream hours (on-demand)', unit: 'hours', price: kinesisProduct(region, 'OnDemand-StreamHour', 'OnDemandStreamHr'), quantity: perHour(1) },
      ...ON_DEMAND_USAGE.map((l) => usageLine(r, l.key, { name: l.name, unit: l.unit, price: kinesisProduct(region, l.usagetype, l.operation) })),
    ];
    return { components };
  },
};
