import { describe, expect, it } from '@jest/globals';
import type { ResourceChange } from '../../../src/input/types.js';
import { UNKNOWN } from '../../../src/input/types.js';
import { UserError } from '../../../src/core/errors.js';
import { readTerraformDirectory } from '../../../src/input/hcl/index.js';
import { NO_OPTIONS, readTree, readTreeError, withTree } from './helpers.js';

const PROVIDER = 'provider "aws" {\n  region = "eu-west-1"\n}\n';

function byAddress(resources: ResourceChange[]): Record<string, ResourceChange> {
  return Object.fromEntries(resources.map((r) => [r.address, r]));
}

function values(r: ResourceChange | undefined): unknown {
  return r?.after?.values;
}

describe('count and for_each', () => {
  it('count = 0 produces nothing and count = n produces indexed instances', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
resource "aws_instance" "none" {
  count         = 0
  instance_type = "t3.micro"
}
resource "aws_instance" "web" {
  count         = 2
  instance_type = "t3.micro"
  tags          = { Name = "web-\${count.index}" }
}`,
    });
    expect(p.resources.map((r) => [r.address, r.index])).toEqual([
      ['aws_instance.web[0]', 0],
      ['aws_instance.web[1]', 1],
    ]);
    expect(values(p.resources[1])).toEqual({ instance_type: 't3.micro', tags: { Name: 'web-1' } });
  });

  it('for_each over a map and over a set', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
resource "aws_ebs_volume" "m" {
  for_each = { small = 10, big = 100 }
  size     = each.value
  tags     = { Name = each.key }
}
resource "aws_ebs_volume" "s" {
  for_each = toset(["b", "a", "b"])
  size     = 5
  tags     = { Name = each.value }
}`,
    });
    expect(p.resources.map((r) => [r.address, r.index, values(r)])).toEqual([
      ['aws_ebs_volume.m["big"]', 'big', { size: 100, tags: { Name: 'big' } }],
      ['aws_ebs_volume.m["small"]', 'small', { size: 10, tags: { Name: 'small' } }],
      ['aws_ebs_volume.s["a"]', 'a', { size: 5, tags: { Name: 'a' } }],
      ['aws_ebs_volume.s["b"]', 'b', { size: 5, tags: { Name: 'b' } }],
    ]);
  });

  it('for_each over objects gives each.value attributes', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
variable "disks" {
  default = {
    logs = { size = 50, type = "st1" }
  }
}
resource "aws_ebs_volume" "d" {
  for_each = var.disks
  size     = each.value.size
  type     = each.value.type
}`,
    });
    expect(values(p.resources[0])).toEqual({ size: 50, type: 'st1' });
  });

  it('references to counted and for_each resources resolve by index and key', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
resource "aws_ebs_volume" "v" {
  count = 2
  size  = 10 * (count.index + 1)
}
resource "aws_ebs_volume" "copy" {
  size = aws_ebs_volume.v[1].size + length(aws_ebs_volume.v)
}
resource "aws_ebs_volume" "all" {
  for_each = { for i, v in aws_ebs_volume.v : "v\${i}" => v.size }
  size     = each.value
}
resource "aws_ebs_volume" "splat" {
  size = sum(aws_ebs_volume.v[*].size)
}`,
    });
    const r = byAddress(p.resources);
    expect(values(r['aws_ebs_volume.copy'])).toEqual({ size: 22 });
    expect(values(r['aws_ebs_volume.all["v1"]'])).toEqual({ size: 20 });
    expect(values(r['aws_ebs_volume.splat'])).toEqual({ size: 30 });
  });

  it('an unknown count or for_each gives no instances and a warning naming the resource', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
data "aws_availability_zones" "azs" {}
resource "aws_instance" "per_az" {
  count         = length(data.aws_availability_zones.azs.names)
  instance_type = "t3.micro"
}
resource "aws_instance" "per_name" {
  for_each      = toset(data.aws_availability_zones.azs.names)
  instance_type = "t3.micro"
}
module "m" {
  source = "./m"
  count  = length(data.aws_availability_zones.azs.names)
}`,
      'm/main.tf': 'resource "aws_instance" "x" {\n  instance_type = "t3.micro"\n}\n',
    });
    expect(p.resources).toEqual([]);
    expect(p.warnings).toEqual([
      'module.m: count is not known until apply, so its instances (and their cost) are not included',
      'aws_instance.per_az: count is not known until apply, so its instances (and their cost) are not included',
      'aws_instance.per_name: for_each is not known until apply, so its instances (and their cost) are not included',
    ]);
  });

  it('rejects bad count and for_each values', async () => {
    expect(await readTreeError({ 'main.tf': 'resource "aws_instance" "x" {\n  count = -1\n}\n' })).toBe(
      '<dir>/main.tf:2:11: count must be a whole number ≥ 0, got -1',
    );
    expect(await readTreeError({ 'main.tf': 'resource "aws_instance" "x" {\n  for_each = "a"\n}\n' })).toBe(
      '<dir>/main.tf:2:14: for_each must be a map or a set of strings, got string',
    );
    expect(await readTreeError({ 'main.tf': 'resource "aws_instance" "x" {\n  count = 1000000000\n}\n' })).toBe(
      '<dir>/main.tf:2:11: count is 1000000000, more than the 100000 instances costdiff evaluates',
    );
  });
});

describe('resource values', () => {
  it('turns nested blocks into lists of objects and leaves null attributes out', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
resource "aws_instance" "x" {
  instance_type = "m5.large"
  key_name      = null
  depends_on    = [aws_ebs_volume.v]
  root_block_device {
    volume_size = 50
  }
  ebs_block_device {
    device_name = "/dev/sdb"
    volume_size = 100
  }
  ebs_block_device {
    device_name = "/dev/sdc"
    volume_size = 200
  }
  lifecycle {
    create_before_destroy = true
  }
  provisioner "local-exec" {
    command = "echo hi"
  }
}
resource "aws_ebs_volume" "v" {
  size = 1
}`,
    });
    expect(values(byAddress(p.resources)['aws_instance.x'])).toEqual({
      instance_type: 'm5.large',
      root_block_device: [{ volume_size: 50 }],
      ebs_block_device: [
        { device_name: '/dev/sdb', volume_size: 100 },
        { device_name: '/dev/sdc', volume_size: 200 },
      ],
    });
  });

  it('expands dynamic blocks, with iterators, nesting and unknown collections', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
variable "disks" {
  default = [{ size = 10, tags = ["a"] }, { size = 20, tags = [] }]
}
data "aws_x" "y" {}
resource "aws_instance" "x" {
  instance_type = "t3.micro"
  dynamic "ebs_block_device" {
    for_each = var.disks
    iterator = disk
    content {
      device_name = "/dev/sd\${disk.key}"
      volume_size = disk.value.size
      dynamic "tag" {
        for_each = disk.value.tags
        content {
          value = tag.value
        }
      }
    }
  }
  dynamic "network_interface" {
    for_each = data.aws_x.y.ids
    content {
      id = network_interface.value
    }
  }
  dynamic "none" {
    for_each = []
    content {}
  }
}`,
    });
    expect(values(p.resources[0])).toEqual({
      instance_type: 't3.micro',
      ebs_block_device: [
        { device_name: '/dev/sd0', volume_size: 10, tag: [{ value: 'a' }] },
        { device_name: '/dev/sd1', volume_size: 20 },
      ],
      network_interface: UNKNOWN,
    });
  });

  it('gives attributes known from other resources their value, and computed ones UNKNOWN', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
resource "aws_launch_template" "lt" {
  instance_type = "c5.large"
  block_device_mappings {
    ebs {
      volume_size = 40
    }
  }
}
resource "aws_instance" "x" {
  instance_type = aws_launch_template.lt.instance_type
  ami           = aws_launch_template.lt.image_id
  root_block_device {
    volume_size = aws_launch_template.lt.block_device_mappings[0].ebs[0].volume_size
    iops        = aws_launch_template.lt.block_device_mappings[0].ebs[0].iops
  }
  launch_template {
    id = aws_launch_template.lt.id
  }
}`,
    });
    expect(values(byAddress(p.resources)['aws_instance.x'])).toEqual({
      instance_type: 'c5.large',
      ami: UNKNOWN,
      root_block_device: [{ volume_size: 40, iops: UNKNOWN }],
      launch_template: [{ id: UNKNOWN }],
    });
  });

  it('does not emit data sources', async () => {
    const p = await readTree({ 'main.tf': `${PROVIDER}\ndata "aws_ami" "x" {\n  most_recent = true\n}\n` });
    expect(p.resources).toEqual([]);
  });

  it('reads .tf.json files', async () => {
    const p = await readTree({
      'main.tf.json': JSON.stringify({
        provider: { aws: { region: 'eu-west-2' } },
        variable: { size: { type: 'number', default: 30 } },
        resource: {
          aws_instance: {
            web: {
              count: 2,
              instance_type: 't3.small',
              root_block_device: { volume_size: '${var.size + count.index}' },
              tags: { Name: 'web-${count.index}' },
            },
          },
        },
      }),
    });
    expect(p.region).toBe('eu-west-2');
    expect(p.resources.map((r) => [r.address, values(r)])).toEqual([
      ['aws_instance.web[0]', { instance_type: 't3.small', root_block_device: { volume_size: 30 }, tags: { Name: 'web-0' } }],
      ['aws_instance.web[1]', { instance_type: 't3.small', root_block_device: { volume_size: 31 }, tags: { Name: 'web-1' } }],
    ]);
  });

  it('merges override files', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}\nresource "aws_instance" "x" {\n  instance_type = "t3.micro"\n  ami = "ami-1"\n}\n`,
      'override.tf': 'resource "aws_instance" "x" {\n  instance_type = "m5.large"\n}\n',
    });
    expect(values(p.resources[0])).toEqual({ instance_type: 'm5.large', ami: 'ami-1' });
  });
});

describe('references', () => {
  it('records attribute paths through nested blocks and module-relative addresses', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
module "app" {
  source = "./app"
}`,
      'app/main.tf': `
variable "size" {
  default = 2
}
resource "aws_launch_template" "web" {
  instance_type = "t3.micro"
}
resource "aws_launch_configuration" "lc" {
  instance_type = "t3.micro"
}
resource "aws_autoscaling_group" "a" {
  launch_configuration = aws_launch_configuration.lc.name
  desired_capacity     = var.size
  launch_template {
    id      = aws_launch_template.web.id
    version = aws_launch_template.web.latest_version
  }
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.web.id
      }
      override {
        instance_type = "t3.large"
      }
    }
  }
}`,
    });
    const asg = byAddress(p.resources)['module.app.aws_autoscaling_group.a'];
    expect(asg.module).toBe('module.app');
    expect(asg.references).toEqual({
      launch_configuration: ['aws_launch_configuration.lc.name', 'aws_launch_configuration.lc'],
      desired_capacity: ['var.size'],
      'launch_template.id': ['aws_launch_template.web.id', 'aws_launch_template.web'],
      'launch_template.version': ['aws_launch_template.web.latest_version', 'aws_launch_template.web'],
      'mixed_instances_policy.launch_template.launch_template_specification.launch_template_id': [
        'aws_launch_template.web.id',
        'aws_launch_template.web',
      ],
    });
    expect(byAddress(p.resources)['module.app.aws_launch_template.web'].references).toBeUndefined();
  });

  it('records indexed, splat, module and data references like plan JSON', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
data "aws_ami" "a" {}
module "m" {
  source = "./m"
}
resource "aws_instance" "i" {
  count = 2
  ami   = data.aws_ami.a.id
  tags = {
    A = aws_instance.i2[0].id
    B = join(",", aws_instance.i2[*].id)
    C = module.m.out
    D = aws_instance.i2[count.index].arn
    E = [for x in aws_instance.i2 : x.id]
  }
}
resource "aws_instance" "i2" {
  count = 2
}
resource "aws_instance" "k" {
  for_each = { a = 1 }
  tags     = { x = aws_instance.i2[0].tags["y"], e = each.value }
}`,
      'm/main.tf': 'output "out" {\n  value = "o"\n}\n',
    });
    const r = byAddress(p.resources);
    expect(r['aws_instance.i[0]'].references).toEqual({
      ami: ['data.aws_ami.a.id', 'data.aws_ami.a'],
      tags: [
        'aws_instance.i2[0].id',
        'aws_instance.i2[0]',
        'aws_instance.i2',
        'module.m.out',
        'module.m',
        'count.index',
      ],
    });
    expect(r['aws_instance.k["a"]'].references).toEqual({
      tags: ['aws_instance.i2[0].tags["y"]', 'aws_instance.i2[0].tags', 'aws_instance.i2[0]', 'aws_instance.i2', 'each.value'],
    });
    expect(values(r['aws_instance.i[1]'])).toEqual({ ami: UNKNOWN, tags: { A: UNKNOWN, B: UNKNOWN, C: 'o', D: UNKNOWN, E: [UNKNOWN, UNKNOWN] } });
  });
});

describe('modules', () => {
  const tree = {
    'main.tf': `${PROVIDER}
provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}
locals {
  envs = { dev = "t3.micro", prod = "m5.large" }
}
module "svc" {
  source   = "./modules/svc"
  for_each = local.envs
  name     = each.key
  type     = each.value
}
module "us" {
  source    = "./modules/svc"
  count     = 1
  name      = "us-\${count.index}"
  type      = module.svc["prod"].type_out
  providers = {
    aws = aws.use1
  }
}
resource "aws_ebs_volume" "from_module" {
  size = module.svc["dev"].size + module.us[0].size
  tags = { Db = module.svc["dev"].db_name }
}`,
    'modules/svc/main.tf': `
