import { describe, expect, it } from '@jest/globals';
import { readTerraformDirectory } from '../../../src/input/hcl/index.js';
import { UNKNOWN, type ResourceChange } from '../../../src/input/types.js';
import { NO_OPTIONS, fixture } from './helpers.js';

/**
 * The fixture trees under fixtures/hcl, read end to end. The expected lists are complete: every
 * resource instance with its address, region, values (UNKNOWN where Terraform cannot know them
 * before apply) and references.
 */

const BASIC: ResourceChange[] = [
  {
    address: 'aws_ebs_volume.data[0]',
    type: 'aws_ebs_volume',
    module: '',
    region: 'eu-central-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        availability_zone: 'eu-central-1a',
        size: 100,
        type: 'gp3',
      },
    },
    references: {
      availability_zone: ['var.region'],
      size: ['var.data_volume_size'],
    },
    index: 0,
  },
  {
    address: 'aws_eip.web[0]',
    type: 'aws_eip',
    module: '',
    region: 'eu-central-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        instance: UNKNOWN,
        domain: 'vpc',
      },
    },
    references: {
      instance: ['aws_instance.web', 'count.index'],
    },
    index: 0,
  },
  {
    address: 'aws_eip.web[1]',
    type: 'aws_eip',
    module: '',
    region: 'eu-central-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        instance: UNKNOWN,
        domain: 'vpc',
      },
    },
    references: {
      instance: ['aws_instance.web', 'count.index'],
    },
    index: 1,
  },
  {
    address: 'aws_instance.web[0]',
    type: 'aws_instance',
    module: '',
    region: 'eu-central-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        ami: 'ami-0abcdef1234567890',
        instance_type: 'm5.large',
        tags: { Project: 'shop', Environment: 'prod', Name: 'shop-prod-web-1' },
        root_block_device: [{ volume_size: 50, volume_type: 'gp3' }],
      },
    },
    references: {
      instance_type: ['var.instance_type'],
      tags: ['local.common_tags', 'local.name_prefix', 'count.index'],
      'root_block_device.volume_size': ['local.root_volume_size'],
    },
    index: 0,
  },
  {
    address: 'aws_instance.web[1]',
    type: 'aws_instance',
    module: '',
    region: 'eu-central-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        ami: 'ami-0abcdef1234567890',
        instance_type: 'm5.large',
        tags: { Project: 'shop', Environment: 'prod', Name: 'shop-prod-web-2' },
        root_block_device: [{ volume_size: 50, volume_type: 'gp3' }],
      },
    },
    references: {
      instance_type: ['var.instance_type'],
      tags: ['local.common_tags', 'local.name_prefix', 'count.index'],
      'root_block_device.volume_size': ['local.root_volume_size'],
    },
    index: 1,
  },
];

