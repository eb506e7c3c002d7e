import { perMonth, runningHours } from '../quantity.js';
import type { ResourceType, UnpricedSpec } from '../types.js';
import { UnknownValueError } from '../view.js';
import { mskBrokerHours, mskStorage } from './shared/prices-platform.js';

/** An MSK (Kafka) cluster: broker hours and each broker's EBS storage. Not in the snapshot. */
export const awsMskCluster: ResourceType = {
  type: 'aws_msk_cluster',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the brokers run per month (default 730)' }],
  costs(r) {
    const info = r.block('broker_node_group_info');
    const instanceType = info?.str('instance_type');
    if (!instanceType) throw new UnknownValueError('broker_node_group_info.instance_type');
    const brokers = r.num('number_of_broker_nodes');
    if (brokers === undefined) throw new UnknownValueError('number_of_broker_nodes');
    const ebs = info?.block('storage_info')?.block('ebs_storage_info');
    // Older providers state the size as broker_node_group_info.ebs_volume_size.
    const sizeGb = ebs?.optNum('volume_size') ?? info?.optNum('ebs_volume_size');
    if (sizeGb === undefined) throw new UnknownValueError('broker_node_group_info.storage_info.ebs_storage_info.volume_size');
    const unpriced: UnpricedSpec[] = [];
    if (ebs?.block('provisioned_throughput')?.optBool('enabled', false)) {
      unpriced.push({ component: 'Provisioned storage throughput', reason: 'not priced by costdiff yet' });
    }
    return {
      components: [
        { name: `Broker instances (${instanceType})`, unit: 'hours', price: mskBrokerHours(r.region, instanceType), quantity: runningHours(r, brokers) },
        { name: 'Storage', unit: 'GB-months', price: mskStorage(r.region), quantity: perMonth(sizeGb.times(brokers)) },
      ],
      unpriced,
    };
  },
};
