import { component, cost, estimate, sub } from '../../support/estimate.js';

const template = {
  address: 'aws_launch_template.app',
  type: 'aws_launch_template',
  values: {
    instance_type: 't3.medium',
    block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 30, volume_type: 'gp3' }] }],
    monitoring: [{ enabled: true }],
  },
};
const ref = { 'launch_template.id': ['aws_launch_template.app.id', 'aws_launch_template.app'] };

describe('aws_autoscaling_group', () => {
  it('prices desired capacity × the launch template instance and volumes', async () => {
    const [asg] = await estimate([
      { address: 'aws_autoscaling_group.app', type: 'aws_autoscaling_group', values: { desired_capacity: 3, min_size: 1 }, references: ref },
      template,
    ]);
    const group = sub(asg, /^launch template/);
    // 3 × 730 h × $0.0416 = $91.104 → $91.10
    expect(cost(component(group, /^Instance usage/).monthlyCost)).toBe('91.10');
    // detailed monitoring: 3 × 7 metrics × $0.30 = $6.30
    expect(cost(component(group, 'EC2 detailed monitoring').monthlyCost)).toBe('6.30');
    // root volumes: 3 × 30 GB × $0.08 = $7.20
    expect(cost(sub(group, 'root_block_device').monthlyCost)).toBe('7.20');
    expect(cost(asg.monthlyCost)).toBe('104.60');
  });

  it('uses min_size without desired_capacity, and the instances usage key over both', async () => {
    const [byMin] = await estimate([
      { address: 'aws_autoscaling_group.app', type: 'aws_autoscaling_group', values: { min_size: 2 }, references: ref },
      template,
    ]);
    expect(sub(byMin, /^launch template/).name).toBe('launch template aws_launch_template.app (2 × t3.medium)');
    const [byUsage] = await estimate(
      [{ address: 'aws_autoscaling_group.app', type: 'aws_autoscaling_group', values: { min_size: 2 }, references: ref }, template],
      { 'aws_autoscaling_group.app': { instances: 5 } },
    );
    expect(sub(byUsage, /^launch template/).name).toBe('launch template aws_launch_template.app (5 × t3.medium)');
  });

  it('prices a launch configuration, which enables detailed monitoring by default', async () => {
    const [asg] = await estimate([
      { address: 'aws_autoscaling_group.web', type: 'aws_autoscaling_group', values: { desired_capacity: 2, launch_configuration: 'web-lc' } },
      { address: 'aws_launch_configuration.web', type: 'aws_launch_configuration', values: { name: 'web-lc', instance_type: 'm5.large', root_block_device: [{ volume_size: 20, volume_type: 'gp2' }] } },
    ]);
    const group = sub(asg, /^launch configuration/);
    // 2 × 730 × 0.096 = 140.16; 2 × 7 × 0.30 = 4.20; 2 × 20 × 0.10 = 4.00
    expect(cost(component(group, /^Instance usage/).monthlyCost)).toBe('140.16');
    expect(cost(asg.monthlyCost)).toBe('148.36');
  });

  it('mixed instances: on-demand share priced with the first override, spot listed as unpriced', async () => {
    const [asg] = await estimate([
      {
        address: 'aws_autoscaling_group.mixed',
        type: 'aws_autoscaling_group',
        values: {
          desired_capacity: 4,
          mixed_instances_policy: [
            {
              launch_template: [{ launch_template_specification: [{ launch_template_id: 'lt-1' }], override: [{ instance_type: 'm5.large' }, { instance_type: 'm4.large' }] }],
              instances_distribution: [{ on_demand_base_capacity: 1, on_demand_percentage_above_base_capacity: 50 }],
            },
          ],
        },
        references: { 'mixed_instances_policy.launch_template.launch_template_specification.launch_template_id': ['aws_launch_template.app.id'] },
      },
      template,
    ]);
    // on-demand = 1 + ceil(3 × 50 %) = 3 → 3 × 730 × 0.096 = 210.24; spot: 1
    expect(cost(component(sub(asg, /^launch template/), /^Instance usage/).monthlyCost)).toBe('210.24');
    expect(asg.unpriced).toEqual([{ component: 'Spot instances (1 × m5.large)', reason: 'Spot prices change hourly and are not list prices' }]);
  });

  it('says so when the launch template is not in the plan', async () => {
    const [asg] = await estimate([{ address: 'aws_autoscaling_group.x', type: 'aws_autoscaling_group', values: { desired_capacity: 1 } }]);
    expect(asg.monthlyCost).toBeNull();
    expect(asg.unpriced[0].reason).toMatch(/launch template or launch configuration is not in this plan/);
  });
});