const MODULES_APP: ResourceChange[] = [
  {
    address: 'aws_ebs_volume.backup',
    type: 'aws_ebs_volume',
    module: '',
    region: 'us-east-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        availability_zone: 'us-east-1a',
        size: 200,
        type: 'sc1',
      },
    },
  },
  {
    address: 'aws_ebs_volume.data["logs"]',
    type: 'aws_ebs_volume',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        availability_zone: 'eu-west-1a',
        size: 500,
        type: 'st1',
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Name: 'shop-prod-logs' },
      },
    },
    references: {
      availability_zone: ['local.azs[0]', 'local.azs'],
      size: ['each.value.size', 'each.value'],
      type: ['each.value.type', 'each.value'],
      iops: ['each.value.type', 'each.value', 'each.value.iops'],
      tags: ['local.tags', 'local.name', 'each.key'],
    },
    index: 'logs',
  },
  {
    address: 'aws_ebs_volume.data["uploads"]',
    type: 'aws_ebs_volume',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        availability_zone: 'eu-west-1a',
        size: 250,
        type: 'gp3',
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Name: 'shop-prod-uploads' },
      },
    },
    references: {
      availability_zone: ['local.azs[0]', 'local.azs'],
      size: ['each.value.size', 'each.value'],
      type: ['each.value.type', 'each.value'],
      iops: ['each.value.type', 'each.value', 'each.value.iops'],
      tags: ['local.tags', 'local.name', 'each.key'],
    },
    index: 'uploads',
  },
  {
    address: 'aws_eip.nat',
    type: 'aws_eip',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        domain: 'vpc',
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform' },
      },
    },
    references: {
      tags: ['local.tags'],
    },
  },
  {
    address: 'aws_lb.app',
    type: 'aws_lb',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name: 'shop-prod-alb',
        load_balancer_type: 'application',
        internal: false,
        subnets: [UNKNOWN, UNKNOWN],
        security_groups: [UNKNOWN],
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform' },
      },
    },
    references: {
      name: ['local.name'],
      subnets: ['aws_subnet.public'],
      security_groups: ['aws_security_group.lb.id', 'aws_security_group.lb'],
      tags: ['local.tags'],
    },
  },
  {
    address: 'aws_nat_gateway.main',
    type: 'aws_nat_gateway',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        allocation_id: UNKNOWN,
        subnet_id: UNKNOWN,
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform' },
      },
    },
    references: {
      allocation_id: ['aws_eip.nat.id', 'aws_eip.nat'],
      subnet_id: ['aws_subnet.public["a"].id', 'aws_subnet.public["a"]', 'aws_subnet.public'],
      tags: ['local.tags'],
    },
  },
  {
    address: 'aws_security_group.lb',
    type: 'aws_security_group',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name: 'shop-prod-lb',
        vpc_id: UNKNOWN,
        ingress: [{ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }, { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }],
      },
    },
    references: {
      name: ['local.name'],
      vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'],
    },
  },
  {
    address: 'aws_subnet.public["a"]',
    type: 'aws_subnet',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        vpc_id: UNKNOWN,
        cidr_block: '10.20.0.0/24',
        availability_zone: 'eu-west-1a',
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Name: 'shop-prod-public-a' },
      },
    },
    references: {
      vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'],
      cidr_block: ['each.value.cidr', 'each.value'],
      availability_zone: ['each.value.az', 'each.value'],
      tags: ['local.tags', 'local.name', 'each.key'],
    },
    index: 'a',
  },
  {
    address: 'aws_subnet.public["b"]',
    type: 'aws_subnet',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        vpc_id: UNKNOWN,
        cidr_block: '10.20.1.0/24',
        availability_zone: 'eu-west-1b',
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Name: 'shop-prod-public-b' },
      },
    },
    references: {
      vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'],
      cidr_block: ['each.value.cidr', 'each.value'],
      availability_zone: ['each.value.az', 'each.value'],
      tags: ['local.tags', 'local.name', 'each.key'],
    },
    index: 'b',
  },
  {
    address: 'aws_vpc.main',
    type: 'aws_vpc',
    module: '',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        cidr_block: '10.20.0.0/16',
        enable_dns_hostnames: true,
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Name: 'shop-prod' },
      },
    },
    references: {
      cidr_block: ['var.vpc_cidr'],
      tags: ['local.tags', 'local.name'],
    },
  },
  {
    address: 'module.db.aws_db_instance.this',
    type: 'aws_db_instance',
    module: 'module.db',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        identifier: 'shop-prod-db',
        engine: 'postgres',
        engine_version: '16.3',
        instance_class: 'db.t3.medium',
        allocated_storage: 100,
        max_allocated_storage: 200,
        storage_type: 'gp3',
        multi_az: true,
        username: 'app',
        manage_master_user_password: true,
        skip_final_snapshot: false,
        tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform' },
      },
    },
    references: {
      identifier: ['var.identifier'],
      engine: ['var.engine'],
      engine_version: ['var.engine_version', 'local.default_versions', 'var.engine'],
      instance_class: ['var.instance_class'],
      allocated_storage: ['var.allocated_storage'],
      max_allocated_storage: ['var.allocated_storage'],
      storage_type: ['var.storage_type'],
      multi_az: ['var.multi_az'],
      tags: ['var.tags'],
    },
  },
  {
    address: 'module.web.aws_autoscaling_group.this',
    type: 'aws_autoscaling_group',
    module: 'module.web',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name: 'shop-prod-web',
        min_size: 1,
        max_size: 6,
        desired_capacity: 3,
        vpc_zone_identifier: [UNKNOWN, UNKNOWN],
        launch_template: [{ id: UNKNOWN, version: '$Latest' }],
      },
    },
    references: {
      name: ['var.name'],
      max_size: ['var.desired_capacity'],
      desired_capacity: ['var.desired_capacity'],
      vpc_zone_identifier: ['var.subnet_ids'],
      'launch_template.id': ['aws_launch_template.this.id', 'aws_launch_template.this'],
    },
  },
  {
    address: 'module.web.aws_launch_template.this',
    type: 'aws_launch_template',
    module: 'module.web',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name_prefix: 'shop-prod-web-',
        image_id: UNKNOWN,
        instance_type: 'm5.large',
        vpc_security_group_ids: [UNKNOWN],
        block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 30, volume_type: 'gp3', delete_on_termination: true }] }],
        tag_specifications: [{ resource_type: 'instance', tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Name: 'shop-prod-web' } }],
      },
    },
    references: {
      name_prefix: ['var.name'],
      image_id: ['data.aws_ami.al2023.id', 'data.aws_ami.al2023'],
      instance_type: ['var.instance_type'],
      vpc_security_group_ids: ['module.sg.id', 'module.sg'],
      'block_device_mappings.ebs.volume_size': ['var.root_volume_size'],
      'tag_specifications.tags': ['var.tags', 'var.name'],
    },
  },
  {
    address: 'module.web.module.sg.aws_security_group.this',
    type: 'aws_security_group',
    module: 'module.web.module.sg',
    region: 'eu-west-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name: 'shop-prod-web-instances',
        vpc_id: UNKNOWN,
        egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }],
      },
    },
    references: {
      name: ['var.name'],
      vpc_id: ['var.vpc_id'],
    },
  },
  {
    address: 'module.web_dr[0].aws_autoscaling_group.this',
    type: 'aws_autoscaling_group',
    module: 'module.web_dr[0]',
    region: 'us-east-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name: 'shop-prod-web-dr',
        min_size: 1,
        max_size: 2,
        desired_capacity: 1,
        vpc_zone_identifier: ['subnet-0dr000000000001'],
        launch_template: [{ id: UNKNOWN, version: '$Latest' }],
      },
    },
    references: {
      name: ['var.name'],
      max_size: ['var.desired_capacity'],
      desired_capacity: ['var.desired_capacity'],
      vpc_zone_identifier: ['var.subnet_ids'],
      'launch_template.id': ['aws_launch_template.this.id', 'aws_launch_template.this'],
    },
  },
  {
    address: 'module.web_dr[0].aws_launch_template.this',
    type: 'aws_launch_template',
    module: 'module.web_dr[0]',
    region: 'us-east-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name_prefix: 'shop-prod-web-dr-',
        image_id: UNKNOWN,
        instance_type: 't3.medium',
        vpc_security_group_ids: [UNKNOWN],
        block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20, volume_type: 'gp3', delete_on_termination: true }] }],
        tag_specifications: [{ resource_type: 'instance', tags: { Project: 'shop', Environment: 'prod', ManagedBy: 'terraform', Role: 'dr', Name: 'shop-prod-web-dr' } }],
      },
    },
    references: {
      name_prefix: ['var.name'],
      image_id: ['data.aws_ami.al2023.id', 'data.aws_ami.al2023'],
      instance_type: ['var.instance_type'],
      vpc_security_group_ids: ['module.sg.id', 'module.sg'],
      'block_device_mappings.ebs.volume_size': ['var.root_volume_size'],
      'tag_specifications.tags': ['var.tags', 'var.name'],
    },
  },
  {
    address: 'module.web_dr[0].module.sg.aws_security_group.this',
    type: 'aws_security_group',
    module: 'module.web_dr[0].module.sg',
    region: 'us-east-1',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        name: 'shop-prod-web-dr-instances',
        vpc_id: 'vpc-0dr0000000000000',
        egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }],
      },
    },
    references: {
      name: ['var.name'],
      vpc_id: ['var.vpc_id'],
    },
  },
];

