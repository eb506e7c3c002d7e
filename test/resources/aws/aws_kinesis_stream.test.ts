import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsKinesisStream } from '../../../src/resources/aws/aws_kinesis_stream.js';
import type { Attributes } from '../../../src/input/types.js';
import { ResourceView } from '../../../src/resources/view.js';
import { estimateOne } from '../../support/estimate.js';

const view = (values: Attributes, usage: Record<string, unknown> = {}) =>
  new ResourceView({ address: 'aws_kinesis_stream.events', type: 'aws_kinesis_stream', region: 'us-east-1', values, usage });

describe('aws_kinesis_stream (online-only: Kinesis is not in the snapshot)', () => {
  it('PROVISIONED bills shard hours for every shard, all month', () => {
    const [shards, put] = awsKinesisStream.costs(view({ shard_count: 4 })).components;
    expect(shards.price).toMatchObject({ service: 'AmazonKinesis', productFamily: 'Kinesis Streams', attributes: { usagetype: 'Storage-ShardHour', operation: 'shardHourStorage' } });
    // 4 shards × 730 h
    expect(monthlyQuantity(shards)?.toString()).toBe('2920');
    expect(put.quantity).toBeNull();
  });

  it('ON_DEMAND bills a stream hour and data from usage', () => {
    const spec = awsKinesisStream.costs(view({ stream_mode_details: [{ stream_mode: 'ON_DEMAND' }] }, { monthly_on_demand_data_in_gb: 500 }));
    expect(spec.components[0].price.attributes.usagetype).toBe('OnDemand-StreamHour');
    expect(monthlyQuantity(spec.components[0])?.toString()).toBe('730');
    expect(monthlyQuantity(spec.components[1])?.toString()).toBe('500');
  });

  it('is reported unpriced offline', async () => {
    const r = await estimateOne('aws_kinesis_stream', { shard_count: 1 });
    expect(r.monthlyCost).toBeNull();
    expect(r.unpriced[0].reason).toMatch(/not in pricing cache for us-east-1 \(AmazonKinesis\)/);
  });
});
