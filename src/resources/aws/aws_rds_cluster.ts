import { Decimal } from '../../core/decimal.js';
import { fromUsage, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { auroraBackupStorage, auroraEngine, auroraIoRequests, auroraServerlessV1, auroraStorage, isIoOptimized } from './shared/prices-platform.js';

const SECONDS_PER_MONTH = Decimal.fromInt(730 * 3600);

/**
 * An Aurora cluster: the shared storage volume, its I/O requests (Aurora Standard) and backups.
 * Instances are aws_rds_cluster_instance resources of their own; Serverless v1 capacity is billed
 * here.
 */
export const awsRdsCluster: ResourceType = {
  type: 'aws_rds_cluster',
  usageKeys: [
    { key: 'storage_gb', description: 'GB stored in the cluster volume' },
    { key: 'write_requests_per_sec', description: 'average write I/Os per second (Aurora Standard)' },
    { key: 'read_requests_per_sec', description: 'average read I/Os per second (Aurora Standard)' },
    { key: 'backup_snapshot_size_gb', description: 'size of one backup snapshot, GB' },
    { key: 'capacity_units_per_hr', description: 'average ACUs (Serverless v1, engine_mode = "serverless")' },
  ],
  costs(r) {
    const engineName = r.str('engine');
    if (!engineName) throw new UnknownValueError('engine');
    const engine = auroraEngine(engineName);
    const ioOptimized = isIoOptimized(r);
    const region = r.region;
    const components: CostComponentSpec[] = [];

    if (r.optStr('engine_mode', 'provisioned') === 'serverless') {
      const acu = r.usageNum('capacity_units_per_hr');
      components.push({
        name: 'Aurora Serverless v1 capacity',
        unit: 'ACU-hours',
        price: auroraServerlessV1(region, engine),
        quantity: acu === undefined ? null : { perHour: acu },
        usageBased: true,
      });
    }

    components.push(usageLine(r, 'storage_gb', { name: ioOptimized ? 'Storage (I/O-Optimized)' : 'Storage', unit: 'GB-months', price: auroraStorage(region, ioOptimized) }));

    if (!ioOptimized) {
      const reads = r.usageNum('read_requests_per_sec');
      const writes = r.usageNum('write_requests_per_sec');
      const perSecond = reads === undefined && writes === undefined ? undefined : (reads ?? Decimal.ZERO).plus(writes ?? Decimal.ZERO);
      components.push({
        name: 'I/O requests',
        unit: 'IOs',
        price: auroraIoRequests(region),
        quantity: fromUsage(perSecond, SECONDS_PER_MONTH),
        usageBased: true,
      });
    }

    // Backups up to the cluster's size for one day of retention are free; Infracost's model:
    // each further day keeps one more snapshot.
    const retention = r.optNum('backup_retention_period') ?? Decimal.ONE;
    if (retention.gt(Decimal.ONE)) {
      components.push({
        name: 'Backup storage',
        unit: 'GB-months',
        price: auroraBackupStorage(region),
        quantity: fromUsage(r.usageNum('backup_snapshot_size_gb'), retention.minus(Decimal.ONE)),
        usageBased: true,
      });
    }
    return { components };
  },
};
