import type { PriceQuery } from '../../pricing/types.js';
import { usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { backupStorage, dynamodbBackupStorage, dynamodbRestore } from './shared/prices-data.js';
import { ebsSnapshotStorage, rdsProduct } from './shared/prices.js';

interface BackupLine {
  key: string;
  name: string;
  unit: string;
  price: (region: string) => PriceQuery;
}

/**
 * Backups held in the vault, by protected resource type (Infracost's usage keys). Each is billed
 * at the storage price of that resource type's backups.
 */
const LINES: BackupLine[] = [
  { key: 'monthly_efs_warm_backup_gb', name: 'EFS backup (warm)', unit: 'GB-months', price: (rg) => backupStorage(rg, 'AWS Backup Storage', 'WarmStorage-ByteHrs-EFS') },
  { key: 'monthly_efs_cold_backup_gb', name: 'EFS backup (cold)', unit: 'GB-months', price: (rg) => backupStorage(rg, 'AWS Backup Storage', 'ColdStorage-ByteHrs-EFS') },
  { key: 'monthly_ebs_snapshot_gb', name: 'EBS snapshot', unit: 'GB-months', price: (rg) => ebsSnapshotStorage(rg) },
  { key: 'monthly_rds_snapshot_gb', name: 'RDS snapshot', unit: 'GB-months', price: (rg) => rdsProduct(rg, 'Storage Snapshot', { usagetype: 'RDS:ChargedBackupUsage' }) },
  { key: 'monthly_aurora_snapshot_gb', name: 'Aurora snapshot', unit: 'GB-months', price: (rg) => rdsProduct(rg, 'Storage Snapshot', { usagetype: 'Aurora:BackupUsage' }) },
  { key: 'monthly_dynamodb_backup_gb', name: 'DynamoDB backup', unit: 'GB-months', price: dynamodbBackupStorage },
  { key: 'monthly_dynamodb_restore_gb', name: 'DynamoDB restore', unit: 'GB', price: dynamodbRestore },
];

/** An AWS Backup vault: backup storage by resource type, from usage. */
export const awsBackupVault: ResourceType = {
  type: 'aws_backup_vault',
  usageKeys: LINES.map((l) => ({ key: l.key, description: `${l.name}, ${l.unit === 'GB' ? 'GB per month' : 'GB stored'}` })),
  costs(r) {
    return {
      components: LINES.map((l) => (usageLine(r, l.key, { name: l.name, unit: l.unit, price: l.price(r.region) }))),
    };
  },
};
