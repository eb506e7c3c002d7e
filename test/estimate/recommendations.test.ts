import { join } from 'node:path';
import { Decimal } from '../../src/core/decimal.js';
import { estimateJson } from '../../src/report/json.js';
import { renderTable } from '../../src/report/table.js';
import { awsEbsVolume } from '../../src/resources/aws/aws_ebs_volume.js';
import { ResourceView } from '../../src/resources/view.js';
import { PricingCache } from '../../src/pricing/cache/reader.js';
import { recommend, type Recommendation } from '../../src/estimate/recommendations.js';
import type { Attributes, ResourceChange } from '../../src/input/types.js';
import { parseUsage } from '../../src/input/usage.js';
import { priceProjects } from '../../src/pipeline.js';
import { queryKey } from '../../src/pricing/types.js';
import { repoRoot } from '../support/repo.js';

// Prices, us-east-1, from the shipped snapshot: EC2 Linux m4.large 0.10, m5.large / m6i.large
// 0.096, m7i.large 0.1008, m6g.large 0.077, m7g.large 0.0816, t2.medium 0.0464, t3.medium 0.0416,
// t4g.medium 0.0336, m5.24xlarge 4.608 (no m6g/m7g 24xlarge exists); EBS gp2 0.10, gp3 0.08,
// io1/io2 0.125 per GB-month, gp3 IOPS 0.005, io1 IOPS 0.065, io2 IOPS 0.065 / 0.0455 / 0.03185,
// gp3 throughput 40.96 per GiBps-month; RDS MySQL Single-AZ db.m4.large 0.175, db.m5.large /
// db.m6i.large 0.171, db.m6g.large 0.152, db.m7g.large 0.168; ElastiCache Redis cache.m4.large /
// cache.m5.large 0.156, cache.m6g.large 0.149, cache.m7g.large 0.158.
interface Input {
  address: string;
  type: string;
  values: Attributes;
  references?: Record<string, string[]>;
}

async function recommendFor(resources: Input[], usage: Record<string, unknown> = {}, region = 'us-east-1'): Promise<Recommendation[]> {
  const changes: ResourceChange[] = resources.map((r) => ({
    address: r.address,
    type: r.type,
    module: '',
    region,
    regionSource: 'provider',
    action: 'create',
    after: { values: r.values },
    ...(r.references ? { references: r.references } : {}),
  }));
  const project = { name: 'test', path: 'test', region, resources: changes, warnings: [] };
  const cacheDir = join(repoRoot(), 'pricing-cache');
  const priced = await priceProjects([project], ['after'], parseUsage({ version: '0.1', resource_usage: usage }, 'usage.yml'), { cacheDir, online: false });
  return recommend(priced.sides.get(project)?.after ?? [], new PricingCache(cacheDir), priced.book);
}

const one = (address: string, type: string, values: Attributes): Input => ({ address, type, values });
const summary = (rs: Recommendation[]) => rs.map((r) => [r.address, r.change, r.monthlySaving.toFixed(2)]);

