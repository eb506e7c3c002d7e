import { awsBackupVault } from '../../../src/resources/aws/aws_backup_vault.js';
import { ResourceView } from '../../../src/resources/view.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: EBS snapshots 0.05 and DynamoDB backups 0.10 per GB-month are in the snapshot; AWS
// Backup's own EFS storage and RDS/Aurora snapshot usage types are online-only.
describe('aws_backup_vault', () => {
  it('prices EBS and DynamoDB backups offline and reports the rest unpriced', async () => {
    const r = await estimateOne('aws_backup_vault', { name: 'main' }, { monthly_ebs_snapshot_gb: 100, monthly_dynamodb_backup_gb: 100, monthly_efs_warm_backup_gb: 50 });
    // 100 × 0.05 = 5.00; 100 × 0.10 = 10.00
    expect(cost(component(r, 'EBS snapshot').monthlyCost)).toBe('5.00');
    expect(cost(component(r, 'DynamoDB backup').monthlyCost)).toBe('10.00');
    expect(cost(r.monthlyCost)).toBe('15.00');
    expect(r.unpriced.find((u) => u.component === 'EFS backup (warm)')?.reason).toMatch(/not in pricing cache for us-east-1 \(AWSBackup\)/);
  });

  it('asks AWS Backup for EFS storage by usage type', () => {
    const view = new ResourceView({ address: 'aws_backup_vault.main', type: 'aws_backup_vault', region: 'eu-west-1', values: {} });
    const efs = awsBackupVault.costs(view).components.find((c) => c.name === 'EFS backup (warm)');
    expect(efs?.price).toMatchObject({ service: 'AWSBackup', region: 'eu-west-1', productFamily: 'AWS Backup Storage', attributes: { usagetype: 'WarmStorage-ByteHrs-EFS' } });
    expect(efs?.quantity).toBeNull();
  });
});
