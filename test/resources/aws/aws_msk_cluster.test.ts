import { component, cost, estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

const cluster = {
  number_of_broker_nodes: 3,
  broker_node_group_info: [{ instance_type: 'kafka.m5.large', storage_info: [{ ebs_storage_info: [{ volume_size: 1000 }] }] }],
};

describe('aws_msk_cluster', () => {
  it('broker hours and per-broker storage', () => {
    const s = specOf('aws_msk_cluster', cluster);
    const brokers = line(s, 'Broker instances (kafka.m5.large)');
    expect(brokers.price).toMatchObject({ service: 'AmazonMSK', productFamily: 'Managed Streaming for Apache Kafka (MSK)', attributes: { usagetype: 'Kafka.m5.large' } });
    // 3 brokers × 730 h
    expect(monthly(brokers)).toBe('2190');
    // 3 × 1,000 GB
    expect(monthly(line(s, 'Storage'))).toBe('3000');
  });

  it('prices broker hours and storage from the snapshot', async () => {
    const r = await estimateOne('aws_msk_cluster', cluster);
    expect(cost(component(r, 'Broker instances (kafka.m5.large)').monthlyCost)).toBe('459.90'); // 2,190 h × $0.21
    expect(cost(component(r, 'Storage').monthlyCost)).toBe('300.00'); // 3,000 GB × $0.10
    expect(cost(r.monthlyCost)).toBe('759.90');
    const graviton = await estimateOne(
      'aws_msk_cluster',
      { number_of_broker_nodes: 2, broker_node_group_info: [{ instance_type: 'kafka.m7g.large', storage_info: [{ ebs_storage_info: [{ volume_size: 100 }] }] }] },
      {},
      'eu-west-1',
    );
    // 1,460 h × $0.2275 = 332.15; 200 GB × $0.11 = 22.00
    expect(graviton.components.map((c) => cost(c.monthlyCost))).toEqual(['332.15', '22.00']);
  });

  it('a size left to AWS is unknown', async () => {
    const noSize = await estimateOne('aws_msk_cluster', { number_of_broker_nodes: 2, broker_node_group_info: [{ instance_type: 'kafka.m5.large' }] });
    expect(noSize.unpriced[0].reason).toBe('cost depends on broker_node_group_info.storage_info.ebs_storage_info.volume_size, which is not known until apply');
  });
});
