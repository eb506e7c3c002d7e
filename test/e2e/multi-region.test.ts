import { runCli } from '../support/cli.js';

interface Resource { address: string; region: string; monthlyCost: number | null; unpriced: { component: string; reason: string }[] }

/**
 * One app across three regions, offline, every figure a hand-computed AWS bill from the regional
 * list prices in the snapshot (sources in pricing-cache/manifest.json).
 */
describe('breakdown of fixtures/plans/multi-region.json (us-east-1, eu-west-1, ap-southeast-2)', () => {
  let doc: { totalMonthlyCost: number; projects: { resources: Resource[] }[]; recommendations: { address: string; change: string; monthlySaving: number }[] };
  const resource = (address: string): Resource => {
    const r = doc.projects[0].resources.find((x) => x.address === address);
    if (!r) throw new Error(`no ${address}`);
    return r;
  };

  beforeAll(() => {
    const r = runCli(['breakdown', '--path', 'fixtures/plans/multi-region.json', '--usage-file', 'fixtures/plans/multi-region-usage.yml', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    doc = JSON.parse(r.stdout);
  });

  it('takes each resource’s region from its provider alias', () => {
    expect(Object.fromEntries(doc.projects[0].resources.map((r) => [r.address, r.region]))).toEqual({
      'aws_db_instance.app': 'eu-west-1',
      'aws_eks_cluster.main': 'ap-southeast-2',
      'aws_elasticache_cluster.cache': 'ap-southeast-2',
      'aws_instance.api': 'us-east-1',
      'aws_kinesis_stream.events': 'eu-west-1',
      'aws_lambda_function.worker': 'us-east-1',
      'aws_msk_cluster.kafka': 'ap-southeast-2',
      'aws_nat_gateway.main': 'us-east-1',
      'aws_s3_bucket.data': 'eu-west-1',
      'aws_sqs_queue.jobs': 'ap-southeast-2',
    });
  });

  it('us-east-1: instance, NAT gateway and Lambda', () => {
    // m5.large 730 h × 0.096 = 70.08; gp3 30 GB × 0.08 = 2.40
    expect(resource('aws_instance.api').monthlyCost).toBe(72.48);
    // 730 h × 0.045 = 32.85; 100 GB × 0.045 = 4.50
    expect(resource('aws_nat_gateway.main').monthlyCost).toBe(37.35);
    // 10M × 0.0000002 = 2.00; 10M × 0.2 s × 0.5 GB = 1M GB-s × 0.0000166667 = 16.67
    expect(resource('aws_lambda_function.worker').monthlyCost).toBe(18.67);
  });

  it('eu-west-1: RDS MySQL, S3 and Kinesis at Ireland prices', () => {
    // db.t3.medium 730 h × 0.072 = 52.56; gp3 50 GB × 0.127 = 6.35
    expect(resource('aws_db_instance.app').monthlyCost).toBe(58.91);
    // 1,000 GB × 0.023
    expect(resource('aws_s3_bucket.data').monthlyCost).toBe(23);
    // 2 shards × 730 h × 0.017
    expect(resource('aws_kinesis_stream.events').monthlyCost).toBe(24.82);
  });

  it('ap-southeast-2: EKS, MSK and ElastiCache at Sydney prices; SQS not in the snapshot there', () => {
    // 730 h × 0.10, plus Kubernetes 1.31's extended support 730 h × 0.50
    expect(resource('aws_eks_cluster.main').monthlyCost).toBe(438);
    // 3 brokers × 730 h × 0.263 = 575.97; 3 × 100 GB × 0.12 = 36.00
    expect(resource('aws_msk_cluster.kafka').monthlyCost).toBe(611.97);
    // cache.t4g.small 730 h × 0.048
    expect(resource('aws_elasticache_cluster.cache').monthlyCost).toBe(35.04);
    const sqs = resource('aws_sqs_queue.jobs');
    expect(sqs.monthlyCost).toBeNull();
    expect(sqs.unpriced[0].reason).toMatch(/^not in pricing cache for ap-southeast-2 \(AWSQueueService\)/);
  });

  it('totals the priced resources and points out the Graviton saving', () => {
    // 72.48 + 37.35 + 18.67 + 58.91 + 23.00 + 24.82 + 438.00 + 611.97 + 35.04
    expect(doc.totalMonthlyCost).toBe(1320.24);
    // m5.large 70.08 → m6g.large 730 h × 0.077 = 56.21
    expect(doc.recommendations.map((r) => [r.address, r.change, r.monthlySaving])).toEqual([['aws_instance.api', 'm5.large → m6g.large', 13.87]]);
  });
});
