import { Decimal } from '../../core/decimal.js';
import { perMonth, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { InvalidValueError } from '../view.js';
import { efsDataAccess, efsProvisionedThroughput, efsStorage } from './shared/prices-platform.js';

/** Provisioned throughput is billed above what Standard storage includes: 1 MB/s per 20 GB. */
const GB_PER_INCLUDED_MIBPS = Decimal.fromInt(20);

/**
 * An EFS file system: GB stored per storage class (Standard or One Zone, Infrequent Access,
 * Archive) from usage, data access charges, and provisioned throughput. Infrequent Access is
 * cheaper on Elastic Throughput, which also bills reads and writes per GB.
 */
export const awsEfsFileSystem: ResourceType = {
  type: 'aws_efs_file_system',
  usageKeys: [
    { key: 'storage_gb', description: 'GB in Standard (or One Zone) storage' },
    { key: 'infrequent_access_storage_gb', description: 'GB in Infrequent Access storage' },
    { key: 'monthly_infrequent_access_read_gb', description: 'GB read from Infrequent Access per month' },
    { key: 'monthly_infrequent_access_write_gb', description: 'GB tiered into Infrequent Access per month' },
    { key: 'archive_storage_gb', description: 'GB in Archive storage' },
    { key: 'monthly_archive_read_gb', description: 'GB read from Archive per month' },
    { key: 'monthly_archive_write_gb', description: 'GB tiered into Archive per month' },
    { key: 'monthly_elastic_read_gb', description: 'GB read per month (Elastic Throughput)' },
    { key: 'monthly_elastic_write_gb', description: 'GB written per month (Elastic Throughput)' },
  ],
  costs(r) {
    const region = r.region;
    // A regional file system's availability_zone_name is computed, so unknown means regional.
    const oneZone = r.optStr('availability_zone_name') !== undefined;
    const mode = r.optStr('throughput_mode', 'bursting');
    if (!['bursting', 'provisioned', 'elastic'].includes(mode)) throw new InvalidValueError(`throughput_mode "${mode}" is not bursting, provisioned or elastic`);
    const elastic = mode === 'elastic';
    const policies = r.blocks('lifecycle_policy');
    const storageGb = r.usageNum('storage_gb');

    const usage = (name: string, key: string, price: CostComponentSpec['price'], unit = 'GB'): CostComponentSpec => usageLine(r, key, { name, unit, price });
    const components: CostComponentSpec[] = [
      usage(oneZone ? 'Storage (One Zone)' : 'Storage (Standard)', 'storage_gb', efsStorage(region, oneZone ? 'TimedStorage-Z-ByteHrs' : 'TimedStorage-ByteHrs'), 'GB-months'),
    ];

    if (policies.some((p) => p.has('transition_to_ia')) || r.hasUsage('infrequent_access_storage_gb')) {
      const ia = oneZone ? 'IATimedStorage-Z-ByteHrs' : elastic ? 'IATimedStorage-ET-ByteHrs' : 'IATimedStorage-ByteHrs';
      components.push(
        usage(oneZone ? 'Storage (One Zone-Infrequent Access)' : 'Storage (Infrequent Access)', 'infrequent_access_storage_gb', efsStorage(region, ia), 'GB-months'),
        usage('Infrequent Access reads', 'monthly_infrequent_access_read_gb', efsDataAccess(region, 'IADataAccess-Bytes', 'Read')),
        usage('Tiering to Infrequent Access', 'monthly_infrequent_access_write_gb', efsDataAccess(region, 'IADataAccess-Bytes', 'Write')),
      );
    }
    if (policies.some((p) => p.has('transition_to_archive')) || r.hasUsage('archive_storage_gb')) {
      if (oneZone) throw new InvalidValueError('EFS Archive is not available for One Zone file systems');
      components.push(
        usage('Storage (Archive)', 'archive_storage_gb', efsStorage(region, 'ArchiveTimedStorage-ByteHrs'), 'GB-months'),
        usage('Archive reads', 'monthly_archive_read_gb', efsDataAccess(region, 'ArchiveDataAccess-Bytes', 'Read')),
        usage('Tiering to Archive', 'monthly_archive_write_gb', efsDataAccess(region, 'ArchiveDataAccess-Bytes', 'Write')),
      );
    }

    const assumptions: string[] = [];
    if (mode === 'provisioned') {
      const mibps = r.num('provisioned_throughput_in_mibps');
      if (mibps === undefined) throw new InvalidValueError('provisioned throughput mode needs provisioned_throughput_in_mibps');
      let billed = mibps;
      if (storageGb !== undefined) billed = Decimal.max(mibps.minus(storageGb.dividedBy(GB_PER_INCLUDED_MIBPS)), Decimal.ZERO);
      else assumptions.push('storage_gb is not given: all provisioned throughput is billed, without what Standard storage includes');
      components.push({ name: 'Provisioned throughput', unit: 'MiBps-months', price: efsProvisionedThroughput(region), quantity: perMonth(billed) });
    }
    if (elastic) {
      components.push(
        usage('Elastic Throughput reads', 'monthly_elastic_read_gb', efsDataAccess(region, 'ETDataAccess-Bytes', 'Read')),
        usage('Elastic Throughput writes', 'monthly_elastic_write_gb', efsDataAccess(region, 'ETDataAccess-Bytes', 'Write')),
      );
    }
    return { components, assumptions };
  },
};
