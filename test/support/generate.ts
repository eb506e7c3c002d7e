/**
 * Generators shared by the benchmarks (bench/) and the fuzz and property tests: a seeded PRNG,
 * realistic Terraform plan JSON and usage files of any size, and mutators that break valid
 * inputs in the ways real files break (truncated, wrong types, huge numbers, deep nesting,
 * odd characters, duplicate keys, missing fields). Everything is deterministic in the seed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as yamlStringify } from 'yaml';
import { freeTypeNames, pricedTypeNames, unsupportedKnownTypes, USAGE_ONLY_TYPES } from '../../src/resources/registry.js';

// --- PRNG ---------------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for test data; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a run seed and a case number into one case seed, so any case reruns on its own. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// --- what the pricing snapshot has ----------------------------------------------------------

export interface Catalog {
  /** Regions with EC2 prices in the snapshot. */
  regions: string[];
  /** Instance types with a Linux, shared-tenancy price, per region. */
  instanceTypes(region: string): readonly string[];
  /** RDS instance classes with a MySQL price, per region. */
  dbClasses(region: string): readonly string[];
}

/** Common types; the catalog narrows them to what each region's snapshot prices. */
const COMMON_INSTANCE_TYPES = [
  't3.micro', 't3.medium', 't3.large', 't4g.small', 't4g.medium', 'm5.large', 'm5.xlarge', 'm5.2xlarge',
  'c5.large', 'c5.xlarge', 'r5.large', 'r5.xlarge', 'm6i.large', 'c6i.large', 'r6i.large', 'm6g.large',
  'c6g.medium', 'r6g.large', 'm7g.large', 'c7g.xlarge', 'i3.large', 'm5.metal', 'm4.large', 't2.micro',
];
const COMMON_DB_CLASSES = ['db.t3.micro', 'db.t3.medium', 'db.t4g.medium', 'db.m5.large', 'db.m5.xlarge', 'db.r5.large', 'db.m6g.large', 'db.r6g.xlarge'];

/** A catalog without reading the snapshot: every common type in every listed region. */
export function fixedCatalog(regions: string[] = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']): Catalog {
  return { regions, instanceTypes: () => COMMON_INSTANCE_TYPES.slice(0, 12), dbClasses: () => COMMON_DB_CLASSES.slice(0, 3) };
}

interface CacheFileLike {
  products?: { family?: string; attributes?: Record<string, string> }[];
}

function readCacheFile(path: string): CacheFileLike {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CacheFileLike;
  } catch {
    return {};
  }
}

/**
 * Reads the snapshot so generated plans use instance types and DB classes each region really
 * prices (a plan full of unpriceable types would benchmark the error path, not the real one).
 */
