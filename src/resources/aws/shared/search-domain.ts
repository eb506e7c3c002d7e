import { Decimal } from '../../../core/decimal.js';
import { perMonth, runningHours } from '../../quantity.js';
import type { CostComponentSpec, ResourceCostSpec, UnpricedSpec } from '../../types.js';
import { InvalidValueError, UnknownValueError, type ResourceView } from '../../view.js';
import { searchInstanceHours, searchVolume } from './prices-platform.js';

/**
 * An OpenSearch or legacy Elasticsearch domain (one Price List service, AmazonES): data nodes,
 * dedicated masters and UltraWarm nodes by the hour, plus each data node's EBS volume.
 */

const STORAGE_MEDIA: Record<string, string> = { gp2: 'GP2', gp3: 'GP3', io1: 'PIOPS-Storage', standard: 'Magnetic' };
/** gp3 volumes include this much performance; more is billed separately. */
const GP3_INCLUDED_IOPS = Decimal.fromInt(3000);
const GP3_INCLUDED_MIBPS = Decimal.fromInt(125);

export function searchDomainCosts(r: ResourceView, defaultInstanceType: string): ResourceCostSpec {
  const region = r.region;
  const cluster = r.block('cluster_config');
  const instanceType = cluster?.optStr('instance_type', defaultInstanceType) ?? defaultInstanceType;
  const count = cluster?.num('instance_count', 1) ?? Decimal.ONE;
  const components: CostComponentSpec[] = [
    { name: `Instance (on-demand, ${instanceType})`, unit: 'hours', price: searchInstanceHours(region, instanceType), quantity: runningHours(r, count) },
  ];
  const unpriced: UnpricedSpec[] = [];

  if (cluster?.optBool('dedicated_master_enabled', false)) {
    const type = cluster.str('dedicated_master_type');
    if (!type) throw new UnknownValueError('cluster_config.dedicated_master_type');
    const masters = cluster.optNum('dedicated_master_count') ?? Decimal.fromInt(3);
    components.push({ name: `Dedicated master (on-demand, ${type})`, unit: 'hours', price: searchInstanceHours(region, type), quantity: runningHours(r, masters) });
  }
  if (cluster?.optBool('warm_enabled', false)) {
    const type = cluster.str('warm_type');
    if (!type) throw new UnknownValueError('cluster_config.warm_type');
    const warm = cluster.num('warm_count');
    if (warm === undefined) throw new UnknownValueError('cluster_config.warm_count');
    components.push({ name: `UltraWarm instance (on-demand, ${type})`, unit: 'hours', price: searchInstanceHours(region, type), quantity: runningHours(r, warm) });
  }

  const ebs = r.block('ebs_options');
  if (ebs?.optBool('ebs_enabled', false)) {
    const volumeType = ebs.optStr('volume_type', 'gp2');
    const media = STORAGE_MEDIA[volumeType];
    if (!media) throw new InvalidValueError(`ebs_options.volume_type "${volumeType}" is not one of ${Object.keys(STORAGE_MEDIA).join(', ')}`);
    const size = ebs.num('volume_size');
    if (size === undefined) throw new UnknownValueError('ebs_options.volume_size');
    // volume_size is per data node.
    components.push({ name: `Storage (${volumeType})`, unit: 'GB-months', price: searchVolume(region, media), quantity: perMonth(size.times(count)) });
    const iops = ebs.optNum('iops');
    if (volumeType === 'io1' && iops) {
      components.push({ name: 'Storage IOPS (io1)', unit: 'IOPS-months', price: searchVolume(region, 'PIOPS'), quantity: perMonth(iops.times(count)) });
    }
    const throughput = ebs.optNum('throughput');
    if (volumeType === 'gp3' && ((iops && iops.gt(GP3_INCLUDED_IOPS)) || (throughput && throughput.gt(GP3_INCLUDED_MIBPS)))) {
      unpriced.push({ component: 'gp3 IOPS and throughput above 3,000 IOPS / 125 MiB/s', reason: 'not priced by costdiff yet' });
    }
  }
  return { components, unpriced };
}