variable "name" {
  type = string
}
variable "type" {
  type = string
}
variable "size" {
  type    = number
  default = 8
}
resource "aws_instance" "this" {
  instance_type = var.type
  tags          = { Name = var.name, Module = path.module }
}
module "db" {
  source = "../db"
  name   = "\${var.name}-db"
}
output "type_out" {
  value = aws_instance.this.instance_type
}
output "size" {
  value = var.size
}
output "db_name" {
  value = module.db.name
}`,
    'modules/db/main.tf': `
variable "name" {}
resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.t3.medium"
}
output "name" {
  value = aws_db_instance.this.identifier
}`,
  };

  it('evaluates inputs and outputs, nesting, count and for_each on modules, and provider maps', async () => {
    const p = await readTree(tree);
    expect(p.resources.map((r) => [r.address, r.module, r.region, r.index])).toEqual([
      ['aws_ebs_volume.from_module', '', 'eu-west-1', undefined],
      ['module.svc["dev"].aws_instance.this', 'module.svc["dev"]', 'eu-west-1', undefined],
      ['module.svc["dev"].module.db.aws_db_instance.this', 'module.svc["dev"].module.db', 'eu-west-1', undefined],
      ['module.svc["prod"].aws_instance.this', 'module.svc["prod"]', 'eu-west-1', undefined],
      ['module.svc["prod"].module.db.aws_db_instance.this', 'module.svc["prod"].module.db', 'eu-west-1', undefined],
      ['module.us[0].aws_instance.this', 'module.us[0]', 'us-east-1', undefined],
      ['module.us[0].module.db.aws_db_instance.this', 'module.us[0].module.db', 'us-east-1', undefined],
    ]);
    const r = byAddress(p.resources);
    expect(values(r['aws_ebs_volume.from_module'])).toEqual({ size: 16, tags: { Db: 'dev-db' } });
    expect(values(r['module.us[0].aws_instance.this'])).toEqual({ instance_type: 'm5.large', tags: { Name: 'us-0', Module: 'modules/svc' } });
    expect(values(r['module.svc["prod"].module.db.aws_db_instance.this'])).toEqual({
      identifier: 'prod-db',
      engine: 'postgres',
      instance_class: 'db.t3.medium',
    });
    expect(r['module.us[0].aws_instance.this'].regionSource).toBe('provider');
  });

  it('reports a missing required variable, an unknown argument and an unknown output', async () => {
    expect(
      await readTreeError({
        'main.tf': 'module "m" {\n  source = "./m"\n}\n',
        'm/main.tf': 'variable "x" {}\nresource "aws_instance" "i" {\n  ami = var.x\n}\n',
      }),
    ).toBe('<dir>/m/main.tf:1:1: module.m: the required variable "x" is not set by the module call');
    expect(
      await readTreeError({
        'main.tf': 'module "m" {\n  source = "./m"\n  nope = 1\n}\n',
        'm/main.tf': '',
      }),
    ).toBe('<dir>/main.tf:3:3: module "m" has no variable named "nope"');
    expect(
      await readTreeError({
        'main.tf': 'module "m" {\n  source = "./m"\n}\nlocals {\n  x = module.m.nope\n}\nresource "aws_instance" "i" {\n  ami = local.x\n}\n',
        'm/main.tf': '',
      }),
    ).toBe('<dir>/main.tf:5:7: module module.m has no output "nope"');
    expect(await readTreeError({ 'main.tf': 'module "m" {\n  source = "./nowhere"\n}\n' })).toBe(
      '<dir>/main.tf:1:1: module "m": the source directory "./nowhere" does not exist',
    );
  });

  it('rejects a module that calls itself', async () => {
    expect(await readTreeError({ 'main.tf': 'module "m" {\n  source = "./"\n}\n' })).toBe(
      '<dir>/main.tf:1:1: module "m" calls itself (directly or through other modules)',
    );
  });

  it('skips remote modules that are not downloaded, with a warning', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
resource "aws_instance" "x" {
  subnet_id = module.vpc.private_subnets[0]
}`,
    });
    expect(p.resources.map((r) => [r.address, values(r)])).toEqual([['aws_instance.x', { subnet_id: UNKNOWN }]]);
    expect(p.warnings).toEqual([
      'module.vpc (source "terraform-aws-modules/vpc/aws") is not downloaded (run terraform init): its resources are not included and its outputs are unknown',
    ]);
  });

  it('uses .terraform/modules/modules.json for downloaded modules', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}\nmodule "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  azs = 2\n}\n`,
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' },
          { Key: 'vpc.nat', Source: 'registry.terraform.io/x/nat/aws', Dir: '.terraform/modules/vpc.nat' },
        ],
      }),
      '.terraform/modules/vpc/main.tf': 'variable "azs" {}\nmodule "nat" {\n  source = "x/nat/aws"\n  n = var.azs\n}\n',
      '.terraform/modules/vpc.nat/main.tf': 'variable "n" {}\nresource "aws_nat_gateway" "this" {\n  count = var.n\n}\n',
    });
    expect(p.resources.map((r) => r.address)).toEqual([
      'module.vpc.module.nat.aws_nat_gateway.this[0]',
      'module.vpc.module.nat.aws_nat_gateway.this[1]',
    ]);
    expect(p.warnings).toEqual([]);
  });
});