describe('recommend', () => {
  it('previous-generation EC2 → the cheapest current generation of the same size', async () => {
    const rs = await recommendFor([one('aws_instance.old', 'aws_instance', { instance_type: 'm4.large', root_block_device: [{ volume_size: 8, volume_type: 'gp3' }] })]);
    // 730 × 0.10 = 73.00 → m5.large 730 × 0.096 = 70.08 (m6i ties, m7i is dearer): saves 2.92
    expect(summary(rs)).toEqual([['aws_instance.old', 'm4.large → m5.large', '2.92']]);
    expect(rs[0].detail).toBe('m4 is a previous generation; m5.large is the same size in a current generation');
  });

  it('x86 → Graviton only where the Graviton size exists, and only on Linux', async () => {
    const rs = await recommendFor(
      [
        one('aws_instance.a', 'aws_instance', { instance_type: 'm5.large', root_block_device: [{ volume_size: 8, volume_type: 'gp3' }] }),
        one('aws_instance.big', 'aws_instance', { instance_type: 'm5.24xlarge', root_block_device: [{ volume_size: 8, volume_type: 'gp3' }] }),
        one('aws_instance.win', 'aws_instance', { instance_type: 'm5.large', root_block_device: [{ volume_size: 8, volume_type: 'gp3' }] }),
      ],
      { 'aws_instance.win': { operating_system: 'windows' } },
    );
    // 730 × 0.096 = 70.08 → m6g.large 730 × 0.077 = 56.21: saves 13.87. No m6g/m7g.24xlarge; no
    // Graviton for Windows.
    expect(summary(rs)).toEqual([['aws_instance.a', 'm5.large → m6g.large', '13.87']]);
  });

  it('gp2 → gp3 at gp2’s performance, only when cheaper', async () => {
    const rs = await recommendFor([
      one('aws_ebs_volume.large', 'aws_ebs_volume', { type: 'gp2', size: 2000 }),
      one('aws_ebs_volume.mid', 'aws_ebs_volume', { type: 'gp2', size: 100 }),
      one('aws_ebs_volume.tiny', 'aws_ebs_volume', { type: 'gp2', size: 1 }),
    ]);
    // 2,000 GB: gp2 200.00; gp3 160.00 + (6,000 − 3,000) IOPS × 0.005 = 15.00 + (250 − 125)/1024 GiBps
    //   × 40.96 = 5.00 → 180.00: saves 20.00
    // 100 GB: gp2 10.00; gp3 8.00 + (128 − 125)/1024 × 40.96 = 0.12 → 8.12: saves 1.88
    // 1 GB: gp2 0.10; gp3 0.08 + 0.12 = 0.20 is dearer: nothing
    expect(summary(rs)).toEqual([
      ['aws_ebs_volume.large', 'gp2 → gp3', '20.00'],
      ['aws_ebs_volume.mid', 'gp2 → gp3', '1.88'],
    ]);
    expect(rs[0].detail).toBe("gp3 at gp2's performance for 2000 GB: 6000 IOPS, 250 MiB/s");
  });

  it('io1 → gp3 up to 16,000 IOPS, else → io2 where its tiers are cheaper', async () => {
    const rs = await recommendFor([
      one('aws_ebs_volume.small', 'aws_ebs_volume', { type: 'io1', size: 100, iops: 1000 }),
      one('aws_ebs_volume.busy', 'aws_ebs_volume', { type: 'io1', size: 100, iops: 40000 }),
      one('aws_ebs_volume.mid', 'aws_ebs_volume', { type: 'io1', size: 400, iops: 20000 }),
    ]);
    // small: io1 12.50 + 1,000 × 0.065 = 77.50; io2 the same; gp3 8.00 (3,000 IOPS included): saves 69.50
    // busy: io1 12.50 + 2,600.00 = 2,612.50; io2 12.50 + 32,000 × 0.065 = 2,080.00 + 8,000 × 0.0455
    //   = 364.00 → 2,456.50: saves 156.00 (gp3 tops out at 16,000 IOPS)
    // mid: 20,000 IOPS is above gp3's maximum and io2 costs the same as io1 below 32,000: nothing
    expect(summary(rs)).toEqual([
      ['aws_ebs_volume.busy', 'io1 → io2', '156.00'],
      ['aws_ebs_volume.small', 'io1 → gp3', '69.50'],
    ]);
  });

  it('autoscaling groups: per-instance volumes and the instance count', async () => {
    const rs = await recommendFor([
      {
        address: 'aws_autoscaling_group.app',
        type: 'aws_autoscaling_group',
        values: { desired_capacity: 3, launch_template: [{ id: 'lt-1' }] },
        references: { 'launch_template.id': ['aws_launch_template.app.id'] },
      },
      one('aws_launch_template.app', 'aws_launch_template', { instance_type: 't2.medium', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 200, volume_type: 'gp2' }] }] }),
    ]);
    // t2.medium → t3.medium: 3 × 730 × 0.0464 = 101.616 → 101.62; 3 × 730 × 0.0416 = 91.104 → 91.10: saves 10.52
    // 3 × 200 GB gp2 = 60.00; gp3 per volume 600 IOPS → 3,000 included, 250 MiB/s: 3 × 200 × 0.08 =
    //   48.00 + 3 × 125/1024 GiBps × 40.96 = 15.00 → 63.00 is dearer: nothing
    expect(summary(rs)).toEqual([['aws_autoscaling_group.app', 't2.medium → t3.medium', '10.52']]);
  });

  it('RDS and ElastiCache previous generations', async () => {
    const rs = await recommendFor([
      one('aws_db_instance.db', 'aws_db_instance', { engine: 'mysql', instance_class: 'db.m4.large', allocated_storage: 20, storage_type: 'gp3' }),
      one('aws_elasticache_cluster.c', 'aws_elasticache_cluster', { engine: 'redis', node_type: 'cache.m4.large' }),
    ]);
    // db.m4.large 730 × 0.175 = 127.75 → db.m6g.large 730 × 0.152 = 110.96: saves 16.79
    // cache.m4.large 730 × 0.156 = 113.88 → cache.m6g.large 730 × 0.149 = 108.77: saves 5.11
    expect(summary(rs)).toEqual([
      ['aws_db_instance.db', 'db.m4.large → db.m6g.large', '16.79'],
      ['aws_elasticache_cluster.c', 'cache.m4.large → cache.m6g.large', '5.11'],
    ]);
  });

  it('ECS Fargate x86_64 → ARM64 at the same vCPU and memory', async () => {
    const service = (address: string, task: string, extra: Attributes = {}): Input => ({
      address,
      type: 'aws_ecs_service',
      values: { launch_type: 'FARGATE', desired_count: 2, ...extra },
      references: { task_definition: [`${task}.arn`] },
    });
    const task = (address: string, values: Attributes): Input => ({ address, type: 'aws_ecs_task_definition', values: { cpu: '512', memory: '1024', ...values } });
    const rs = await recommendFor([
      service('aws_ecs_service.x86', 'aws_ecs_task_definition.x86'),
      task('aws_ecs_task_definition.x86', { ephemeral_storage: [{ size_in_gib: 30 }] }),
      service('aws_ecs_service.arm', 'aws_ecs_task_definition.arm'),
      task('aws_ecs_task_definition.arm', { runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }] }),
    ]);
    // x86: 730 vCPU-h × 0.04048 = 29.55, 1,460 GB-h × 0.004445 = 6.49 → ARM64: × 0.03238 = 23.64,
    // × 0.00356 = 5.20: saves 7.20. Ephemeral storage costs the same on both; ARM64 tasks: nothing.
    expect(summary(rs)).toEqual([['aws_ecs_service.x86', 'Fargate x86_64 → ARM64', '7.20']]);
  });

  it('nothing to say about current, cheapest choices', async () => {
    const rs = await recommendFor([
      one('aws_instance.g', 'aws_instance', { instance_type: 'm6g.large', root_block_device: [{ volume_size: 20, volume_type: 'gp3' }] }),
      one('aws_ebs_volume.v', 'aws_ebs_volume', { type: 'gp3', size: 100 }),
    ]);
    expect(rs).toEqual([]);
  });
});

