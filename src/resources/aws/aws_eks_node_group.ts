import { Decimal } from '../../core/decimal.js';
import type { ResourceType, UnpricedSpec } from '../types.js';
import { ResourceView, UnknownValueError } from '../view.js';
import { blockDeviceSubresources, instanceComponents, type InstanceSpec } from './shared/instance.js';
import { readLaunchTemplate } from './shared/launch-template.js';

/** What EKS uses when neither instance_types nor a launch template names a type. */
const DEFAULT_INSTANCE_TYPE = 't3.medium';
/** EKS node AMIs' root volume (disk_size default for Linux and Bottlerocket). */
const DEFAULT_DISK_GB = 20;

/**
 * An EKS managed node group: desired_size instances of the first instance type, each with its
 * root volume (disk_size, or the launch template's block devices). Spot capacity is listed as
 * unpriced, as Spot prices move by the hour.
 */
export const awsEksNodeGroup: ResourceType = {
  type: 'aws_eks_node_group',
  usageKeys: [
    { key: 'instances', description: 'average number of nodes (default: scaling_config desired_size)' },
    { key: 'operating_system', description: 'linux (default), windows, rhel or suse' },
    { key: 'monthly_cpu_credit_hrs', description: 'vCPU-hours above baseline per node per month (T-family)' },
  ],
  costs(r) {
    const count = r.usageNum('instances') ?? r.block('scaling_config')?.num('desired_size');
    if (count === undefined) throw new UnknownValueError('scaling_config.desired_size');
    const assumptions: string[] = [];

    const hasTemplate = r.isUnknown('launch_template') || r.block('launch_template') !== undefined;
    const lt = hasTemplate ? r.ref('launch_template.id') ?? r.ref('launch_template.name') : undefined;
    if (hasTemplate && !lt) throw new UnknownValueError('launch_template');
    const template = lt ? readLaunchTemplate(lt) : undefined;

    const listed = r.isUnknown('instance_types') ? undefined : r.raw('instance_types');
    const firstListed = Array.isArray(listed) && typeof listed[0] === 'string' ? listed[0] : undefined;
    let instanceType = firstListed ?? template?.instanceType;
    if (!instanceType) {
      if (template) throw new UnknownValueError('instance_types');
      instanceType = DEFAULT_INSTANCE_TYPE;
      assumptions.push(`instance_types is not set; EKS uses ${DEFAULT_INSTANCE_TYPE}`);
    }

    const spot = r.optStr('capacity_type', 'ON_DEMAND') === 'SPOT';
    const spec: InstanceSpec = {
      tenancy: 'Shared',
      detailedMonitoring: false,
      ebsOptimized: false,
      ...template?.spec,
      instanceType,
      count,
    };
    const instance = instanceComponents(r, spec);
    const unpriced: UnpricedSpec[] = [...instance.unpriced];
    if (spot) unpriced.push({ component: `Spot instances (${count.toString()} × ${instanceType})`, reason: 'Spot prices change hourly and are not list prices' });

    let root: ResourceView | undefined = template?.root;
    if (!root) {
      // Without a root mapping the node AMI's volume is used: disk_size, or EKS's 20 GiB.
      const size = template ? undefined : r.optNum('disk_size');
      root = new ResourceView({ address: r.address, type: r.type, region: r.region, values: { volume_size: (size ?? Decimal.fromInt(DEFAULT_DISK_GB)).toString(), volume_type: 'gp2' } });
      assumptions.push(`root volume: ${size ? `disk_size ${size.toString()} GiB` : `EKS AMI default ${DEFAULT_DISK_GB} GiB`}, assumed gp2`);
    }
    const devices = blockDeviceSubresources(root, template?.extra ?? [], r, count);
    return {
      components: spot ? instance.components.filter((c) => !c.price.productFamily?.startsWith('Compute Instance')) : instance.components,
      subresources: devices.subresources,
      unpriced,
      assumptions: [...assumptions, ...devices.assumptions],
    };
  },
};
