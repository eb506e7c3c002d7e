/**
 * Throughput of the .tf directory input: generates a ~1 MB Terraform tree (variables, locals,
 * resources with count and for_each, dynamic blocks, templates, local modules) in a temporary
 * directory, then prints MB/s for parsing alone and for parsing + evaluation.
 *
 *   node dist/bench/hcl/run.js [targetMB]
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseHclFile } from '../../src/input/hcl/parser.js';
import { readTerraformDirectory } from '../../src/input/hcl/index.js';

function serviceModule(): string {
  return `
variable "name" { type = string }
variable "instance_type" { type = string }
variable "replicas" {
  type    = number
  default = 2
}
variable "volumes" {
  type    = map(number)
  default = {}
}
variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  full_name = "\${var.name}-svc"
  ports     = [for p in range(3) : 8080 + p]
}

resource "aws_launch_template" "this" {
  name_prefix   = "\${local.full_name}-"
  instance_type = var.instance_type
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      volume_type = "gp3"
    }
  }
}

resource "aws_autoscaling_group" "this" {
  name             = local.full_name
  min_size         = 1
  max_size         = var.replicas * 2
  desired_capacity = var.replicas
  launch_template {
    id      = aws_launch_template.this.id
    version = "$Latest"
  }
}

resource "aws_ebs_volume" "data" {
  for_each          = var.volumes
  availability_zone = "eu-west-1a"
  size              = each.value
  type              = "gp3"
  tags              = merge(var.tags, { Name = "\${local.full_name}-\${each.key}" })
}

output "asg" { value = aws_autoscaling_group.this.name }
`;
}

function rootFile(i: number): string {
  const lines: string[] = [];
  lines.push(`variable "size_${i}" {
  type    = number
  default = ${10 + (i % 50)}
}

locals {
  env_${i}    = "prod"
  names_${i}  = [for n in range(5) : "node-${i}-\${n}"]
  tags_${i}   = {
    Team        = "team-${i % 7}"
    Environment = local.env_${i}
    CostCenter  = format("cc-%04d", ${i})
  }
  subnets_${i} = { for idx, az in ["a", "b", "c"] : az => cidrsubnet("10.${i % 200}.0.0/16", 8, idx) }
}
`);
  for (let r = 0; r < 6; r++) {
    lines.push(`resource "aws_instance" "app_${i}_${r}" {
  count         = ${(r % 3) + 1}
  ami           = "ami-0123456789abcdef0"
  instance_type = ${r % 2 === 0 ? `"m5.large"` : `var.size_${i} > 30 ? "c5.xlarge" : "t3.medium"`}
  subnet_id     = "subnet-\${count.index}"
  user_data     = <<-EOT
    #!/bin/bash
    echo "node \${count.index} of ${i}"
    %{ for n in local.names_${i} ~}
    echo \${n}
    %{ endfor ~}
  EOT

  root_block_device {
    volume_size = var.size_${i} * 2
    volume_type = "gp3"
  }

  dynamic "ebs_block_device" {
    for_each = local.subnets_${i}
    content {
      device_name = "/dev/sd\${ebs_block_device.key}"
      volume_size = length(ebs_block_device.value)
    }
  }

  tags = merge(local.tags_${i}, {
    Name  = "app-${i}-${r}-\${count.index}"
    Index = tostring(count.index)
  })
}

resource "aws_ebs_volume" "vol_${i}_${r}" {
  for_each          = toset(["x", "y"])
  availability_zone = "eu-west-1\${each.key == "x" ? "a" : "b"}"
  size              = var.size_${i} + ${r}
  type              = "gp3"
  tags              = local.tags_${i}
}
`);
  }
  lines.push(`module "svc_${i}" {
  source        = "./modules/svc"
  name          = "svc-${i}"
  instance_type = "t3.large"
  replicas      = ${(i % 4) + 1}
  volumes       = { logs = 100, data = ${i % 300 + 20} }
  tags          = local.tags_${i}
}
`);
  return lines.join('\n');
}

function generate(dir: string, targetBytes: number): number {
  mkdirSync(path.join(dir, 'modules', 'svc'), { recursive: true });
  writeFileSync(path.join(dir, 'modules', 'svc', 'main.tf'), serviceModule());
  writeFileSync(
    path.join(dir, 'providers.tf'),
    `provider "aws" {\n  region = "eu-west-1"\n}\n\nprovider "aws" {\n  alias  = "use1"\n  region = "us-east-1"\n}\n`,
  );
  let total = 0;
  let i = 0;
  while (total < targetBytes) {
    const text = rootFile(i);
    writeFileSync(path.join(dir, `svc_${String(i).padStart(4, '0')}.tf`), text);
    total += Buffer.byteLength(text);
    i++;
  }
  return i;
}

function tfFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...tfFiles(p));
    else if (e.endsWith('.tf')) out.push(p);
  }
  return out;
}

/** CPU time (user + system) since `start`, in ms: less sensitive than wall time to a busy machine. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const targetMB = Number(process.argv[2] ?? '1');
  const dir = mkdtempSync(path.join(tmpdir(), 'costdiff-hcl-bench-'));
  try {
    const files = generate(dir, targetMB * 1024 * 1024);
    const texts = tfFiles(dir).map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
    const mb = bytes / (1024 * 1024);
    console.log(`generated ${texts.length} files (${files} root files + 1 module), ${mb.toFixed(2)} MB in ${dir}`);

    const parseTimes: number[] = [];
    const parseCpu: number[] = [];
    for (let run = 0; run < 6; run++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (const t of texts) parseHclFile({ path: t.path, text: t.text });
      if (run > 0) {
        parseTimes.push(performance.now() - t0);
        parseCpu.push(cpuMs(c0));
      }
    }
    const tp = median(parseTimes);
    console.log(`hcl parse: ${mb.toFixed(2)} MB in ${tp.toFixed(0)} ms = ${(mb / (tp / 1000)).toFixed(1)} MB/s (cpu ${median(parseCpu).toFixed(0)} ms)`);

    const evalTimes: number[] = [];
    const evalCpu: number[] = [];
    let resources = 0;
    for (let run = 0; run < 6; run++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const [project] = await readTerraformDirectory(dir, { varFiles: [], vars: {}, env: {} });
      if (run > 0) {
        evalTimes.push(performance.now() - t0);
        evalCpu.push(cpuMs(c0));
      }
      resources = project.resources.length;
    }
    const te = median(evalTimes);
    console.log(
      `hcl parse+evaluate: ${mb.toFixed(2)} MB in ${te.toFixed(0)} ms = ${(mb / (te / 1000)).toFixed(1)} MB/s (cpu ${median(evalCpu).toFixed(0)} ms, ${resources} resource instances)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
