import { component, cost, estimate } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// ECS Fargate is Price List service AmazonECS (EKS Fargate is AmazonEKS, at the same usagetypes).
const taskDefinition = (values: Record<string, unknown>) => ({ address: 'aws_ecs_task_definition.app', type: 'aws_ecs_task_definition', values: values as never });
const service = (values: Record<string, unknown>) => ({
  address: 'aws_ecs_service.app',
  type: 'aws_ecs_service',
  values: values as never,
  references: { task_definition: ['aws_ecs_task_definition.app.arn'] },
});
async function priced(serviceValues: Record<string, unknown>, taskValues: Record<string, unknown>) {
  const rs = await estimate([service(serviceValues), taskDefinition(taskValues)]);
  const r = rs.find((x) => x.address === 'aws_ecs_service.app');
  if (!r) throw new Error('service not estimated');
  return r;
}

describe('aws_ecs_service', () => {
  it('Fargate: desired_count × the task’s vCPU and memory, by the hour', async () => {
    const r = await priced({ launch_type: 'FARGATE', desired_count: 3 }, { cpu: '512', memory: '2048', requires_compatibilities: ['FARGATE'] });
    // 3 × 0.5 vCPU × 730 h = 1,095 vCPU-h × $0.04048 = 44.3256
    expect(cost(component(r, 'Fargate vCPU (3 × 0.5 vCPU, 2 GB)').monthlyCost)).toBe('44.33');
    // 3 × 2 GB × 730 h = 4,380 GB-h × $0.004445 = 19.4691
    expect(cost(component(r, 'Fargate memory (3 × 0.5 vCPU, 2 GB)').monthlyCost)).toBe('19.47');
    expect(cost(r.monthlyCost)).toBe('63.80'); // the sum of the parts, each to the cent
    expect(r.unpriced).toEqual([]);
  });

  it('Fargate on ARM64 with extra ephemeral storage', async () => {
    const task = { cpu: '1024', memory: '3072', runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }], ephemeral_storage: [{ size_in_gib: 50 }] };
    const r = await priced({ launch_type: 'FARGATE', desired_count: 2 }, task);
    // 1,460 vCPU-h × $0.03238 = 47.2748; 4,380 GB-h × $0.00356 = 15.5928; 43,800 GB-h × $0.000111 = 4.8618
    expect(r.components.map((c) => [c.name, cost(c.monthlyCost)])).toEqual([
      ['Fargate vCPU (2 × 1 vCPU, 3 GB, ARM64)', '47.27'],
      ['Fargate memory (2 × 1 vCPU, 3 GB, ARM64)', '15.59'],
      ['Ephemeral storage above 20 GB', '4.86'],
    ]);
    expect(cost(r.monthlyCost)).toBe('67.72');
  });

  it('asks for x86 or ARM prices with the task’s hourly quantities', () => {
    // The reference resolver is the pipeline's; here the task is given through it directly.
    const task = { cpu: '1024', memory: '3072', runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }], ephemeral_storage: [{ size_in_gib: 50 }] };
    const s = specWithTask({ launch_type: 'FARGATE', desired_count: 2 }, task);
    const vcpu = line(s, /^Fargate vCPU/);
    expect(vcpu.price).toMatchObject({ service: 'AmazonECS', productFamily: 'Compute', attributes: { usagetype: 'Fargate-ARM-vCPU-Hours:perCPU' } });
    // 2 tasks × 1 vCPU × 730 h
    expect(monthly(vcpu)).toBe('1460');
    // 2 tasks × 3 GB × 730 h
    expect(monthly(line(s, /^Fargate memory/))).toBe('4380');
    // 2 tasks × (50 − 20 free) GB × 730 h
    expect(monthly(line(s, 'Ephemeral storage above 20 GB'))).toBe('43800');
  });

  it('Fargate Spot share is unpriced; EC2 capacity is billed through its instances', () => {
    const s = specWithTask(
      { desired_count: 10, capacity_provider_strategy: [{ capacity_provider: 'FARGATE', base: 2, weight: 1 }, { capacity_provider: 'FARGATE_SPOT', weight: 3 }] },
      { cpu: '256', memory: '512' },
    );
    // 2 base on FARGATE, then 8 split 1:3 → 2 more on FARGATE, 6 on Spot
    expect(s.unpriced).toEqual([{ component: 'Fargate Spot tasks (6)', reason: 'Fargate Spot prices change and are not list prices' }]);
    // 4 tasks × 0.25 vCPU × 730 h
    expect(monthly(line(s, /^Fargate vCPU/))).toBe('730');
    expect(specWithTask({ launch_type: 'EC2', desired_count: 2 }, { cpu: '256', memory: '512' }).free).toBe('tasks run on EC2 capacity, billed as the container instances');
  });
});

function specWithTask(serviceValues: Record<string, unknown>, taskValues: Record<string, unknown>) {
  return specOf('aws_ecs_service', serviceValues, {}, 'us-east-1', { task_definition: taskValues });
}
