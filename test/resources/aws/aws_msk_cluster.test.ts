import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// MSK prices are not in the snapshot: asked of AmazonMSK in Price List terms, unpriced offline.
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

  it('is unpriced offline; a size left to AWS is unknown', async () => {
    const r = await estimateOne('aws_msk_cluster', cluster);
    expect(r.unpriced[0].reason).toMatch(/^not in pricing cache for us-east-1 \(AmazonMSK\)/);
    const noSize = await estimateOne('aws_msk_cluster', { number_of_broker_nodes: 2, broker_node_group_info: [{ instance_type: 'kafka.m5.large' }] });
    expect(noSize.unpriced[0].reason).toBe('cost depends on broker_node_group_info.storage_info.ebs_storage_info.volume_size, which is not known until apply');
  });
});
