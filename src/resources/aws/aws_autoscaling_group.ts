import { Decimal } from '../../core/decimal.js';
import type { ResourceType, SubresourceSpec, UnpricedSpec } from '../types.js';
import { UnknownValueError, type ResourceView } from '../view.js';
import { blockDeviceSubresources, instanceComponents, tenancyOf, type InstanceSpec } from './shared/instance.js';
import { readLaunchTemplate } from './shared/launch-template.js';

/**
 * An autoscaling group costs what its instances cost: capacity × the instance and volumes its
 * launch template or launch configuration describes. Mixed-instances policies price the
 * on-demand share; Spot capacity is listed as unpriced because Spot prices move by the hour.
 */
export const awsAutoscalingGroup: ResourceType = {
  type: 'aws_autoscaling_group',
  usageKeys: [
    { key: 'instances', description: 'average number of instances (default: desired_capacity, else min_size)' },
    { key: 'operating_system', description: 'linux (default), windows, rhel or suse' },
    { key: 'monthly_cpu_credit_hrs', description: 'vCPU-hours above baseline per instance per month (T-family)' },
  ],
  costs(r) {
    const capacity = r.usageNum('instances') ?? r.num('desired_capacity') ?? r.num('min_size', 0);
    const template = launchSource(r);
    if (!template) {
      return {
        components: [],
        unpriced: [{ component: 'Instances', reason: 'the launch template or launch configuration is not in this plan' }],
      };
    }

    const mixed = r.block('mixed_instances_policy');
    const overrides = mixed?.block('launch_template')?.blocks('override') ?? [];
    const instanceType = overrides[0]?.str('instance_type') ?? template.instanceType();
    if (!instanceType) throw new UnknownValueError('instance_type');

    const unpriced: UnpricedSpec[] = [];
    let onDemand = capacity;
    const distribution = mixed?.block('instances_distribution');
    if (distribution) {
      const base = Decimal.min(distribution.num('on_demand_base_capacity', 0), capacity);
      const percent = distribution.num('on_demand_percentage_above_base_capacity', 100);
      const above = capacity.minus(base);
      onDemand = base.plus(above.times(percent).dividedBy(Decimal.fromInt(100)).ceil());
      onDemand = Decimal.min(onDemand, capacity);
      const spot = capacity.minus(onDemand);
      if (spot.isPositive()) {
        unpriced.push({ component: `Spot instances (${spot.toString()} × ${instanceType})`, reason: 'Spot prices change hourly and are not list prices' });
      }
    }

    const spec: InstanceSpec = { ...template.spec(), instanceType, count: onDemand };
    const instance = instanceComponents(r, spec);
    const devices = template.blockDevices(onDemand);
    const subresources: SubresourceSpec[] = [
      { name: `${template.label} (${onDemand.toString()} × ${instanceType})`, components: instance.components, unpriced: instance.unpriced, subresources: devices.subresources },
    ];
    return { components: [], subresources, unpriced, assumptions: devices.assumptions };
  },
};

interface LaunchSource {
  label: string;
  instanceType(): string | undefined;
  spec(): Omit<InstanceSpec, 'instanceType' | 'count'>;
  blockDevices(count: Decimal): ReturnType<typeof blockDeviceSubresources>;
}

function launchSource(asg: ResourceView): LaunchSource | undefined {
  const config = asg.ref('launch_configuration');
  if (config) return fromLaunchConfiguration(config, asg);
  const template =
    asg.ref('launch_template.id') ??
    asg.ref('launch_template.name') ??
    asg.ref('mixed_instances_policy.launch_template.launch_template_specification.launch_template_id') ??
    asg.ref('mixed_instances_policy.launch_template.launch_template_specification.launch_template_name');
  if (template) return fromLaunchTemplate(template, asg);
  return undefined;
}

function fromLaunchConfiguration(lc: ResourceView, asg: ResourceView): LaunchSource {
  return {
    label: `launch configuration ${lc.address}`,
    instanceType: () => lc.str('instance_type'),
    spec: () => ({
      tenancy: tenancyOf(lc.optStr('placement_tenancy')),
      // Launch configurations enable detailed monitoring unless told otherwise.
      detailedMonitoring: lc.optBool('enable_monitoring', true),
      ebsOptimized: lc.optBool('ebs_optimized', false),
    }),
    blockDevices: (count) =>
      blockDeviceSubresources(
        lc.isUnknown('root_block_device') ? undefined : lc.block('root_block_device'),
        lc.blocks('ebs_block_device').map((view, i) => ({ name: `ebs_block_device[${i}]`, view })),
        asg,
        count,
      ),
  };
}

function fromLaunchTemplate(lt: ResourceView, asg: ResourceView): LaunchSource {
  const parts = readLaunchTemplate(lt);
  return {
    label: `launch template ${lt.address}`,
    instanceType: () => parts.instanceType,
    spec: () => parts.spec,
    blockDevices: (count) => blockDeviceSubresources(parts.root, parts.extra, asg, count),
  };
}
