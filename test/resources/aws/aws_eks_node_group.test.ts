import { cost, estimate, estimateOne, sub } from '../../support/estimate.js';

// us-east-1 EC2 on-demand Linux (ec2_ondemand_linux.csv): m5.large $0.096/h, t3.medium $0.0416/h,
// c5.xlarge $0.17/h; EBS (ebs_pricing.csv): gp2 $0.10, gp3 $0.08 per GB-month.
describe('aws_eks_node_group', () => {
  it('desired_size × the first instance type, with disk_size gp2 root volumes', async () => {
    const r = await estimateOne('aws_eks_node_group', { scaling_config: [{ desired_size: 3, min_size: 1, max_size: 5 }], instance_types: ['m5.large', 'm5a.large'], disk_size: 50 });
    // 3 × 730 × 0.096 = 210.24; 3 × 50 GB × 0.10 = 15.00
    expect(r.components[0].name).toBe('Instance usage (Linux/UNIX, on-demand, m5.large)');
    expect(cost(r.components[0].monthlyCost)).toBe('210.24');
    expect(cost(sub(r, 'root_block_device').monthlyCost)).toBe('15.00');
    expect(cost(r.monthlyCost)).toBe('225.24');
    expect(r.assumptions).toEqual(['root volume: disk_size 50 GiB, assumed gp2']);
  });

  it('defaults: t3.medium and a 20 GiB root volume; usage overrides the node count', async () => {
    const r = await estimateOne('aws_eks_node_group', { scaling_config: [{ desired_size: 2 }] }, { instances: 4 });
    // 4 × 730 × 0.0416 = 121.472 → 121.47; 4 × 20 × 0.10 = 8.00
    expect(cost(r.monthlyCost)).toBe('129.47');
    expect(r.assumptions).toContain('instance_types is not set; EKS uses t3.medium');
  });

  it('takes the type and volumes from the launch template', async () => {
    const [r] = await estimate([
      {
        address: 'aws_eks_node_group.workers',
        type: 'aws_eks_node_group',
        values: { scaling_config: [{ desired_size: 2 }], launch_template: [{ id: 'lt-1', version: '1' }] },
        references: { 'launch_template.id': ['aws_launch_template.nodes.id'] },
      },
      {
        address: 'aws_launch_template.nodes',
        type: 'aws_launch_template',
        values: { instance_type: 'c5.xlarge', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 100, volume_type: 'gp3' }] }] },
      },
    ]);
    // 2 × 730 × 0.17 = 248.20; 2 × 100 GB × 0.08 = 16.00
    expect(r.components[0].name).toBe('Instance usage (Linux/UNIX, on-demand, c5.xlarge)');
    expect(cost(sub(r, 'root_block_device').monthlyCost)).toBe('16.00');
    expect(cost(r.monthlyCost)).toBe('264.20');
  });

  it('Spot nodes are unpriced; their volumes are not', async () => {
    const r = await estimateOne('aws_eks_node_group', { scaling_config: [{ desired_size: 2 }], instance_types: ['m5.large'], capacity_type: 'SPOT' });
    expect(r.unpriced).toEqual([{ component: 'Spot instances (2 × m5.large)', reason: 'Spot prices change hourly and are not list prices' }]);
    // 2 × 20 GB × 0.10
    expect(cost(r.monthlyCost)).toBe('4.00');
  });
});
