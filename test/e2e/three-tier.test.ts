import { runCli } from '../support/cli.js';

interface Component { name: string; monthlyQuantity: number | null; unitPrice: number; monthlyCost: number | null }
interface Sub { name: string; monthlyCost: number | null; components: Component[]; unpriced: { component: string; reason: string }[] }
interface Resource { address: string; type: string; monthlyCost: number | null; components: Component[]; subresources: Sub[]; unpriced: { component: string; reason: string }[] }

/**
 * The three-tier fixture end to end, offline, with its usage file. ALB, NAT, Aurora and
 * ElastiCache are asserted in their own tests; us-east-1 prices as in the per-type tests.
 */
describe('breakdown of fixtures/plans/three-tier.json', () => {
  let resources: Resource[];
  let project: { free: { type: string }[] };
  let recommendations: unknown[];
  const byAddress = (a: string): Resource => {
    const r = resources.find((x) => x.address === a);
    if (!r) throw new Error(`no ${a}`);
    return r;
  };

  beforeAll(async () => {
    const r = await runCli(['breakdown', '--path', 'fixtures/plans/three-tier.json', '--usage-file', 'fixtures/plans/three-tier-usage.yml', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.pricing.mode).toBe('offline');
    project = doc.projects[0];
    recommendations = doc.recommendations;
    resources = doc.projects[0].resources;
  });

  it('prices the Lambda function: arm64, 1,024 MB, 2M × 350 ms', () => {
    const fn = byAddress('aws_lambda_function.thumbnails');
    // 2M × 0.0000002 = 0.40; 2M × 0.35 s × 1 GB = 700,000 GB-s × 0.0000133334 = 9.33338
    expect(fn.components.map((c) => [c.name, c.monthlyCost])).toEqual([
      ['Requests', 0.4],
      ['Duration (arm64, 1024 MB)', 9.33],
    ]);
    expect(fn.monthlyCost).toBe(9.73);
  });

  it('prices the S3 bucket per storage class in the usage file', () => {
    const bucket = byAddress('aws_s3_bucket.assets');
    // Standard: 250 × 0.023 = 5.75; 200,000 × 0.000005 = 1.00; 5M × 0.0000004 = 2.00
    // Standard-IA: 1,000 × 0.0125 = 12.50; 20 GB retrieved × 0.01 = 0.20
    expect(bucket.subresources.map((s) => [s.name, s.monthlyCost])).toEqual([
      ['Standard', 8.75],
      ['Standard-IA', 12.7],
    ]);
    expect(bucket.monthlyCost).toBe(21.45);
  });

  it('prices the SQS queue and the log group', () => {
    // 5M requests of 16 KB (one 64 KB chunk each) × 0.40 per 1M
    expect(byAddress('aws_sqs_queue.jobs').monthlyCost).toBe(2);
    // 50 × 0.50 + 150 × 0.03 + 100 × 0.005
    expect(byAddress('aws_cloudwatch_log_group.app').monthlyCost).toBe(30);
  });

  it('prices CloudFront per edge location group with usage', () => {
    const cdn = byAddress('aws_cloudfront_distribution.cdn');
    // US: 800 GB × 0.085 = 68.00, 20M HTTPS × 0.000001 = 20.00; Europe: 200 GB × 0.085 = 17.00,
    // 5M HTTPS × 0.0000012 = 6.00. Invalidations without usage add nothing.
    expect(cdn.subresources.map((s) => [s.name, s.monthlyCost])).toEqual([
      ['US, Mexico, Canada', 88],
      ['Europe, Israel', 23],
    ]);
    expect(cdn.monthlyCost).toBe(111);
    expect(cdn.unpriced).toEqual([]);
  });

  it('prices the ECS service on Fargate: 2 tasks × 0.5 vCPU, 1 GB', () => {
    const app = byAddress('aws_ecs_service.app');
    // 730 vCPU-h × 0.04048 = 29.5504; 1,460 GB-h × 0.004445 = 6.4897
    expect(app.components.map((c) => [c.name, c.monthlyCost])).toEqual([
      ['Fargate vCPU (2 × 0.5 vCPU, 1 GB)', 29.55],
      ['Fargate memory (2 × 0.5 vCPU, 1 GB)', 6.49],
    ]);
    expect(app.monthlyCost).toBe(36.04);
  });

  it('points out the saving: the x86_64 Fargate service on ARM64', () => {
    expect(recommendations).toEqual([
      {
        address: 'aws_ecs_service.app',
        change: 'Fargate x86_64 → ARM64',
        monthlySaving: 7.2,
        detail: 'the same vCPU and memory on Graviton (ARM64) Fargate; needs arm64 container images',
      },
    ]);
  });

  it('lists the network, IAM and glue resources as free', () => {
    expect(project.free.map((f) => f.type)).toEqual(
      expect.arrayContaining(['aws_vpc', 'aws_subnet', 'aws_security_group', 'aws_lb_target_group', 'aws_ecs_task_definition', 'aws_s3_bucket_lifecycle_configuration']),
    );
  });
});