export function snapshotCatalog(cacheDir: string): Catalog {
  const ec2Dir = join(cacheDir, 'aws', 'AmazonEC2');
  const rdsDir = join(cacheDir, 'aws', 'AmazonRDS');
  const regions = existsSync(ec2Dir) ? readdirSync(ec2Dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
  const instanceTypes = new Map<string, string[]>();
  const dbClasses = new Map<string, string[]>();
  for (const region of regions) {
    const ec2 = readCacheFile(join(ec2Dir, `${region}.json`));
    const have = new Set(
      (ec2.products ?? [])
        .filter((p) => p.family?.startsWith('Compute Instance') && p.attributes?.operatingSystem === 'Linux' && p.attributes?.tenancy === 'Shared')
        .map((p) => p.attributes?.instanceType),
    );
    instanceTypes.set(region, COMMON_INSTANCE_TYPES.filter((t) => have.has(t)));
    const rds = readCacheFile(join(rdsDir, `${region}.json`));
    const haveDb = new Set((rds.products ?? []).filter((p) => p.family === 'Database Instance' && p.attributes?.databaseEngine === 'MySQL').map((p) => p.attributes?.instanceType));
    dbClasses.set(region, COMMON_DB_CLASSES.filter((t) => haveDb.has(t)));
  }
  return {
    regions,
    instanceTypes: (r) => (instanceTypes.get(r)?.length ? (instanceTypes.get(r) as string[]) : ['m5.large']),
    dbClasses: (r) => (dbClasses.get(r)?.length ? (dbClasses.get(r) as string[]) : ['db.t3.micro']),
  };
}

// --- resources ------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

interface Generated {
  values: Obj;
  /** after_unknown for this resource (id/arn always; sometimes a priced attribute). */
  unknown?: Obj;
  /** Configuration expressions (references to other resources). */
  expressions?: Obj;
  /** Another resource this one needs in the plan (an autoscaling group's launch template). */
  companion?: { type: string; name: string; values: Obj };
}

interface GenContext {
  rng: Rng;
  region: string;
  catalog: Catalog;
  name: string;
}

const EBS_TYPES = ['gp2', 'gp3', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'];

function ebsBlock(ctx: GenContext, device?: string): Obj {
  const { rng } = ctx;
  const type = rng.pick(['gp2', 'gp3', 'gp3', 'io1']);
  return {
    ...(device ? { device_name: device } : {}),
    volume_size: rng.int(8, 500),
    volume_type: type,
    ...(type === 'io1' ? { iops: rng.int(100, 20000) } : {}),
    ...(type === 'gp3' && rng.bool(0.3) ? { iops: rng.int(3000, 16000), throughput: rng.int(125, 1000) } : {}),
    delete_on_termination: true,
    encrypted: rng.bool(),
  };
}

function tags(ctx: GenContext): Obj {
  return { Name: ctx.name, Team: ctx.rng.pick(['payments', 'search', 'platform', 'data']), Env: ctx.rng.pick(['prod', 'staging']) };
}

/** Realistic attribute values per priced type; types without an entry get only tags. */
const GENERATORS: Record<string, (ctx: GenContext) => Generated> = {
  aws_instance(ctx) {
    const { rng } = ctx;
    const instanceType = rng.pick(ctx.catalog.instanceTypes(ctx.region));
    const burstable = /^t[234]/.test(instanceType);
    return {
      values: {
        ami: `ami-${rng.int(0, 0xffffff).toString(16).padStart(8, '0')}0c55b159`,
        instance_type: instanceType,
        monitoring: rng.bool(0.2),
        tenancy: rng.bool(0.03) ? 'dedicated' : null,
        ebs_optimized: null,
        credit_specification: burstable && rng.bool(0.5) ? [{ cpu_credits: rng.pick(['standard', 'unlimited']) }] : [],
        root_block_device: rng.bool(0.8) ? [ebsBlock(ctx)] : [],
        ebs_block_device: rng.bool(0.3) ? [ebsBlock(ctx, '/dev/sdf')] : [],
        user_data: null,
        tags: tags(ctx),
      },
      unknown: { id: true, arn: true, public_ip: true, private_ip: true, ...(rng.bool(0.02) ? { instance_type: true } : {}) },
    };
  },
  aws_ebs_volume(ctx) {
    const { rng } = ctx;
    const type = rng.pick(EBS_TYPES);
    return {
      values: {
        availability_zone: `${ctx.region}a`,
        size: rng.bool(0.02) ? null : rng.int(1, 2000),
        type,
        ...(type === 'io1' || type === 'io2' ? { iops: rng.int(100, 80000) } : {}),
        ...(type === 'gp3' ? { iops: rng.int(3000, 16000), throughput: rng.int(125, 1000) } : {}),
        encrypted: true,
        tags: tags(ctx),
      },
    };
  },
  aws_ebs_snapshot(ctx) {
    return { values: { volume_id: `vol-${ctx.rng.int(0, 1e9)}`, volume_size: ctx.rng.int(8, 1000), tags: tags(ctx) } };
  },
  aws_eip(ctx) {
    const attached = ctx.rng.bool();
    return { values: { domain: 'vpc', instance: attached ? `i-${ctx.rng.int(0, 1e9)}` : null, network_interface: null, tags: null } };
  },
  aws_elb(ctx) {
    return { values: { name: ctx.name.slice(0, 32), internal: ctx.rng.bool(), cross_zone_load_balancing: true, tags: tags(ctx) } };
  },
  aws_lb(ctx) {
    return {
      values: { name: ctx.name.slice(0, 32), load_balancer_type: ctx.rng.pick(['application', 'application', 'network', 'gateway']), internal: ctx.rng.bool(), tags: tags(ctx) },
    };
  },
  aws_alb(ctx) {
    return { values: { name: ctx.name.slice(0, 32), load_balancer_type: 'application', internal: ctx.rng.bool(), tags: tags(ctx) } };
  },
  aws_nat_gateway(ctx) {
    return { values: { connectivity_type: 'public', tags: tags(ctx) }, unknown: { id: true, allocation_id: true, subnet_id: true } };
  },
  aws_db_instance(ctx) {
    const { rng } = ctx;
    const storage = rng.pick(['gp2', 'gp3', 'io1', 'standard']);
    return {
      values: {
        engine: rng.pick(['mysql', 'mysql', 'postgres', 'mariadb']),
        instance_class: rng.pick(ctx.catalog.dbClasses(ctx.region)),
        allocated_storage: rng.int(20, 2000),
        storage_type: storage,
        ...(storage === 'io1' ? { iops: rng.int(1000, 40000) } : {}),
        multi_az: rng.bool(0.3),
        tags: tags(ctx),
      },
    };
  },
  aws_autoscaling_group(ctx) {
    const { rng } = ctx;
    const lt = `${ctx.name}_lt`;
    return {
      values: { name: ctx.name, min_size: 1, max_size: 10, desired_capacity: rng.int(1, 8), launch_template: [{ id: null, version: '$Latest' }], tags: [] },
      unknown: { id: true, arn: true, launch_template: [{ id: true }] },
      expressions: { launch_template: [{ id: { references: [`aws_launch_template.${lt}.id`, `aws_launch_template.${lt}`] } }] },
      companion: {
        type: 'aws_launch_template',
        name: lt,
        values: {
          name_prefix: `${ctx.name}-`,
          instance_type: rng.pick(ctx.catalog.instanceTypes(ctx.region)),
          block_device_mappings: [{ device_name: '/dev/xvda', ebs: [ebsBlock(ctx)] }],
          monitoring: [{ enabled: rng.bool(0.2) }],
          tags: tags(ctx),
        },
      },
    };
  },
  aws_lambda_function(ctx) {
    const { rng } = ctx;
    return {
      values: {
        function_name: ctx.name,
        runtime: rng.pick(['nodejs20.x', 'python3.12', 'java21']),
        memory_size: rng.pick([128, 256, 512, 1024, 2048]),
        architectures: [rng.pick(['x86_64', 'arm64'])],
        ephemeral_storage: [{ size: rng.pick([512, 512, 1024, 10240]) }],
        timeout: 30,
        tags: tags(ctx),
      },
    };
  },
  aws_s3_bucket(ctx) {
    return { values: { bucket: `${ctx.name.replace(/_/g, '-')}-${ctx.rng.int(0, 1e6)}`, force_destroy: false, lifecycle_rule: [], tags: tags(ctx) } };
  },
  aws_dynamodb_table(ctx) {
    const { rng } = ctx;
    const provisioned = rng.bool(0.4);
    return {
      values: {
        name: ctx.name,
        billing_mode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
        ...(provisioned ? { read_capacity: rng.int(1, 500), write_capacity: rng.int(1, 200) } : {}),
        hash_key: 'id',
        table_class: rng.pick(['STANDARD', 'STANDARD', 'STANDARD_INFREQUENT_ACCESS']),
        stream_enabled: rng.bool(0.2),
        point_in_time_recovery: [{ enabled: rng.bool(0.5) }],
        global_secondary_index: [],
        replica: [],
        tags: tags(ctx),
      },
    };
  },
  aws_elasticache_cluster(ctx) {
    const { rng } = ctx;
    return { values: { cluster_id: ctx.name.slice(0, 40), engine: rng.pick(['redis', 'memcached']), node_type: rng.pick(['cache.t3.micro', 'cache.m5.large', 'cache.r6g.large', 'cache.t4g.small']), num_cache_nodes: rng.int(1, 3), snapshot_retention_limit: rng.int(0, 7), tags: tags(ctx) } };
  },
  aws_elasticache_replication_group(ctx) {
    const { rng } = ctx;
    return { values: { replication_group_id: ctx.name.slice(0, 40), description: 'x', engine: 'redis', node_type: rng.pick(['cache.m5.large', 'cache.r6g.large', 'cache.t3.medium']), num_cache_clusters: rng.int(1, 3), snapshot_retention_limit: rng.int(0, 5), tags: tags(ctx) } };
  },
  aws_rds_cluster(ctx) {
    const { rng } = ctx;
    return { values: { cluster_identifier: ctx.name, engine: rng.pick(['aurora-mysql', 'aurora-postgresql']), engine_mode: 'provisioned', backup_retention_period: rng.int(1, 14), tags: tags(ctx) } };
  },
  aws_rds_cluster_instance(ctx) {
    const { rng } = ctx;
    const cluster = `${ctx.name}_cluster`;
    const engine = rng.pick(['aurora-mysql', 'aurora-postgresql']);
    return {
      values: { identifier: ctx.name, cluster_identifier: null, engine, instance_class: rng.pick(['db.r5.large', 'db.r6g.large', 'db.t3.medium']), tags: tags(ctx) },
      unknown: { id: true, arn: true, cluster_identifier: true },
      expressions: { cluster_identifier: { references: [`aws_rds_cluster.${cluster}.id`, `aws_rds_cluster.${cluster}`] } },
      companion: { type: 'aws_rds_cluster', name: cluster, values: { cluster_identifier: cluster, engine, engine_mode: 'provisioned', backup_retention_period: 7, tags: tags(ctx) } },
    };
  },
  aws_ecs_service(ctx) {
    const { rng } = ctx;
    const task = `${ctx.name}_task`;
    return {
      values: { name: ctx.name, desired_count: rng.int(0, 10), launch_type: 'FARGATE', task_definition: null, capacity_provider_strategy: [], tags: tags(ctx) },
      unknown: { id: true, task_definition: true },
      expressions: { task_definition: { references: [`aws_ecs_task_definition.${task}.arn`, `aws_ecs_task_definition.${task}`] } },
      companion: {
        type: 'aws_ecs_task_definition',
        name: task,
        values: { family: task, requires_compatibilities: ['FARGATE'], network_mode: 'awsvpc', cpu: rng.pick(['256', '512', '1024', '2048']), memory: rng.pick(['512', '1024', '2048', '4096']), runtime_platform: [{ cpu_architecture: rng.pick(['X86_64', 'ARM64']), operating_system_family: 'LINUX' }], container_definitions: '[]' },
      },
    };
  },
  aws_eks_cluster(ctx) {
    return { values: { name: ctx.name, version: ctx.rng.pick(['1.29', '1.30', '1.31']), tags: tags(ctx) } };
  },
  aws_eks_node_group(ctx) {
    const { rng } = ctx;
    return {
      values: { cluster_name: 'main', node_group_name: ctx.name, instance_types: [rng.pick(ctx.catalog.instanceTypes(ctx.region))], capacity_type: 'ON_DEMAND', disk_size: rng.int(20, 100), scaling_config: [{ desired_size: rng.int(1, 6), min_size: 1, max_size: 10 }], tags: tags(ctx) },
    };
  },
  aws_eks_fargate_profile(ctx) {
    return { values: { cluster_name: 'main', fargate_profile_name: ctx.name, tags: tags(ctx) } };
  },
  aws_efs_file_system(ctx) {
    const { rng } = ctx;
    const provisioned = rng.bool(0.2);
    return { values: { creation_token: ctx.name, throughput_mode: provisioned ? 'provisioned' : 'bursting', ...(provisioned ? { provisioned_throughput_in_mibps: rng.int(1, 200) } : {}), lifecycle_policy: [], tags: tags(ctx) } };
  },
  aws_msk_cluster(ctx) {
    const { rng } = ctx;
    return {
      values: {
        cluster_name: ctx.name,
        kafka_version: '3.6.0',
        number_of_broker_nodes: rng.pick([2, 3, 6]),
        broker_node_group_info: [{ instance_type: rng.pick(['kafka.m5.large', 'kafka.t3.small', 'kafka.m7g.large']), storage_info: [{ ebs_storage_info: [{ volume_size: rng.int(10, 2000), provisioned_throughput: [] }] }] }],
        tags: tags(ctx),
      },
    };
  },
  aws_mq_broker(ctx) {
    const { rng } = ctx;
    return { values: { broker_name: ctx.name, engine_type: rng.pick(['ActiveMQ', 'RabbitMQ']), host_instance_type: rng.pick(['mq.t3.micro', 'mq.m5.large']), deployment_mode: rng.pick(['SINGLE_INSTANCE', 'ACTIVE_STANDBY_MULTI_AZ']), storage_type: 'ebs', tags: tags(ctx) } };
  },
  aws_redshift_cluster(ctx) {
    const { rng } = ctx;
    return { values: { cluster_identifier: ctx.name, node_type: rng.pick(['ra3.xlplus', 'dc2.large', 'ra3.4xlarge']), number_of_nodes: rng.int(1, 4), tags: tags(ctx) } };
  },
  aws_opensearch_domain(ctx) {
    const { rng } = ctx;
    return {
      values: {
        domain_name: ctx.name.slice(0, 28),
        cluster_config: [{ instance_type: rng.pick(['m5.large.search', 'r6g.large.search', 't3.small.search']), instance_count: rng.int(1, 4), dedicated_master_enabled: false, warm_enabled: false }],
        ebs_options: [{ ebs_enabled: true, volume_size: rng.int(10, 500), volume_type: 'gp3' }],
        tags: tags(ctx),
      },
    };
  },
  aws_elasticsearch_domain(ctx) {
    const { rng } = ctx;
    return {
      values: {
        domain_name: ctx.name.slice(0, 28),
        cluster_config: [{ instance_type: rng.pick(['m5.large.elasticsearch', 'r5.large.elasticsearch']), instance_count: rng.int(1, 4), dedicated_master_enabled: false, warm_enabled: false }],
        ebs_options: [{ ebs_enabled: true, volume_size: rng.int(10, 500), volume_type: 'gp2' }],
        tags: tags(ctx),
      },
    };
  },
  aws_kinesis_stream(ctx) {
    const onDemand = ctx.rng.bool(0.3);
    return { values: { name: ctx.name, shard_count: onDemand ? null : ctx.rng.int(1, 20), stream_mode_details: [{ stream_mode: onDemand ? 'ON_DEMAND' : 'PROVISIONED' }], tags: tags(ctx) } };
  },
  aws_kms_key(ctx) {
    return { values: { description: ctx.name, customer_master_key_spec: ctx.rng.pick(['SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT', 'RSA_2048']), tags: tags(ctx) } };
  },
  aws_cloudwatch_log_group(ctx) {
    return { values: { name: `/app/${ctx.name}`, retention_in_days: ctx.rng.pick([7, 30, 365]), log_group_class: ctx.rng.pick(['STANDARD', 'INFREQUENT_ACCESS']), tags: tags(ctx) } };
  },
  aws_cloudwatch_metric_alarm(ctx) {
    return { values: { alarm_name: ctx.name, comparison_operator: 'GreaterThanThreshold', metric_name: 'CPUUtilization', namespace: 'AWS/EC2', period: ctx.rng.pick([10, 60, 300]), evaluation_periods: 2, threshold: 80, metric_query: [], tags: tags(ctx) } };
  },
  aws_route53_health_check(ctx) {
    return { values: { type: ctx.rng.pick(['HTTP', 'HTTPS', 'TCP']), fqdn: 'example.com', request_interval: ctx.rng.pick([10, 30]), measure_latency: ctx.rng.bool(), tags: tags(ctx) } };
  },
  aws_route53_record(ctx) {
    return { values: { name: `${ctx.name}.example.com`, type: 'A', ttl: 300, records: ['10.0.0.1'] } };
  },
  aws_route53_zone(ctx) {
    return { values: { name: `${ctx.name.replace(/_/g, '-')}.example.com`, tags: tags(ctx) } };
  },
  aws_sqs_queue(ctx) {
    const fifo = ctx.rng.bool(0.2);
    return { values: { name: `${ctx.name}${fifo ? '.fifo' : ''}`, fifo_queue: fifo, tags: tags(ctx) } };
  },
  aws_sns_topic(ctx) {
    return { values: { name: ctx.name, fifo_topic: false, tags: tags(ctx) } };
  },
  aws_secretsmanager_secret(ctx) {
    return { values: { name: ctx.name, replica: [], tags: tags(ctx) } };
  },
  aws_sfn_state_machine(ctx) {
    return { values: { name: ctx.name, type: ctx.rng.pick(['STANDARD', 'EXPRESS']), definition: '{}', tags: tags(ctx) } };
  },
  aws_vpc_endpoint(ctx) {
    const iface = ctx.rng.bool(0.6);
    return { values: { vpc_id: 'vpc-1', service_name: `com.amazonaws.${ctx.region}.s3`, vpc_endpoint_type: iface ? 'Interface' : 'Gateway', subnet_ids: iface ? ['subnet-a', 'subnet-b'] : [], tags: tags(ctx) } };
  },
  aws_vpn_connection(ctx) {
    return { values: { customer_gateway_id: 'cgw-1', type: 'ipsec.1', transit_gateway_id: ctx.rng.bool() ? 'tgw-1' : null, tags: tags(ctx) } };
  },
  aws_ec2_transit_gateway_vpc_attachment(ctx) {
    return { values: { transit_gateway_id: 'tgw-1', vpc_id: 'vpc-1', subnet_ids: ['subnet-a'], tags: tags(ctx) } };
  },
  aws_transfer_server(ctx) {
    return { values: { protocols: [ctx.rng.pick(['SFTP', 'FTPS'])], endpoint_type: 'PUBLIC', tags: tags(ctx) } };
  },
  aws_cloudfront_distribution(ctx) {
    return {
      values: {
        enabled: true,
        origin: [{ domain_name: 'example.s3.amazonaws.com', origin_id: 's3' }],
        viewer_certificate: [{ cloudfront_default_certificate: true, ssl_support_method: null }],
        price_class: 'PriceClass_All',
        tags: tags(ctx),
      },
    };
  },
  aws_lambda_provisioned_concurrency_config(ctx) {
    const fn = `${ctx.name}_fn`;
    return {
      values: { function_name: null, qualifier: 'live', provisioned_concurrent_executions: ctx.rng.int(1, 50) },
      unknown: { id: true, function_name: true },
      expressions: { function_name: { references: [`aws_lambda_function.${fn}.function_name`, `aws_lambda_function.${fn}`] } },
      companion: { type: 'aws_lambda_function', name: fn, values: { function_name: fn, runtime: 'nodejs20.x', memory_size: ctx.rng.pick([256, 1024]), architectures: ['x86_64'], tags: tags(ctx) } },
    };
  },
  aws_apigatewayv2_api(ctx) {
    return { values: { name: ctx.name, protocol_type: ctx.rng.pick(['HTTP', 'WEBSOCKET']), tags: tags(ctx) } };
  },
};

function generic(ctx: GenContext): Generated {
  return { values: { name: ctx.name, tags: tags(ctx) } };
}

// Types priced from usage alone or at a flat rate: a name and tags are all a plan has for them.
for (const t of ['aws_api_gateway_rest_api', 'aws_backup_vault', 'aws_cloudwatch_composite_alarm', 'aws_cloudwatch_dashboard', 'aws_ecr_repository']) GENERATORS[t] = generic;

/** Priced types that can appear in a plan (usage-only pseudo types cannot). */
export function plannablePricedTypes(): string[] {
  return pricedTypeNames()
    .filter((t) => !USAGE_ONLY_TYPES.has(t));
}

/** Priced types the generator has no realistic attributes for (they get tags only). */
export function typesWithoutGenerator(): string[] {
  return plannablePricedTypes().filter((t) => !GENERATORS[t]);
}

// --- plans ----------------------------------------------------------------------------------

export type Action = 'create' | 'update' | 'delete' | 'replace' | 'no-op';

export interface PlanOptions {
  /** Resource instances to generate (companions such as launch templates count too). */
  resources: number;
  catalog: Catalog;
  /** Regions to spread resources over (default: the catalog's). */
  regions?: string[];
  /** Action mix; default all creates. */
  actions?: 'create' | 'mixed';
  /** Share of priced / free / unsupported resources (default 0.6 / 0.32 / 0.08). */
  mix?: { priced: number; free: number; unsupported: number };
  /** Restrict priced types (default every plannable priced type). */
  pricedTypes?: string[];
  /** Largest count of one configuration block (default 8). */
  maxCount?: number;
  /** Also write planned_values, as terraform does (default true). */
  plannedValues?: boolean;
}

export interface GeneratedPlan {
  plan: Obj;
  /** Addresses of managed resources in the plan, in order. */
  addresses: string[];
}

interface Instance {
  address: string;
  module: string;
  type: string;
  name: string;
  index?: number;
  providerKey: string;
  action: Action;
  before: Obj | null;
  after: Obj | null;
  afterUnknown: Obj;
}

const ACTION_MIX: [Action, number][] = [
  ['create', 4],
  ['update', 2],
  ['delete', 2],
  ['replace', 1],
  ['no-op', 3],
];

function regionAlias(region: string): string {
  return region.replace(/-/g, '_');
}

/** A changed copy of values, for updates: one attribute moved to another realistic value. */
function updated(rng: Rng, type: string, values: Obj, ctx: GenContext): Obj {
  const fresh = (GENERATORS[type] ?? generic)(ctx).values;
  const keys = Object.keys(fresh).filter((k) => k !== 'tags');
  if (keys.length === 0) return { ...values, tags: { ...(values.tags as Obj), Changed: 'yes' } };
  const k = rng.pick(keys);
  return { ...values, [k]: fresh[k] };
}

/**
 * A Terraform plan JSON (format 1.2) with `resources` managed resource instances over many
 * types and regions: count-expanded blocks, a few modules, provider aliases per region, AWS
 * provider v6 per-resource regions, data sources, unknown-after-apply values, and (with
 * actions: 'mixed') creates, updates, deletes, replaces and no-ops.
 */
export function generatePlan(rng: Rng, options: PlanOptions): GeneratedPlan {
  const regions = options.regions ?? options.catalog.regions;
  const priced = options.pricedTypes ?? plannablePricedTypes();
  const free = freeTypeNames().filter((t) => t !== 'aws_launch_template');
  const unsupported = [...unsupportedKnownTypes(), 'aws_not_a_real_type', 'awscc_ec2_instance'];
  const mix = options.mix ?? { priced: 0.6, free: 0.32, unsupported: 0.08 };
  const maxCount = options.maxCount ?? 8;
  const defaultRegion = regions.includes('us-east-1') ? 'us-east-1' : regions[0] ?? 'us-east-1';
  const instances: Instance[] = [];
  const configByModule = new Map<string, Obj[]>();
  const usedRegions = new Set<string>([defaultRegion]);
  let block = 0;

  while (instances.length < options.resources) {
    const kind = rng.weighted([
      ['priced', mix.priced],
      ['free', mix.free],
      ['unsupported', mix.unsupported],
    ] as const);
    const type = kind === 'priced' ? rng.pick(priced) : kind === 'free' && free.length ? rng.pick(free) : rng.pick(unsupported);
    const module = rng.bool(0.2) ? `module.${rng.pick(['app', 'db', 'edge', 'batch'])}` : '';
    const name = `${type.replace(/^aws_/, '')}_${block++}`;
    // Like most real plans, half the resources are in the provider's region, the rest spread out.
    const region = rng.bool(0.5) ? defaultRegion : rng.pick(regions);
    usedRegions.add(region);
    // Most resources take the region of a provider alias; some set it themselves (provider v6).
    const ownRegion = rng.bool(0.1);
    const providerKey = region === defaultRegion || ownRegion ? 'aws' : `aws.${regionAlias(region)}`;
    const left = options.resources - instances.length;
    const count = rng.bool(0.4) ? Math.min(rng.int(1, maxCount), left) : undefined;
    const ctx: GenContext = { rng, region, catalog: options.catalog, name };
    const gen = (GENERATORS[type] ?? generic)(ctx);
    if (ownRegion) gen.values.region = region;
    const blocks: { type: string; name: string; gen: Generated; count?: number }[] = [{ type, name, gen, count }];
    if (gen.companion) {
      blocks.unshift({ type: gen.companion.type, name: gen.companion.name, gen: { values: { ...gen.companion.values, ...(ownRegion ? { region } : {}) } } });
    }
    for (const b of blocks) {
      const config: Obj = {
        address: `${b.type}.${b.name}`,
        mode: 'managed',
        type: b.type,
        name: b.name,
        provider_config_key: module && providerKey === 'aws' ? `${module.slice(7)}:aws` : providerKey,
        expressions: (b.gen.expressions ?? {}) as Json,
        schema_version: 0,
        ...(b.count !== undefined ? { count_expression: { constant_value: b.count } } : {}),
      };
      const list = configByModule.get(module) ?? [];
      list.push(config);
      configByModule.set(module, list);
      const n = b.count ?? 1;
      const action = options.actions === 'mixed' ? rng.weighted(ACTION_MIX) : 'create';
      for (let i = 0; i < n; i++) {
        const local = `${b.type}.${b.name}${b.count !== undefined ? `[${i}]` : ''}`;
        const after = b.gen.values;
        const unknown = { id: true, arn: true, ...(b.gen.unknown ?? {}) } as Obj;
        const before = action === 'update' ? updated(rng, b.type, after, ctx) : after;
        instances.push({
          address: module ? `${module}.${local}` : local,
          module,
          type: b.type,
          name: b.name,
          ...(b.count !== undefined ? { index: i } : {}),
          providerKey,
          action,
          before: action === 'create' ? null : { ...before, id: `${b.type}-${block}-${i}` },
          after: action === 'delete' ? null : after,
          afterUnknown: action === 'delete' ? {} : action === 'no-op' ? {} : unknown,
        });
      }
    }
    // A data source now and then: read, never priced.
    if (rng.bool(0.03)) {
      instances.push({
        address: `data.aws_ami.lookup_${block}`,
        module: '',
        type: 'aws_ami',
        name: `lookup_${block}`,
        providerKey: 'aws',
        action: 'no-op',
        before: null,
        after: { most_recent: true },
        afterUnknown: { id: true },
      });
    }
  }

  const resourceChanges: Json[] = instances.map((r) => {
    const isData = r.address.startsWith('data.');
    const actions = isData ? ['read'] : r.action === 'replace' ? ['delete', 'create'] : [r.action];
    return {
      address: r.address,
      ...(r.module ? { module_address: r.module } : {}),
      mode: isData ? 'data' : 'managed',
      type: r.type,
      name: r.name,
      ...(r.index !== undefined ? { index: r.index } : {}),
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions,
        before: r.before,
        after: r.after,
        after_unknown: r.afterUnknown,
        before_sensitive: r.before ? {} : false,
        after_sensitive: r.after ? {} : false,
      },
      ...(r.action === 'replace' ? { action_reason: 'replace_because_cannot_update' } : {}),
    };
  });

  const providerConfig: Obj = { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { references: ['var.region'] } } } };
  for (const region of usedRegions) {
    if (region === defaultRegion) continue;
    providerConfig[`aws.${regionAlias(region)}`] = {
      name: 'aws',
      full_name: 'registry.terraform.io/hashicorp/aws',
      alias: regionAlias(region),
      expressions: { region: { constant_value: region } },
    };
  }
  const moduleCalls: Obj = {};
  for (const [module, resources] of configByModule) {
    if (!module) continue;
    moduleCalls[module.slice(7)] = { source: `./modules/${module.slice(7)}`, module: { resources } };
  }

  const plan: Obj = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    variables: { region: { value: defaultRegion } },
    resource_changes: resourceChanges,
    configuration: {
      provider_config: providerConfig,
      root_module: { resources: configByModule.get('') ?? [], module_calls: moduleCalls },
    },
  };
  if (options.plannedValues !== false) plan.planned_values = plannedValues(instances);
  return { plan, addresses: instances.filter((i) => !i.address.startsWith('data.')).map((i) => i.address) };
}

