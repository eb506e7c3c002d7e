import { Decimal } from '../../core/decimal.js';
import { fromUsage, runningHours } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { InvalidValueError, UnknownValueError } from '../view.js';
import { mqBrokerHours, mqStorage } from './shared/prices-platform.js';

const ENGINES: Record<string, string> = { activemq: 'ActiveMQ', rabbitmq: 'RabbitMQ' };
const DEPLOYMENTS: Record<string, 'Single-AZ' | 'Multi-AZ'> = {
  SINGLE_INSTANCE: 'Single-AZ',
  ACTIVE_STANDBY_MULTI_AZ: 'Multi-AZ',
  CLUSTER_MULTI_AZ: 'Multi-AZ',
};
/** A RabbitMQ cluster deployment runs three brokers, each with its own volume. */
const RABBITMQ_CLUSTER_NODES = Decimal.fromInt(3);

/** An Amazon MQ broker: instance hours by deployment, and storage from usage. Not in the snapshot. */
export const awsMqBroker: ResourceType = {
  type: 'aws_mq_broker',
  usageKeys: [{ key: 'storage_size_gb', description: 'GB stored by the broker' }],
  costs(r) {
    const engineName = r.str('engine_type');
    if (!engineName) throw new UnknownValueError('engine_type');
    const engine = ENGINES[engineName.toLowerCase()];
    if (!engine) throw new InvalidValueError(`engine_type "${engineName}" is not ActiveMQ or RabbitMQ`);
    const instanceType = r.str('host_instance_type');
    if (!instanceType) throw new UnknownValueError('host_instance_type');
    const mode = r.str('deployment_mode', 'SINGLE_INSTANCE').toUpperCase();
    const deployment = DEPLOYMENTS[mode];
    if (!deployment) throw new InvalidValueError(`deployment_mode "${mode}" is not one of ${Object.keys(DEPLOYMENTS).join(', ')}`);
    // ActiveMQ stores on EFS unless told EBS; RabbitMQ always on EBS.
    const storageType = engine === 'RabbitMQ' ? 'ebs' : r.optStr('storage_type', 'efs').toLowerCase();
    const usagetype = engine === 'RabbitMQ' ? 'TimedStorage-RabbitMQ-ByteHrs' : storageType === 'ebs' ? 'TimedStorage-EBS-ByteHrs' : 'TimedStorage-ByteHrs';
    const volumes = engine === 'RabbitMQ' && mode === 'CLUSTER_MULTI_AZ' ? RABBITMQ_CLUSTER_NODES : Decimal.ONE;
    return {
      components: [
        { name: `Broker (${engine}, ${instanceType}, ${deployment})`, unit: 'hours', price: mqBrokerHours(r.region, engine, instanceType, deployment), quantity: runningHours(r) },
        { name: `Storage (${storageType.toUpperCase()})`, unit: 'GB-months', price: mqStorage(r.region, usagetype), quantity: fromUsage(r.usageNum('storage_size_gb'), volumes), usageBased: true },
      ],
    };
  },
};
