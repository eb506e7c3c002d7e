import { Decimal } from '../../core/decimal.js';
import { perMonth, runningHours, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { InvalidValueError, UnknownValueError } from '../view.js';
import { rdsInstanceHours, rdsProduct } from './shared/prices.js';

/** Terraform engine names → Price List databaseEngine values. */
const ENGINES: Record<string, string> = {
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
  'oracle-se2': 'Oracle',
  'oracle-se2-cdb': 'Oracle',
  'oracle-ee': 'Oracle',
  'oracle-ee-cdb': 'Oracle',
  'sqlserver-ex': 'SQL Server',
  'sqlserver-web': 'SQL Server',
  'sqlserver-se': 'SQL Server',
  'sqlserver-ee': 'SQL Server',
  db2: 'Db2',
};

/** Terraform storage_type → Price List volumeType. */
const VOLUME_TYPES: Record<string, string> = {
  gp2: 'General Purpose',
  gp3: 'General Purpose-GP3',
  io1: 'Provisioned IOPS',
  io2: 'Provisioned IOPS-IO2',
  standard: 'Magnetic',
};

/**
 * gp3 on RDS includes 3,000 IOPS and 125 MiB/s below 400 GB, and 12,000 IOPS and 500 MiB/s from
 * 400 GB (MySQL, PostgreSQL, MariaDB); only what is provisioned above that is billed.
 */
function gp3Baseline(sizeGb: Decimal): { iops: Decimal; mibps: Decimal } {
  return sizeGb.lt(Decimal.fromInt(400))
    ? { iops: Decimal.fromInt(3000), mibps: Decimal.fromInt(125) }
    : { iops: Decimal.fromInt(12000), mibps: Decimal.fromInt(500) };
}

/** An RDS database instance: instance hours, storage, provisioned IOPS/throughput and backups. */
export const awsDbInstance: ResourceType = {
  type: 'aws_db_instance',
  usageKeys: [
    { key: 'monthly_hrs', description: 'hours the instance runs per month (default 730)' },
    { key: 'additional_backup_storage_gb', description: 'backup storage beyond the free allowance, GB per month' },
    { key: 'monthly_standard_io_requests', description: 'I/O requests per month (magnetic storage)' },
  ],
  costs(r) {
    const engineName = r.str('engine') ?? r.ref('replicate_source_db')?.str('engine');
    if (!engineName) throw new UnknownValueError('engine');
    const engine = ENGINES[engineName];
    if (!engine) throw new InvalidValueError(`engine "${engineName}" is not an RDS engine costdiff knows`);
    const instanceClass = r.str('instance_class');
    if (!instanceClass) throw new UnknownValueError('instance_class');
    const deploymentOption = r.optBool('multi_az', false) ? 'Multi-AZ' : 'Single-AZ';
    const region = r.region;

    const components: CostComponentSpec[] = [
      {
        name: `Database instance (on-demand, ${deploymentOption}, ${instanceClass})`,
        unit: 'hours',
        price: rdsInstanceHours(region, engine, instanceClass, deploymentOption),
        quantity: runningHours(r),
      },
    ];

    const iops = r.optNum('iops');
    const storageType = r.optStr('storage_type', iops && iops.isPositive() ? 'io1' : 'gp2');
    const volumeType = VOLUME_TYPES[storageType];
    if (!volumeType) throw new InvalidValueError(`storage_type "${storageType}" is not one of ${Object.keys(VOLUME_TYPES).join(', ')}`);
    const storage = { databaseEngine: engine, deploymentOption, volumeType };
    const size = r.num('allocated_storage') ?? r.ref('replicate_source_db')?.num('allocated_storage');
    if (size === undefined) throw new UnknownValueError('allocated_storage');
    components.push({ name: `Storage (${storageType})`, unit: 'GB-months', price: rdsProduct(region, 'Database Storage', storage), quantity: perMonth(size) });

    if ((storageType === 'io1' || storageType === 'io2') && iops) {
      components.push({ name: 'Provisioned IOPS', unit: 'IOPS-months', price: rdsProduct(region, 'Provisioned IOPS', storage), quantity: perMonth(iops) });
    }
    if (storageType === 'gp3') {
      const baseline = gp3Baseline(size);
      if (iops && iops.gt(baseline.iops)) {
        components.push({
          name: `Provisioned IOPS above ${baseline.iops.toString()}`,
          unit: 'IOPS-months',
          price: rdsProduct(region, 'Provisioned IOPS', storage),
          quantity: perMonth(iops.minus(baseline.iops)),
        });
      }
      const throughput = r.optNum('storage_throughput');
      if (throughput && throughput.gt(baseline.mibps)) {
        components.push({
          name: `Provisioned throughput above ${baseline.mibps.toString()} MiB/s`,
          unit: 'MiBps-months',
          price: rdsProduct(region, 'Provisioned Throughput', storage),
          quantity: perMonth(throughput.minus(baseline.mibps)),
        });
      }
    }
    if (storageType === 'standard') {
      components.push(usageLine(r, 'monthly_standard_io_requests', { name: 'I/O requests', unit: 'IOs', price: rdsProduct(region, 'System Operation', { databaseEngine: engine, volumeType: 'Magnetic' }) }));
    }
    components.push(usageLine(r, 'additional_backup_storage_gb', { name: 'Additional backup storage', unit: 'GB-months', price: rdsProduct(region, 'Storage Snapshot', { databaseEngine: engine }) }));
    return { components };
  },
};