const UNKNOWNS: ResourceChange[] = [
  {
    address: 'aws_ebs_volume.sized',
    type: 'aws_ebs_volume',
    module: '',
    region: 'us-east-1',
    regionSource: 'default',
    action: 'create',
    after: {
      values: {
        availability_zone: 'us-east-1a',
        size: UNKNOWN,
        type: 'gp3',
      },
    },
    references: {
      size: ['var.volume_size'],
    },
  },
  {
    address: 'aws_eip.app',
    type: 'aws_eip',
    module: '',
    region: 'us-east-1',
    regionSource: 'default',
    action: 'create',
    after: {
      values: {
        instance: UNKNOWN,
        domain: 'vpc',
      },
    },
    references: {
      instance: ['aws_instance.app.id', 'aws_instance.app'],
    },
  },
  {
    address: 'aws_instance.app',
    type: 'aws_instance',
    module: '',
    region: 'us-east-1',
    regionSource: 'default',
    action: 'create',
    after: {
      values: {
        ami: UNKNOWN,
        instance_type: 't3.medium',
        subnet_id: UNKNOWN,
        availability_zone: UNKNOWN,
        monitoring: UNKNOWN,
        tags: { Name: UNKNOWN, Team: 'platform' },
        root_block_device: [{ volume_size: UNKNOWN, volume_type: 'gp3' }],
      },
    },
    references: {
      ami: ['data.aws_ami.ubuntu.id', 'data.aws_ami.ubuntu'],
      subnet_id: ['module.vpc.private_subnets[0]', 'module.vpc.private_subnets', 'module.vpc'],
      availability_zone: ['data.aws_availability_zones.available.names[0]', 'data.aws_availability_zones.available.names', 'data.aws_availability_zones.available'],
      monitoring: ['data.aws_ami.ubuntu.architecture', 'data.aws_ami.ubuntu'],
      tags: ['random_id.suffix.hex', 'random_id.suffix'],
      'root_block_device.volume_size': ['data.aws_availability_zones.available.names', 'data.aws_availability_zones.available'],
    },
  },
  {
    address: 'aws_instance.replica',
    type: 'aws_instance',
    module: '',
    region: 'us-east-1',
    regionSource: 'default',
    action: 'create',
    after: {
      values: {
        ami: UNKNOWN,
        instance_type: 't3.medium',
        ebs_optimized: UNKNOWN,
        tags: { Name: UNKNOWN },
      },
    },
    references: {
      ami: ['aws_instance.app.ami', 'aws_instance.app'],
      instance_type: ['aws_instance.app.instance_type', 'aws_instance.app'],
      ebs_optimized: ['aws_instance.app.ebs_optimized', 'aws_instance.app'],
      tags: ['aws_instance.app.id', 'aws_instance.app'],
    },
  },
  {
    address: 'aws_nat_gateway.main',
    type: 'aws_nat_gateway',
    module: '',
    region: 'us-east-1',
    regionSource: 'default',
    action: 'create',
    after: {
      values: {
        allocation_id: UNKNOWN,
        subnet_id: UNKNOWN,
      },
    },
    references: {
      allocation_id: ['aws_eip.app.id', 'aws_eip.app'],
      subnet_id: ['module.vpc.public_subnets[0]', 'module.vpc.public_subnets', 'module.vpc'],
    },
  },
  {
    address: 'random_id.suffix',
    type: 'random_id',
    module: '',
    region: 'us-east-1',
    regionSource: 'default',
    action: 'create',
    after: {
      values: {
        byte_length: 4,
      },
    },
  },
];

