import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Amazon MQ prices are not in the snapshot: asked of AmazonMQ, unpriced offline.
describe('aws_mq_broker', () => {
  it('ActiveMQ active/standby: the Multi-AZ broker and EFS storage', () => {
    const s = specOf('aws_mq_broker', { engine_type: 'ActiveMQ', host_instance_type: 'mq.m5.large', deployment_mode: 'ACTIVE_STANDBY_MULTI_AZ' }, { storage_size_gb: 20 });
    const broker = line(s, 'Broker (ActiveMQ, mq.m5.large, Multi-AZ)');
    expect(broker.price).toMatchObject({ service: 'AmazonMQ', productFamily: 'Broker Instances', attributes: { brokerEngine: 'ActiveMQ', deploymentOption: 'Multi-AZ', instanceType: 'mq.m5.large' } });
    expect(monthly(broker)).toBe('730');
    const storage = line(s, 'Storage (EFS)');
    expect(storage.price.attributes).toEqual({ usagetype: 'TimedStorage-ByteHrs' });
    expect(monthly(storage)).toBe('20');
  });

  it('a RabbitMQ cluster stores on three EBS volumes; unpriced offline', async () => {
    const s = specOf('aws_mq_broker', { engine_type: 'RabbitMQ', host_instance_type: 'mq.m5.large', deployment_mode: 'CLUSTER_MULTI_AZ' }, { storage_size_gb: 20 });
    // 20 GB × 3 nodes
    expect(monthly(line(s, 'Storage (EBS)'))).toBe('60');
    expect(line(s, 'Storage (EBS)').price.attributes).toEqual({ usagetype: 'TimedStorage-RabbitMQ-ByteHrs' });
    const r = await estimateOne('aws_mq_broker', { engine_type: 'RabbitMQ', host_instance_type: 'mq.t3.micro' });
    expect(r.unpriced[0].reason).toMatch(/^not in pricing cache for us-east-1 \(AmazonMQ\)/);
  });
});