function plannedValues(instances: Instance[]): Obj {
  const root: Json[] = [];
  const children = new Map<string, Json[]>();
  for (const r of instances) {
    if (!r.after || r.address.startsWith('data.')) continue;
    const entry: Obj = { address: r.address, mode: 'managed', type: r.type, name: r.name, ...(r.index !== undefined ? { index: r.index } : {}), values: r.after };
    if (r.module) {
      const list = children.get(r.module) ?? [];
      list.push(entry);
      children.set(r.module, list);
    } else root.push(entry);
  }
  return { root_module: { resources: root, child_modules: [...children].map(([address, resources]) => ({ address, resources })) } };
}

/** A usage file (Infracost format) for a generated plan: exact addresses, wildcards, defaults, data transfer. */
export function generateUsage(rng: Rng, addresses: string[], regions: string[]): Obj {
  const resourceUsage: Obj = {};
  const keysByType: Record<string, () => Obj> = {
    aws_nat_gateway: () => ({ monthly_data_processed_gb: rng.int(0, 5000) }),
    aws_lb: () => ({ new_connections: rng.int(0, 200), active_connections: rng.int(0, 10000), processed_bytes_gb: rng.int(0, 20) / 4, rule_evaluations: rng.int(0, 2000) }),
    aws_alb: () => ({ new_connections: rng.int(0, 200), processed_bytes_gb: rng.int(0, 20) / 4 }),
    aws_elb: () => ({ monthly_data_processed_gb: rng.int(0, 3000) }),
    aws_instance: () => ({ monthly_hrs: rng.int(0, 730), ...(rng.bool(0.3) ? { monthly_cpu_credit_hrs: rng.int(0, 500) } : {}) }),
    aws_db_instance: () => ({ additional_backup_storage_gb: rng.int(0, 1000), monthly_standard_io_requests: rng.int(0, 1e7) }),
    aws_ebs_snapshot: () => ({ monthly_gb_storage: rng.int(1, 500) }),
    aws_ebs_volume: () => ({ monthly_standard_io_requests: rng.int(0, 1e8) }),
    aws_autoscaling_group: () => ({ instances: rng.int(0, 20) }),
  };
  for (const address of addresses) {
    const type = /(?:^|\.)(aws_[a-z0-9_]+)\.[^.]+$/.exec(address)?.[1];
    if (!type || !keysByType[type] || !rng.bool(0.3)) continue;
    const key = rng.bool(0.2) && address.endsWith(']') ? address.replace(/\[[^\]]*\]$/, '[*]') : address;
    resourceUsage[key] = keysByType[type]();
  }
  const from = rng.pick(regions);
  resourceUsage[`aws_data_transfer.${regionAlias(from)}`] = {
    region: from,
    monthly_outbound_internet_gb: rng.int(0, 200000),
    monthly_intra_region_gb: rng.int(0, 5000),
    monthly_outbound_region_gb: { [rng.pick(regions)]: rng.int(0, 1000) },
  };
  return {
    version: '0.1',
    resource_type_default_usage: { aws_nat_gateway: { monthly_data_processed_gb: rng.int(0, 500) } },
    resource_usage: resourceUsage,
  };
}