describe('recommendations in the reports', () => {
  it('JSON carries them at the top level; the table lists them under Savings', () => {
    const e = {
      currency: 'USD' as const,
      pricing: { snapshot: '2026-07-20', mode: 'offline' as const, sourceDates: [] },
      projects: [],
      totalMonthlyCost: Decimal.ZERO,
      recommendations: [{ address: 'aws_ebs_volume.v', change: 'gp2 → gp3', monthlySaving: Decimal.parse('1.875'), detail: 'same performance' }],
    };
    expect(estimateJson(e).recommendations).toEqual([{ address: 'aws_ebs_volume.v', change: 'gp2 → gp3', monthlySaving: 1.88, detail: 'same performance' }]);
    expect(renderTable(e)).toContain('\nSavings (same list prices):\n  aws_ebs_volume.v: gp2 → gp3 saves $1.88/month (same performance)\n');
    expect(estimateJson({ ...e, recommendations: undefined }).recommendations).toEqual([]);
    expect(renderTable({ ...e, recommendations: [] })).not.toContain('Savings');
  });
});

describe('recommend without prices', () => {
  it('an alternative whose price cannot be looked up is not recommended, and the run goes on', async () => {
    const spec = awsEbsVolume.costs(new ResourceView({ address: 'aws_ebs_volume.v', type: 'aws_ebs_volume', region: 'us-east-1', values: { type: 'gp2', size: 2000 } }));
    const cache = new PricingCache(join(repoRoot(), 'pricing-cache'));
    // The current gp2 price is known; every other lookup fails as an unreachable API would.
    const current = new Map([...spec.components].map((c) => [queryKey(c.price), cache.lookupSync(c.price)]));
    const failing = { lookup: async () => Promise.reject(new Error('network down')) };
    const rs = await recommend([{ address: 'aws_ebs_volume.v', type: 'aws_ebs_volume', region: 'us-east-1', status: 'priced', spec }], failing, current);
    expect(rs).toEqual([]);
  });
});
