import { Decimal } from '../../core/decimal.js';
import type { ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { blockDeviceSubresources, instanceComponents, tenancyOf } from './shared/instance.js';

/** An EC2 instance: compute hours, monitoring, CPU credits, and its EBS volumes. */
export const awsInstance: ResourceType = {
  type: 'aws_instance',
  usageKeys: [
    { key: 'operating_system', description: 'linux (default), windows, rhel or suse' },
    { key: 'monthly_hrs', description: 'hours the instance runs per month (default 730)' },
    { key: 'monthly_cpu_credit_hrs', description: 'vCPU-hours above baseline per month (T-family, unlimited mode)' },
  ],
  costs(r) {
    // An instance may take its type from the launch template it is started from.
    const instanceType =
      r.str('instance_type') ?? r.ref('launch_template.id')?.str('instance_type') ?? r.ref('launch_template.name')?.str('instance_type');
    if (!instanceType) throw new UnknownValueError('instance_type');
    const { components, unpriced } = instanceComponents(r, {
      instanceType,
      tenancy: tenancyOf(r.optStr('tenancy')),
      count: Decimal.ONE,
      detailedMonitoring: r.optBool('monitoring', false),
      ebsOptimized: r.optBool('ebs_optimized', false),
      cpuCredits: r.isUnknown('credit_specification') ? undefined : r.block('credit_specification')?.optStr('cpu_credits'),
    });
    const devices = blockDeviceSubresources(
      r.isUnknown('root_block_device') ? undefined : r.block('root_block_device'),
      (r.isUnknown('ebs_block_device') ? [] : r.blocks('ebs_block_device')).map((view, i) => ({ name: `ebs_block_device[${i}]`, view })),
      r,
      Decimal.ONE,
    );
    return { components, unpriced, subresources: devices.subresources, assumptions: devices.assumptions };
  },
};