const INSTALLED: ResourceChange[] = [
  {
    address: 'aws_instance.app',
    type: 'aws_instance',
    module: '',
    region: 'ap-southeast-2',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        ami: 'ami-123',
        instance_type: 't3.small',
        subnet_id: 'subnet-a',
        tags: { Cache: UNKNOWN },
      },
    },
    references: {
      subnet_id: ['module.vpc.private_subnets[0]', 'module.vpc.private_subnets', 'module.vpc'],
      tags: ['module.missing.endpoint', 'module.missing'],
    },
  },
  {
    address: 'module.vpc.aws_eip.nat[0]',
    type: 'aws_eip',
    module: 'module.vpc',
    region: 'ap-southeast-2',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        domain: 'vpc',
        tags: { Name: 'installed-nat-0' },
      },
    },
    references: {
      tags: ['var.name', 'count.index'],
    },
    index: 0,
  },
  {
    address: 'module.vpc.aws_nat_gateway.this[0]',
    type: 'aws_nat_gateway',
    module: 'module.vpc',
    region: 'ap-southeast-2',
    regionSource: 'provider',
    action: 'create',
    after: {
      values: {
        allocation_id: UNKNOWN,
      },
    },
    references: {
      allocation_id: ['aws_eip.nat', 'count.index'],
    },
    index: 0,
  },
];

