import { perMonth } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { ebsSnapshotStorage } from './shared/prices.js';

/**
 * An EBS snapshot, billed per GB-month stored. Snapshots are incremental, so the usage file's
 * `monthly_gb_storage` (when given) is the better figure; otherwise the source volume's size is
 * the upper bound AWS bills for a first, full snapshot.
 */
export const awsEbsSnapshot: ResourceType = {
  type: 'aws_ebs_snapshot',
  usageKeys: [{ key: 'monthly_gb_storage', description: 'GB stored by the snapshot (snapshots are incremental)' }],
  costs(r) {
    const stored = r.usageNum('monthly_gb_storage') ?? r.num('volume_size') ?? r.ref('volume_id')?.num('size');
    if (stored === undefined) throw new UnknownValueError('volume_size');
    return {
      components: [{ name: 'EBS snapshot storage', unit: 'GB-months', price: ebsSnapshotStorage(r.region), quantity: perMonth(stored) }],
    };
  },
};