export function usageYaml(usage: Obj): string {
  return yamlStringify(usage);
}

// --- mutators ---------------------------------------------------------------------------------

/** Bytes of a mutated file and what was done, so a failure can be understood. */
export interface Mutated {
  bytes: Buffer;
  steps: string[];
}

/** Extreme but valid quantities: the input stays acceptable and the money must stay sound. */
const EXTREME_QUANTITIES: number[] = [1e308, 1e21, 1e15, 123456789.123456, 2 ** 31, 0, 5e-324, 1e-7, 0.005, 9007199254740993];
const HUGE_NUMBERS: Json[] = [1e308, -1, 1e21, -1e21, 5e-324, 9007199254740993, -0.000001, 0, 1e-7, 123456789012345678901234567890];
const NUMBERISH_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e999', '-1', '0x10', ' 12 ', '1e21', '1,000', '١٢٣', '', '00012', '1.', '.5', '1e-400', '9'.repeat(400)];
const ODD_STRINGS = [
  '\u0000', '\u0007bell', 'tab\tand\nnewline', '\u202eevil', '\ud800', '😀🚀', 'ünïcödé', '\ufeffbom', '\u2028\u2029', '${var.x}', '%{ if }',
  '../../../../etc/passwd', '<script>alert(1)</script>', '`rm -rf`', '"quoted"', '\\', 'x'.repeat(100000),
];

