import type { ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { ebsVolumeComponents } from './shared/ebs.js';

/** An EBS volume: storage, plus IOPS and throughput where the volume type bills them. */
export const awsEbsVolume: ResourceType = {
  type: 'aws_ebs_volume',
  usageKeys: [{ key: 'monthly_standard_io_requests', description: 'I/O requests per month (magnetic volumes)' }],
  costs(r) {
    // Without a size the volume takes its snapshot's size, which only AWS knows.
    const sizeGb = r.num('size');
    if (sizeGb === undefined) throw new UnknownValueError('size');
    return {
      components: ebsVolumeComponents(r, {
        type: r.optStr('type', 'gp2'),
        sizeGb,
        iops: r.optNum('iops'),
        throughputMibps: r.optNum('throughput'),
      }),
    };
  },
};
