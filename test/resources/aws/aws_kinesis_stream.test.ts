import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsKinesisStream } from '../../../src/resources/aws/aws_kinesis_stream.js';
import type { Attributes } from '../../../src/input/types.js';
import { ResourceView } from '../../../src/resources/view.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

const view = (values: Attributes, usage: Record<string, unknown> = {}) =>
  new ResourceView({ address: 'aws_kinesis_stream.events', type: 'aws_kinesis_stream', region: 'us-east-1', values, usage });

describe('aws_kinesis_stream', () => {
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

  it('prices a provisioned stream: shard hours and PUT payload units', async () => {
    const r = await estimateOne('aws_kinesis_stream', { shard_count: 4 }, { monthly_provisioned_put_units: 100_000_000 });
    expect(cost(component(r, 'Shard hours').monthlyCost)).toBe('43.80'); // 2,920 h × $0.015
    expect(cost(component(r, 'PUT payload units').monthlyCost)).toBe('1.40'); // 100M × $0.014 per 1M
    expect(cost(r.monthlyCost)).toBe('45.20');
  });

  it('prices an on-demand stream: stream hours, data in and out, fan-out, retention', async () => {
    const r = await estimateOne(
      'aws_kinesis_stream',
      { stream_mode_details: [{ stream_mode: 'ON_DEMAND' }] },
      {
        monthly_on_demand_data_in_gb: 500,
        monthly_on_demand_data_out_gb: 1000,
        monthly_on_demand_efo_data_out_gb: 100,
        monthly_on_demand_extended_retention_gb: 50,
        monthly_on_demand_long_term_retention_gb: 200,
      },
    );
    // 730 × 0.04 = 29.20; 500 × 0.08 = 40.00; 1,000 × 0.04 = 40.00; 100 × 0.05 = 5.00; 50 × 0.10 = 5.00; 200 × 0.023 = 4.60
    expect(r.components.map((c) => cost(c.monthlyCost))).toEqual(['29.20', '40.00', '40.00', '5.00', '5.00', '4.60']);
    expect(cost(r.monthlyCost)).toBe('123.80');
  });
});