describe('regions', () => {
  const res = 'resource "aws_instance" "x" {\n  instance_type = "t3.micro"\n}\n';

  it('takes the region of the default provider, and of an alias a resource names', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_instance" "a" {}
resource "aws_instance" "b" {
  provider = aws.west
}`,
    });
    expect(p.region).toBe('eu-west-1');
    expect(p.resources.map((r) => [r.address, r.region, r.regionSource])).toEqual([
      ['aws_instance.a', 'eu-west-1', 'provider'],
      ['aws_instance.b', 'us-west-2', 'provider'],
    ]);
  });

  it('falls back to AWS_REGION, AWS_DEFAULT_REGION, --region, then us-east-1 with a warning', async () => {
    const files = { 'main.tf': `provider "aws" {}\n${res}` };
    const env = await readTree(files, { env: { AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'eu-north-1' }, regionFlag: 'sa-east-1' });
    expect([env.region, env.resources[0].region, env.resources[0].regionSource, env.warnings]).toEqual(['ap-south-1', 'ap-south-1', 'environment', []]);
    const envDefault = await readTree(files, { env: { AWS_DEFAULT_REGION: 'eu-north-1' }, regionFlag: 'sa-east-1' });
    expect([envDefault.region, envDefault.resources[0].regionSource]).toEqual(['eu-north-1', 'environment']);
    const flag = await readTree(files, { regionFlag: 'sa-east-1' });
    expect([flag.region, flag.resources[0].regionSource, flag.warnings]).toEqual(['sa-east-1', 'flag', []]);
    const none = await readTree({ 'main.tf': res });
    expect([none.region, none.resources[0].regionSource, none.warnings]).toEqual([
      'us-east-1',
      'default',
      ['no AWS region is set by a provider block, AWS_REGION, AWS_DEFAULT_REGION or --region; using us-east-1'],
    ]);
  });

  it('rejects unknown regions, naming the file and the provider', async () => {
    const msg = await readTreeError({ 'main.tf': `provider "aws" {\n  alias  = "x"\n  region = "eu-wst-1"\n}\n${res}` });
    expect(msg).toBe('<dir>/main.tf:3:12: provider "aws" (alias "x") has region "eu-wst-1", which is not a known AWS region');
    expect(await readTreeError({ 'main.tf': res }, { env: { AWS_REGION: 'mars-1' } })).toBe('AWS_REGION is "mars-1", which is not a known AWS region');
    const err = await withTree({ 'main.tf': res }, (dir) => readTerraformDirectory(dir, { ...NO_OPTIONS, regionFlag: 'nope' }).catch((e: unknown) => e));
    expect(err).toBeInstanceOf(UserError);
  });

  it('rejects a resource using an undefined provider alias', async () => {
    expect(await readTreeError({ 'main.tf': `${PROVIDER}resource "aws_instance" "x" {\n  provider = aws.nope\n}\n` })).toBe(
      '<dir>/main.tf:5:3: provider configuration aws.nope is not defined (add provider "aws" { alias = "nope" … })',
    );
  });

  it('takes the region from a variable and warns when it is unknown', async () => {
    const p = await readTree({
      'main.tf': `data "aws_region" "r" {}\nprovider "aws" {\n  region = data.aws_region.r.name\n}\n${res}`,
    });
    expect(p.region).toBe('us-east-1');
    expect(p.warnings).toEqual([
      'no AWS region is set by a provider block, AWS_REGION, AWS_DEFAULT_REGION or --region; using us-east-1',
      '<dir>/main.tf:3:3: the region of provider "aws" is not known before apply; using us-east-1'.replace('<dir>', p.path),
    ]);
  });
});

describe('variables', () => {
  const files = {
    'main.tf': `${PROVIDER}
variable "a" {
  default = "default"
}
variable "b" {
  default = "default"
}
variable "c" {
  default = "default"
}
variable "d" {
  default = "default"
}
variable "e" {
  default = "default"
}
variable "f" {
  default = "default"
}
variable "g" {
  default = "default"
}
variable "h" {
  default = "default"
}
resource "aws_instance" "x" {
  tags = { a = var.a, b = var.b, c = var.c, d = var.d, e = var.e, f = var.f, g = var.g, h = var.h }
}`,
    'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\nf = "tfvars"\ng = "tfvars"\nh = "tfvars"\n',
    'terraform.tfvars.json': '{"c": "tfvars.json", "d": "tfvars.json", "e": "tfvars.json", "f": "tfvars.json", "g": "tfvars.json", "h": "tfvars.json"}',
    'a.auto.tfvars': 'd = "a.auto"\ne = "a.auto"\nf = "a.auto"\ng = "a.auto"\nh = "a.auto"\n',
    'b.auto.tfvars.json': '{"e": "b.auto.json", "f": "b.auto.json", "g": "b.auto.json", "h": "b.auto.json"}',
    'one.tfvars': 'f = "one"\ng = "one"\nh = "one"\n',
    'two.tfvars': 'g = "two"\nh = "two"\n',
  };

  it('applies Terraform precedence: env < tfvars < auto.tfvars < var files < -var', async () => {
    await withTree(files, async (dir) => {
      const [p] = await readTerraformDirectory(dir, {
        varFiles: [`${dir}/one.tfvars`, `${dir}/two.tfvars`],
        vars: { h: 'flag' },
        env: { TF_VAR_a: 'env', TF_VAR_b: 'env', TF_VAR_h: 'env' },
      });
      expect(values(p.resources[0])).toEqual({
        tags: { a: 'env', b: 'tfvars', c: 'tfvars.json', d: 'a.auto', e: 'b.auto.json', f: 'one', g: 'two', h: 'flag' },
      });
    });
  });

  it('parses TF_VAR and -var values as HCL when the type is not string', async () => {
    const p = await readTree(
      {
        'main.tf': `${PROVIDER}
variable "n" {
  type = number
}
variable "l" {
  type = list(string)
}
variable "m" {
  type = map(number)
}
variable "s" {
  type = string
}
variable "any" {}
variable "b" {
  type = bool
}
resource "aws_instance" "x" {
  count = var.n
  tags  = { l = var.l, m = var.m, s = var.s, any = var.any, b = var.b }
}`,
      },
      {
        env: { TF_VAR_n: '1', TF_VAR_l: '["a", "b"]', TF_VAR_s: '["not", "parsed"]' },
        vars: { m: '{ x = 1 }', any: '[1]', b: 'true' },
      },
    );
    expect(values(p.resources[0])).toEqual({ tags: { l: ['a', 'b'], m: { x: 1 }, s: '["not", "parsed"]', any: '[1]', b: true } });
  });

  it('converts values to the declared type, with optional attribute defaults', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}
variable "n" {
  type    = number
  default = "5"
}
variable "o" {
  type = object({
    size = number
    type = optional(string, "gp3")
    iops = optional(number)
  })
  default = { size = "10" }
}
variable "set" {
  type    = set(string)
  default = ["b", "a", "b"]
}
resource "aws_ebs_volume" "x" {
  size = var.n + var.o.size
  type = var.o.type
  iops = var.o.iops
  tags = { s = join(",", var.set) }
}`,
    });
    expect(values(p.resources[0])).toEqual({ size: 15, type: 'gp3', tags: { s: 'a,b' } });
  });

  it('treats a root variable without a value as unknown, with a warning', async () => {
    const p = await readTree({ 'main.tf': `${PROVIDER}variable "size" {}\nresource "aws_ebs_volume" "x" {\n  size = var.size\n}\n` });
    expect(values(p.resources[0])).toEqual({ size: UNKNOWN });
    expect(p.warnings).toEqual(['variable "size" has no value (no default, tfvars, -var or TF_VAR_size); values that depend on it are unknown']);
  });

  it('reports references in tfvars and a missing var file', async () => {
    expect(await readTreeError({ 'main.tf': 'variable "a" {}\n', 'terraform.tfvars': 'a = var.b\n' })).toBe(
      '<dir>/terraform.tfvars:1:5: a variables file cannot refer to other values (var.b)',
    );
    expect(await readTreeError({ 'main.tf': 'variable "a" {}\n' }, { varFiles: ['does-not-exist.tfvars'] })).toBe(
      'cannot read variables file does-not-exist.tfvars',
    );
  });

  it('warns about a -var for an undeclared variable', async () => {
    const p = await readTree({ 'main.tf': PROVIDER }, { vars: { nope: '1' } });
    expect(p.warnings).toEqual(['-var nope: the root module declares no variable "nope"; ignored']);
  });
});

