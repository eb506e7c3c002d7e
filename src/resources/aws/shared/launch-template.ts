import type { ResourceView } from '../../view.js';
import { tenancyOf, type InstanceSpec } from './instance.js';

/**
 * What an aws_launch_template says about the instances started from it. The root device is the
 * mapping for one of the usual root device names; other mappings are additional volumes.
 */

/** Root device names of Amazon Linux, Ubuntu and Windows AMIs. */
const ROOT_DEVICE_NAMES = new Set(['/dev/xvda', '/dev/sda1', '/dev/sda']);

export interface LaunchTemplateParts {
  instanceType: string | undefined;
  spec: Omit<InstanceSpec, 'instanceType' | 'count'>;
  root: ResourceView | undefined;
  extra: { name: string; view: ResourceView }[];
}

export function readLaunchTemplate(lt: ResourceView): LaunchTemplateParts {
  const withEbs = lt
    .blocks('block_device_mappings')
    .map((m) => ({ device: m.str('device_name', ''), ebs: m.block('ebs') }))
    .filter((m): m is { device: string; ebs: ResourceView } => m.ebs !== undefined);
  const root = withEbs.find((m) => ROOT_DEVICE_NAMES.has(m.device));
  return {
    instanceType: lt.str('instance_type'),
    spec: {
      tenancy: tenancyOf(lt.block('placement')?.optStr('tenancy')),
      detailedMonitoring: lt.block('monitoring')?.optBool('enabled', false) ?? false,
      ebsOptimized: lt.optBool('ebs_optimized', false),
      cpuCredits: lt.block('credit_specification')?.optStr('cpu_credits'),
    },
    root: root?.ebs,
    extra: withEbs.filter((m) => m !== root).map((m, i) => ({ name: `block_device_mappings[${i}] ${m.device}`.trim(), view: m.ebs })),
  };
}
