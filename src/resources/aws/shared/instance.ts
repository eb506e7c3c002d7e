import { Decimal } from '../../../core/decimal.js';
import { fromUsage, runningHours } from '../../quantity.js';
import type { CostComponentSpec, SubresourceSpec, UnpricedSpec } from '../../types.js';
import { InvalidValueError, type ResourceView } from '../../view.js';
import { blockDeviceSpec, ebsVolumeComponents } from './ebs.js';
import { OPERATING_SYSTEMS, cloudwatchMetrics, ec2CpuCredits, ec2InstanceHours, type Tenancy } from './prices.js';

/**
 * What one EC2 instance costs, shared by aws_instance and by the instances an autoscaling group
 * launches from a launch template or configuration.
 */

/** Metrics EC2 detailed monitoring publishes per instance, each billed as a custom metric. */
const DETAILED_MONITORING_METRICS = 7;

/**
 * Instance types where AWS bills EBS optimization by the hour. Every current-generation type is
 * EBS-optimized at no extra charge, so only these older sizes carry a surcharge.
 */
const EBS_OPTIMIZED_SURCHARGE = new Set([
  'c1.xlarge', 'c3.xlarge', 'c3.2xlarge', 'c3.4xlarge', 'g2.2xlarge',
  'i2.xlarge', 'i2.2xlarge', 'i2.4xlarge', 'm1.large', 'm1.xlarge',
  'm2.2xlarge', 'm2.4xlarge', 'm3.xlarge', 'm3.2xlarge', 'r3.xlarge', 'r3.2xlarge', 'r3.4xlarge',
]);

/** Families that run on CPU credits. */
const BURSTABLE = /^(t2|t3|t3a|t4g)\./;

export function instanceFamily(instanceType: string): string {
  return instanceType.split('.')[0] ?? instanceType;
}

export function operatingSystem(r: ResourceView): string {
  const os = (r.usageStr('operating_system') ?? 'linux').toLowerCase();
  const mapped = OPERATING_SYSTEMS[os];
  if (!mapped) throw new InvalidValueError(`usage operating_system for ${r.address} must be one of ${Object.keys(OPERATING_SYSTEMS).join(', ')}`);
  return mapped;
}

export function tenancyOf(value: string | undefined): Tenancy {
  switch (value ?? 'default') {
    case 'default':
      return 'Shared';
    case 'dedicated':
      return 'Dedicated';
    case 'host':
      return 'Host';
    default:
      throw new InvalidValueError(`tenancy "${value}" is not one of default, dedicated, host`);
  }
}

export interface InstanceSpec {
  instanceType: string;
  tenancy: Tenancy;
  /** How many instances (an autoscaling group's capacity); 1 for aws_instance. */
  count: Decimal;
  detailedMonitoring: boolean;
  ebsOptimized: boolean;
  /** "standard" or "unlimited" for burstable types; undefined when not set. */
  cpuCredits?: string;
}

export interface InstanceCosts {
  components: CostComponentSpec[];
  unpriced: UnpricedSpec[];
}

export function instanceComponents(r: ResourceView, spec: InstanceSpec): InstanceCosts {
  const os = operatingSystem(r);
  const components: CostComponentSpec[] = [];
  const unpriced: UnpricedSpec[] = [];
  const purchase = spec.tenancy === 'Shared' ? 'on-demand' : `on-demand, ${spec.tenancy.toLowerCase()}`;
  const instanceName = `Instance usage (${os === 'Linux' ? 'Linux/UNIX' : os}, ${purchase}, ${spec.instanceType})`;

  if (spec.tenancy === 'Host') {
    unpriced.push({ component: instanceName, reason: 'instances on a Dedicated Host are billed per host; host prices are not in the pricing data' });
  } else {
    components.push({
      name: instanceName,
      unit: 'hours',
      price: ec2InstanceHours(r.region, spec.instanceType, os, spec.tenancy),
      quantity: runningHours(r, spec.count),
    });
  }

  if (spec.ebsOptimized && EBS_OPTIMIZED_SURCHARGE.has(spec.instanceType)) {
    unpriced.push({
      component: `EBS-optimized usage (${spec.instanceType})`,
      reason: 'EBS-optimized hourly surcharges are not in the pricing data',
    });
  }

  if (spec.detailedMonitoring) {
    components.push({
      name: 'EC2 detailed monitoring',
      unit: 'metrics',
      price: cloudwatchMetrics(r.region),
      quantity: { perMonth: Decimal.fromInt(DETAILED_MONITORING_METRICS).times(spec.count) },
    });
  }

  // Burstable instances in unlimited mode pay for vCPU-hours above their baseline. Only usage
  // tells how many; without it the line shows its price and no cost.
  if (BURSTABLE.test(spec.instanceType) && (spec.cpuCredits === 'unlimited' || r.hasUsage('monthly_cpu_credit_hrs'))) {
    components.push({
      name: 'CPU credits',
      unit: 'vCPU-hours',
      price: ec2CpuCredits(r.region, instanceFamily(spec.instanceType), os),
      quantity: fromUsage(r.usageNum('monthly_cpu_credit_hrs'), spec.count),
      usageBased: true,
    });
  }
  return { components, unpriced };
}

/** The usual root volume when neither the configuration nor the plan states one. */
export const DEFAULT_ROOT_VOLUME = { type: 'gp2', sizeGb: 8 };

export interface BlockDevices {
  subresources: SubresourceSpec[];
  assumptions: string[];
}

/**
 * Root and additional EBS volumes of an instance. `count` multiplies volumes for groups of
 * instances. The root volume's size comes from the AMI when not configured: we assume the common
 * 8 GiB gp2 and say so.
 */
export function blockDeviceSubresources(
  root: ResourceView | undefined,
  extra: { name: string; view: ResourceView }[],
  owner: ResourceView,
  count: Decimal,
): BlockDevices {
  const subresources: SubresourceSpec[] = [];
  const assumptions: string[] = [];
  let rootSpec = root ? blockDeviceSpec(root, { type: DEFAULT_ROOT_VOLUME.type }) : undefined;
  if (!rootSpec) {
    rootSpec = { type: root?.optStr('volume_type', DEFAULT_ROOT_VOLUME.type) ?? DEFAULT_ROOT_VOLUME.type, sizeGb: Decimal.fromInt(DEFAULT_ROOT_VOLUME.sizeGb) };
    assumptions.push(`root volume size comes from the AMI; assumed ${DEFAULT_ROOT_VOLUME.sizeGb} GiB ${rootSpec.type}`);
  }
  subresources.push({ name: 'root_block_device', components: scale(ebsVolumeComponents(owner, rootSpec), count) });
  for (const { name, view } of extra) {
    const spec = blockDeviceSpec(view, { type: 'gp2' });
    if (!spec) {
      subresources.push({ name, components: [], unpriced: [{ component: 'Storage', reason: 'volume_size is not set (it comes from a snapshot) and is not known until apply' }] });
      continue;
    }
    subresources.push({ name, components: scale(ebsVolumeComponents(owner, spec), count) });
  }
  return { subresources, assumptions };
}

/** Multiplies every component's quantity by a count (instances in a group). */
export function scale(components: CostComponentSpec[], count: Decimal): CostComponentSpec[] {
  if (count.eq(Decimal.ONE)) return components;
  return components.map((c) => ({
    ...c,
    quantity:
      c.quantity === null
        ? null
        : 'perHour' in c.quantity
          ? { perHour: c.quantity.perHour.times(count) }
          : { perMonth: c.quantity.perMonth.times(count) },
  }));
}