describe('errors', () => {
  it('reports reference cycles among locals with the chain', async () => {
    expect(
      await readTreeError({
        'main.tf': 'locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\nresource "aws_instance" "x" {\n  ami = local.a\n}\n',
      }),
    ).toBe('<dir>/main.tf:2:3: reference cycle: local.a → local.b → local.c → local.a');
  });

  it('reports cycles between resources and through module outputs', async () => {
    expect(
      await readTreeError({
        'main.tf': 'resource "aws_instance" "a" {\n  ami = aws_instance.b.ami\n}\nresource "aws_instance" "b" {\n  ami = aws_instance.a.ami\n}\n',
      }),
    ).toBe('<dir>/main.tf:1:1: reference cycle: aws_instance.a → aws_instance.b → aws_instance.a');
    expect(
      await readTreeError({
        'main.tf': 'module "m" {\n  source = "./m"\n  x = module.m.y\n}\n',
        'm/main.tf': 'variable "x" {}\noutput "y" {\n  value = var.x\n}\nresource "aws_instance" "i" {\n  ami = var.x\n}\n',
      }),
    ).toBe('<dir>/m/main.tf:1:1: reference cycle: module.m.var.x → module.m.output.y → module.m.var.x');
  });

  it('does not let try() hide a cycle', async () => {
    expect(
      await readTreeError({ 'main.tf': 'locals {\n  a = try(local.a, 1)\n}\nresource "aws_instance" "x" {\n  ami = local.a\n}\n' }),
    ).toBe('<dir>/main.tf:2:3: reference cycle: local.a → local.a');
  });

  it('names the location of an unknown function', async () => {
    expect(await readTreeError({ 'main.tf': 'resource "aws_instance" "x" {\n  ami = lookupp({}, "a")\n}\n' })).toBe(
      '<dir>/main.tf:2:9: call to unknown function "lookupp" in lookupp({}, "a")',
    );
  });

  it('reports undeclared references', async () => {
    const r = (expr: string) => readTreeError({ 'main.tf': `resource "aws_instance" "x" {\n  ami = ${expr}\n}\n` });
    expect(await r('var.nope')).toBe('<dir>/main.tf:2:9: reference to undeclared input variable "nope"');
    expect(await r('local.nope')).toBe('<dir>/main.tf:2:9: reference to undeclared local value "nope"');
    expect(await r('aws_instance.nope.id')).toBe('<dir>/main.tf:2:9: reference to undeclared resource aws_instance.nope');
    expect(await r('data.aws_ami.nope.id')).toBe('<dir>/main.tf:2:9: reference to undeclared data source data.aws_ami.nope');
    expect(await r('module.nope.x')).toBe('<dir>/main.tf:2:9: reference to undeclared module "nope"');
  });

  it('reports syntax errors with the path as given', async () => {
    expect(await readTreeError({ 'infra.tf': 'resource "a" "b" {\n  x = \n}\n' })).toBe("<dir>/infra.tf:3:1: expected an expression, found '}'");
  });

  it('reports an evaluation error in a module with its file', async () => {
    expect(
      await readTreeError({
        'main.tf': 'module "m" {\n  source = "./m"\n}\n',
        'm/main.tf': 'resource "aws_instance" "i" {\n  ami = 1 + "x"\n}\n',
      }),
    ).toBe('<dir>/m/main.tf:2:9: right operand of + is "x"; a number is required');
  });

  it('reports duplicate declarations', async () => {
    expect(await readTreeError({ 'a.tf': 'resource "aws_instance" "x" {}\n', 'b.tf': 'resource "aws_instance" "x" {}\n' })).toBe(
      '<dir>/b.tf:1:1: duplicate resource aws_instance.x: it is already declared',
    );
  });

  it('stops runaway evaluation', async () => {
    expect(
      await readTreeError({
        'main.tf': 'locals {\n  big = [for a in range(100000) : [for b in range(1000) : b]]\n}\nresource "aws_instance" "x" {\n  ami = length(local.big)\n}\n',
      }),
    ).toMatch(/evaluation is too large/);
  });

  it('rejects a directory without configuration', async () => {
    expect(await readTreeError({ 'README.md': 'hi' })).toBe('<dir> contains no Terraform configuration (.tf) files');
  });
});

describe('limits', () => {
  it('bounds reference depth instead of overflowing the stack', async () => {
    const locals = Array.from({ length: 3000 }, (_, i) => `  l${i} = local.l${i + 1}`).join('\n');
    const msg = await readTreeError({ 'main.tf': `locals {\n${locals}\n  l3000 = 1\n}\nresource "aws_instance" "x" {\n  ami = local.l0\n}\n` });
    expect(msg).toMatch(/^<dir>\/main\.tf:\d+:3: references are nested more than 400 deep/);
  });

  it('accepts ephemeral resources as unknown', async () => {
    const p = await readTree({
      'main.tf': `${PROVIDER}ephemeral "aws_secretsmanager_secret_version" "s" {\n  secret_id = "x"\n}\nresource "aws_instance" "x" {\n  user_data = ephemeral.aws_secretsmanager_secret_version.s.secret_string\n}\n`,
    });
    expect(p.resources.map((r) => [r.address, r.after?.values, r.references])).toEqual([
      [
        'aws_instance.x',
        { user_data: UNKNOWN },
        { user_data: ['ephemeral.aws_secretsmanager_secret_version.s.secret_string', 'ephemeral.aws_secretsmanager_secret_version.s'] },
      ],
    ]);
  });
});