/** A value of another JSON type than `v`. */
function otherType(rng: Rng, v: unknown): Json {
  const choices: Json[] = [null, true, rng.int(-5, 5), rng.pick(ODD_STRINGS), [], {}, [1, 'a', null], { a: { b: [] } }, rng.pick(NUMBERISH_STRINGS)];
  const kind = (x: unknown) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  const different = choices.filter((c) => kind(c) !== kind(v));
  return rng.pick(different.length ? different : choices);
}

interface Slot {
  parent: Obj | Json[];
  key: string | number;
}

/** Up to `limit` places in a JSON tree, sampled evenly (reservoir), iteratively. */
function slots(rng: Rng, root: Json, limit = 64): Slot[] {
  const out: Slot[] = [];
  let seen = 0;
  const stack: Json[] = [root];
  let visits = 0;
  while (stack.length && visits < 200000) {
    visits++;
    const node = stack.pop() as Json;
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      seen++;
      if (out.length < limit) out.push({ parent: node, key });
      else {
        const j = Math.floor(rng.float() * seen);
        if (j < limit) out[j] = { parent: node, key };
      }
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return out;
}

function getSlot(s: Slot): Json {
  return (s.parent as Record<string | number, Json>)[s.key];
}

function setSlot(s: Slot, v: Json): void {
  (s.parent as Record<string | number, Json>)[s.key] = v;
}

function removeSlot(s: Slot): void {
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
}

/** Placeholders that the serializer expands into raw text JSON.stringify cannot produce. */
const RAW = '\u0001raw:';

/** Deeply nested JSON text, built without recursion. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * Structural mutations of a parsed JSON document (wrong types, huge numbers, odd strings, deep
 * nesting, removed fields, duplicate keys), then serialised, then sometimes text mutations
 * (truncation, stray bytes). Deterministic in the rng.
 */
export function mutateJson(rng: Rng, doc: Json, rounds = rng.int(1, 3)): Mutated {
  const value = JSON.parse(JSON.stringify(doc)) as Json;
  const steps: string[] = [];
  const raws: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const candidates = slots(rng, value);
    const s = candidates.length ? rng.pick(candidates) : undefined;
    const op = rng.pick(['wrong-type', 'huge-number', 'numeric-leaf', 'numeric-leaf', 'numberish-string', 'odd-string', 'deep-nesting', 'remove-field', 'duplicate-key', 'empty-container', 'text'] as const);
    if (op === 'text' || !s) {
      steps.push('text');
      continue;
    }
    const where = String(s.key);
    switch (op) {
      case 'wrong-type':
        setSlot(s, otherType(rng, getSlot(s)));
        steps.push(`wrong-type@${where}`);
        break;
      case 'huge-number':
        setSlot(s, rng.pick(HUGE_NUMBERS));
        steps.push(`huge-number@${where}`);
        break;
      case 'numeric-leaf': {
        // A number stays a number: sizes, counts and usage pushed to extremes.
        const numeric = candidates.filter((c) => typeof getSlot(c) === 'number');
        const target = numeric.length ? rng.pick(numeric) : s;
        const value = rng.pick(EXTREME_QUANTITIES);
        setSlot(target, value);
        steps.push(`numeric-leaf(${value})@${String(target.key)}`);
        break;
      }
      case 'numberish-string':
        setSlot(s, rng.pick(NUMBERISH_STRINGS));
        steps.push(`numberish-string@${where}`);
        break;
      case 'odd-string':
        setSlot(s, rng.pick(ODD_STRINGS));
        steps.push(`odd-string@${where}`);
        break;
      case 'deep-nesting': {
        const depth = rng.pick([100, 1000, 5000, 20000, 100000]);
        raws.push(deepJson(depth, rng.bool() ? 'array' : 'object'));
        setSlot(s, `${RAW}${raws.length - 1}`);
        steps.push(`deep-nesting(${depth})@${where}`);
        break;
      }
      case 'remove-field':
        removeSlot(s);
        steps.push(`remove-field@${where}`);
        break;
      case 'duplicate-key': {
        // The duplicate comes last, so JSON.parse keeps it: the earlier value is shadowed.
        const obj = Array.isArray(s.parent) ? undefined : s.parent;
        if (obj) {
          raws.push(JSON.stringify(otherType(rng, getSlot(s))));
          (obj as Record<string, Json>)[`${RAW}dup:${where}`] = `${RAW}${raws.length - 1}`;
          steps.push(`duplicate-key@${where}`);
        }
        break;
      }
      case 'empty-container':
        setSlot(s, Array.isArray(getSlot(s)) ? [] : {});
        steps.push(`empty-container@${where}`);
        break;
    }
  }
  let bytes: Buffer = Buffer.from(serialize(value, raws), 'utf8');
  if (steps.includes('text') || rng.bool(0.25)) {
    const m = mutateText(rng, bytes);
    bytes = m.bytes;
    steps.push(...m.steps);
  }
  return { bytes, steps };
}