describe('fixtures/hcl/basic', () => {
  it('evaluates variables, tfvars, auto.tfvars, locals and count', async () => {
    const dir = fixture('basic');
    const projects = await readTerraformDirectory(dir, NO_OPTIONS);
    expect(projects).toEqual([{ name: dir, path: dir, region: 'eu-central-1', resources: BASIC, warnings: [] }]);
  });

  it('lets -var and TF_VAR override tfvars (and TF_VAR lose to them)', async () => {
    const dir = fixture('basic');
    const [p] = await readTerraformDirectory(dir, {
      varFiles: [],
      vars: { instance_count: '1', create_data_volume: 'false' },
      env: { TF_VAR_instance_type: 'c5.large', TF_VAR_environment: 'dev' },
      projectName: 'shop',
    });
    expect(p.name).toBe('shop');
    expect(p.resources.map((r) => r.address)).toEqual(['aws_eip.web[0]', 'aws_instance.web[0]']);
    // terraform.tfvars sets instance_type and environment, which beats TF_VAR_*.
    expect(p.resources[1].after?.values).toMatchObject({ instance_type: 'm5.large', root_block_device: [{ volume_size: 50 }] });
  });
});

describe('fixtures/hcl/modules-app', () => {
  it('evaluates local modules, nested modules, provider aliases and provider maps', async () => {
    const dir = fixture('modules-app');
    const [p] = await readTerraformDirectory(dir, NO_OPTIONS);
    expect(p.region).toBe('eu-west-1');
    expect(p.warnings).toEqual([]);
    expect(p.resources).toEqual(MODULES_APP);
  });

  it('follows the region variable, and drops the DR module when it is disabled', async () => {
    const [p] = await readTerraformDirectory(fixture('modules-app'), { ...NO_OPTIONS, vars: { region: 'eu-central-1', enable_dr: 'false' } });
    expect(p.region).toBe('eu-central-1');
    const regions = Object.fromEntries(p.resources.map((r) => [r.address, r.region]));
    expect(regions['module.db.aws_db_instance.this']).toBe('eu-central-1');
    expect(regions['aws_ebs_volume.backup']).toBe('us-east-1');
    expect(p.resources.some((r) => r.address.startsWith('module.web_dr'))).toBe(false);
  });
});

describe('fixtures/hcl/unknowns', () => {
  it('leaves computed attributes, data sources and missing modules UNKNOWN', async () => {
    const dir = fixture('unknowns');
    const [p] = await readTerraformDirectory(dir, NO_OPTIONS);
    expect(p.region).toBe('us-east-1');
    expect(p.resources).toEqual(UNKNOWNS);
    expect(p.warnings).toEqual([
      'module.vpc (source "terraform-aws-modules/vpc/aws") is not downloaded (run terraform init): its resources are not included and its outputs are unknown',
      'no AWS region is set by a provider block, AWS_REGION, AWS_DEFAULT_REGION or --region; using us-east-1',
      'variable "volume_size" has no value (no default, tfvars, -var or TF_VAR_volume_size); values that depend on it are unknown',
      'aws_ebs_volume.per_az: count is not known until apply, so its instances (and their cost) are not included',
      'aws_ebs_volume.per_subnet: for_each is not known until apply, so its instances (and their cost) are not included',
    ]);
  });

  it('takes the region from the environment when the provider block has none', async () => {
    const [p] = await readTerraformDirectory(fixture('unknowns'), { ...NO_OPTIONS, env: { AWS_DEFAULT_REGION: 'eu-west-3' }, vars: { volume_size: '80' } });
    expect(p.region).toBe('eu-west-3');
    expect(p.resources.every((r) => r.region === 'eu-west-3' && r.regionSource === 'environment')).toBe(true);
    expect(p.resources.find((r) => r.address === 'aws_ebs_volume.sized')?.after?.values.size).toBe(80);
    expect(p.warnings.filter((w) => w.includes('region'))).toEqual([]);
  });
});

describe('fixtures/hcl/installed', () => {
  it('reads downloaded modules from .terraform/modules/modules.json and skips missing ones', async () => {
    const [p] = await readTerraformDirectory(fixture('installed'), NO_OPTIONS);
    expect(p.resources).toEqual(INSTALLED);
    expect(p.warnings).toEqual([
      'module.missing (source "git::https://example.com/infra/modules.git//cache?ref=v1.2.0") is not downloaded (run terraform init): its resources are not included and its outputs are unknown',
    ]);
  });
});
