import { Decimal } from '../../../core/decimal.js';
import { fromUsage, perMonth } from '../../quantity.js';
import type { CostComponentSpec } from '../../types.js';
import { InvalidValueError, type ResourceView } from '../../view.js';
import { ebsIoRequests, ebsIops, ebsStorage, ebsThroughput } from './prices.js';

/**
 * Cost components of one EBS volume, shared by aws_ebs_volume and the block devices of
 * instances, launch templates and launch configurations.
 */

export const EBS_VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
export type EbsVolumeType = (typeof EBS_VOLUME_TYPES)[number];

/** gp3's included performance: IOPS and throughput beyond these are billed. */
const GP3_INCLUDED_IOPS = Decimal.fromInt(3000);
const GP3_INCLUDED_MIBPS = Decimal.fromInt(125);
/** io2 IOPS are billed in three tiers: up to 32,000, 32,001–64,000, and above 64,000. */
const IO2_TIER_SIZE = Decimal.fromInt(32000);
/** The Price List bills gp3 throughput per GiBps-month; Terraform states MiB/s. */
const MIB_PER_GIB = Decimal.fromInt(1024);

export interface EbsVolumeSpec {
  type: string;
  sizeGb: Decimal;
  iops?: Decimal;
  throughputMibps?: Decimal;
}

export function isEbsVolumeType(type: string): type is EbsVolumeType {
  return (EBS_VOLUME_TYPES as readonly string[]).includes(type);
}

export function ebsVolumeComponents(r: ResourceView, spec: EbsVolumeSpec): CostComponentSpec[] {
  const { region } = r;
  const type = spec.type;
  if (!isEbsVolumeType(type)) {
    throw new InvalidValueError(`unknown EBS volume type "${type}" (expected one of ${EBS_VOLUME_TYPES.join(', ')})`);
  }
  const components: CostComponentSpec[] = [
    {
      name: `Storage (${describeType(type)})`,
      unit: 'GB-months',
      price: ebsStorage(region, type),
      quantity: perMonth(spec.sizeGb),
    },
  ];

  if (type === 'gp3') {
    const iops = spec.iops ?? GP3_INCLUDED_IOPS;
    if (iops.gt(GP3_INCLUDED_IOPS)) {
      components.push({
        name: 'Provisioned IOPS above 3,000',
        unit: 'IOPS-months',
        price: ebsIops(region, 'gp3'),
        quantity: perMonth(iops.minus(GP3_INCLUDED_IOPS)),
      });
    }
    const throughput = spec.throughputMibps ?? GP3_INCLUDED_MIBPS;
    if (throughput.gt(GP3_INCLUDED_MIBPS)) {
      components.push({
        name: 'Provisioned throughput above 125 MiB/s',
        unit: 'GiBps-months',
        price: ebsThroughput(region, 'gp3'),
        quantity: perMonth(throughput.minus(GP3_INCLUDED_MIBPS).dividedBy(MIB_PER_GIB)),
      });
    }
  } else if (type === 'io1') {
    components.push({
      name: 'Provisioned IOPS',
      unit: 'IOPS-months',
      price: ebsIops(region, 'io1'),
      quantity: perMonth(requireIops(spec, type)),
    });
  } else if (type === 'io2') {
    const iops = requireIops(spec, type);
    const tiers: [string, string, Decimal][] = [
      ['Provisioned IOPS (first 32,000)', 'EBS IOPS', Decimal.min(iops, IO2_TIER_SIZE)],
      ['Provisioned IOPS (32,001–64,000)', 'EBS IOPS Tier 2', clamp(iops.minus(IO2_TIER_SIZE), IO2_TIER_SIZE)],
      ['Provisioned IOPS (above 64,000)', 'EBS IOPS Tier 3', Decimal.max(iops.minus(IO2_TIER_SIZE.plus(IO2_TIER_SIZE)), Decimal.ZERO)],
    ];
    for (const [name, group, quantity] of tiers) {
      if (quantity.isPositive()) {
        components.push({ name, unit: 'IOPS-months', price: ebsIops(region, 'io2', group), quantity: perMonth(quantity) });
      }
    }
  } else if (type === 'standard') {
    components.push({
      name: 'I/O requests',
      unit: 'IOs',
      price: ebsIoRequests(region),
      quantity: fromUsage(r.usageNum('monthly_standard_io_requests')),
      usageBased: true,
    });
  }
  return components;
}

function requireIops(spec: EbsVolumeSpec, type: string): Decimal {
  if (spec.iops === undefined) throw new InvalidValueError(`${type} volumes need iops`);
  return spec.iops;
}

function clamp(value: Decimal, max: Decimal): Decimal {
  return Decimal.min(Decimal.max(value, Decimal.ZERO), max);
}

function describeType(type: EbsVolumeType): string {
  switch (type) {
    case 'gp2':
    case 'gp3':
      return `general purpose SSD, ${type}`;
    case 'io1':
    case 'io2':
      return `provisioned IOPS SSD, ${type}`;
    case 'st1':
      return 'throughput optimized HDD, st1';
    case 'sc1':
      return 'cold HDD, sc1';
    case 'standard':
      return 'magnetic';
  }
}

/** Reads a block device (root_block_device, ebs_block_device, block_device_mappings.ebs) into a spec. */
export function blockDeviceSpec(block: ResourceView, defaults: { type: string; sizeGb?: number }): EbsVolumeSpec | undefined {
  // A size left to the AMI or snapshot is unknown in a plan; the caller decides what to assume.
  const size = block.optNum('volume_size') ?? (defaults.sizeGb !== undefined ? Decimal.fromInt(defaults.sizeGb) : undefined);
  if (size === undefined) return undefined;
  return {
    type: block.optStr('volume_type', defaults.type),
    sizeGb: size,
    iops: block.optNum('iops'),
    throughputMibps: block.optNum('throughput'),
  };
}