/** JSON.stringify, with raw placeholders expanded and duplicate-key markers turned into real duplicates. */
function serialize(value: Json, raws: string[]): string {
  let text = JSON.stringify(value);
  // "\u0001raw:dup:key":"\u0001raw:N" → "key":<raw N>
  text = text.replace(/"\\u0001raw:dup:((?:[^"\\]|\\.)*)":"\\u0001raw:(\d+)"/g, (_, key: string, n: string) => `"${key}":${raws[Number(n)]}`);
  text = text.replace(/"\\u0001raw:(\d+)"/g, (_, n: string) => raws[Number(n)]);
  return text;
}

const TEXT_INSERTS = [
  '\u0000', '\u0001', '\u001b[31m', '\r', '\t', '\ufeff', '\u2028', '😀', '\ud800', '{', '}', '[', ']', '"', ':', ',', '\\', '${', '%{', '<<EOF\n', '#', '//', '/*', '*/',
  '&a ', '*a', '!!binary ', '- ', '? ', '---\n', '...\n', '\n  ', 'null', 'true', '1e308', '-1', '\n\n\n',
];

/** Byte-level mutations for any text format (JSON, YAML, HCL). */
export function mutateText(rng: Rng, input: Buffer, rounds = rng.int(1, 2)): Mutated {
  let bytes: Buffer = input;
  const steps: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const op = rng.pick(['truncate', 'insert', 'invalid-utf8', 'delete-span', 'duplicate-span', 'deep-brackets'] as const);
    const at = rng.int(0, bytes.length);
    switch (op) {
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(rng.pick(TEXT_INSERTS), 'utf8'), bytes.subarray(at)]);
        break;
      case 'invalid-utf8':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([rng.pick([0xff, 0xfe, 0xc3, 0x80, 0xed])]), bytes.subarray(at)]);
        break;
      case 'delete-span':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + rng.int(1, 200)))]);
        break;
      case 'duplicate-span': {
        const end = Math.min(bytes.length, at + rng.int(1, 400));
        bytes = Buffer.concat([bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end)]);
        break;
      }
      case 'deep-brackets': {
        const depth = rng.pick([500, 5000, 50000]);
        const [open, close] = rng.pick([['[', ']'], ['{', '}'], ['(', ')']] as const);
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(open.repeat(depth) + close.repeat(rng.bool() ? depth : 0)), bytes.subarray(at)]);
        break;
      }
    }
    steps.push(`${op}@${at}`);
  }
  return { bytes, steps };
}

/** Token-level mutations for HCL: wrong types, huge numbers, duplicate attributes, deep expressions. */
export function mutateHcl(rng: Rng, text: string): Mutated {
  const steps: string[] = [];
  let out = text;
  const rounds = rng.int(1, 3);
  for (let round = 0; round < rounds; round++) {
    const op = rng.pick(['number', 'string', 'duplicate-line', 'remove-line', 'deep-expr', 'count', 'text'] as const);
    const lines = out.split('\n');
    const i = rng.int(0, Math.max(0, lines.length - 1));
    switch (op) {
      case 'number': {
        const nums = [...out.matchAll(/\b\d+(\.\d+)?\b/g)];
        if (!nums.length) break;
        const m = rng.pick(nums);
        const repl = rng.pick(['1e308', '-1', '1e21', '99999999999999999999999999', '0', '-0.5', '"NaN"', 'null', '[]', '{}', '"1e999"', 'true']);
        out = out.slice(0, m.index) + repl + out.slice((m.index ?? 0) + m[0].length);
        steps.push(`number→${repl}`);
        break;
      }
      case 'string': {
        const strs = [...out.matchAll(/"[^"\n$%]*"/g)];
        if (!strs.length) break;
        const m = rng.pick(strs);
        const repl = rng.pick(['1', 'null', '[1, 2]', '{ a = 1 }', 'true', '"\\u0000"', '"😀"', '"${"', `"${'x'.repeat(10000)}"`, '"\\x"', 'var.nope', 'local.nope', 'unknownfn(1)']);
        out = out.slice(0, m.index) + repl + out.slice((m.index ?? 0) + m[0].length);
        steps.push(`string→${repl.slice(0, 20)}`);
        break;
      }
      case 'duplicate-line':
        lines.splice(i, 0, lines[i] ?? '');
        out = lines.join('\n');
        steps.push(`duplicate-line@${i}`);
        break;
      case 'remove-line':
        lines.splice(i, 1);
        out = lines.join('\n');
        steps.push(`remove-line@${i}`);
        break;
      case 'deep-expr': {
        const depth = rng.pick([200, 2000, 20000]);
        const expr = rng.pick(['(', '[', '{ a = ']);
        const close = expr === '(' ? ')' : expr === '[' ? ']' : '}';
        lines.splice(i, 0, `  deep_${round} = ${expr.repeat(depth)}1${close.repeat(depth)}`);
        out = lines.join('\n');
        steps.push(`deep-expr(${expr}×${depth})@${i}`);
        break;
      }
      case 'count': {
        // count and for_each that would expand to absurd numbers of instances.
        const repl = rng.pick(['count = 1e9', 'count = -1', 'count = 1.5', 'count = "x"', 'for_each = 1', 'count = 1e308']);
        const at = out.search(/resource\s+"[^"]+"\s+"[^"]+"\s*\{/);
        if (at < 0) break;
        const brace = out.indexOf('{', at);
        out = `${out.slice(0, brace + 1)}\n  ${repl}\n${out.slice(brace + 1)}`;
        steps.push(repl);
        break;
      }
      case 'text': {
        // Byte-level damage last: the result may not be valid UTF-8 any more.
        const m = mutateText(rng, Buffer.from(out, 'utf8'), 1);
        return { bytes: m.bytes, steps: [...steps, ...m.steps] };
      }
    }
  }
  return { bytes: Buffer.from(out, 'utf8'), steps };
}

/** YAML: structural mutations through a parse/stringify round trip, or text mutations. */
export function mutateYaml(rng: Rng, doc: Json, text: string): Mutated {
  const op = rng.pick(['structural', 'structural', 'text', 'alias-bomb', 'duplicate-key', 'deep'] as const);
  switch (op) {
    case 'structural': {
      const m = mutateJson(rng, doc, rng.int(1, 3));
      // Parse back what mutateJson serialised (may be broken JSON: then YAML sees it as text).
      let asYaml: string;
      try {
        asYaml = yamlStringify(JSON.parse(m.bytes.toString('utf8')));
      } catch {
        asYaml = m.bytes.toString('utf8');
      }
      return { bytes: Buffer.from(asYaml, 'utf8'), steps: m.steps.map((s) => `yaml:${s}`) };
    }
    case 'text':
      return mutateText(rng, Buffer.from(text, 'utf8'));
    case 'alias-bomb': {
      const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
      return { bytes: Buffer.from(`version: 0.1\nresource_usage:\n  aws_nat_gateway.main:\n    ${lines.join('\n    ')}\n`), steps: ['alias-bomb'] };
    }
    case 'duplicate-key':
      return { bytes: Buffer.from(`${text}\nresource_usage:\n  aws_nat_gateway.main:\n    monthly_data_processed_gb: -5\n`), steps: ['duplicate-key'] };
    case 'deep': {
      const depth = rng.pick([1000, 10000, 100000]);
      return { bytes: Buffer.from(`version: 0.1\nresource_usage:\n  aws_nat_gateway.main:\n    monthly_data_processed_gb: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`), steps: [`deep(${depth})`] };
    }
  }
}
