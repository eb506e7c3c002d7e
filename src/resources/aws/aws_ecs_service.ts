import { Decimal } from '../../core/decimal.js';
import { perHour } from '../quantity.js';
import type { CostComponentSpec, ResourceType, UnpricedSpec } from '../types.js';
import { InvalidValueError, UnknownValueError, type ResourceView } from '../view.js';
import { fargate } from './shared/prices-platform.js';

const MIB_PER_GIB = Decimal.fromInt(1024);
const CPU_UNITS_PER_VCPU = Decimal.fromInt(1024);
/** Every Fargate task gets 20 GiB of ephemeral storage free. */
const FREE_EPHEMERAL_GIB = Decimal.fromInt(20);

/**
 * An ECS service on Fargate: desired_count tasks × the task definition's vCPU and memory, by the
 * hour (AmazonECS prices; ARM64 tasks have their own). Tasks on EC2 capacity are billed as the
 * container instances that run them. Fargate Spot is listed as unpriced.
 */
export const awsEcsService: ResourceType = {
  type: 'aws_ecs_service',
  costs(r) {
    const task = r.ref('task_definition');
    const onFargate = fargateShare(r, task);
    if (onFargate === 'ec2') return { components: [], free: 'tasks run on EC2 capacity, billed as the container instances' };
    if (!task) throw new UnknownValueError('task_definition');

    const platform = task.block('runtime_platform');
    const os = platform?.optStr('operating_system_family', 'LINUX') ?? 'LINUX';
    const arm = (platform?.optStr('cpu_architecture', 'X86_64') ?? 'X86_64') === 'ARM64';
    const cpu = task.num('cpu');
    if (cpu === undefined) throw new UnknownValueError('task_definition.cpu');
    const memory = task.num('memory');
    if (memory === undefined) throw new UnknownValueError('task_definition.memory');
    const ephemeral = task.block('ephemeral_storage')?.optNum('size_in_gib');

    const { tasks, spot } = onFargate;
    const unpriced: UnpricedSpec[] = [];
    if (spot.isPositive()) unpriced.push({ component: `Fargate Spot tasks (${spot.toString()})`, reason: 'Fargate Spot prices change and are not list prices' });
    const label = `${tasks.toString()} × ${cpu.dividedBy(CPU_UNITS_PER_VCPU).toString()} vCPU, ${memory.dividedBy(MIB_PER_GIB).toString()} GB${arm ? ', ARM64' : ''}`;
    if (os !== 'LINUX') {
      unpriced.push({ component: `Fargate tasks (${label}, ${os})`, reason: 'Windows tasks on Fargate are not priced by costdiff yet' });
      return { components: [], unpriced };
    }
    const components: CostComponentSpec[] = [
      { name: `Fargate vCPU (${label})`, unit: 'vCPU-hours', price: fargate('AmazonECS', r.region, 'vCPU', arm), quantity: perHour(tasks.times(cpu).dividedBy(CPU_UNITS_PER_VCPU)) },
      { name: `Fargate memory (${label})`, unit: 'GB-hours', price: fargate('AmazonECS', r.region, 'memory', arm), quantity: perHour(tasks.times(memory).dividedBy(MIB_PER_GIB)) },
    ];
    if (ephemeral && ephemeral.gt(FREE_EPHEMERAL_GIB)) {
      components.push({
        name: 'Ephemeral storage above 20 GB',
        unit: 'GB-hours',
        price: fargate('AmazonECS', r.region, 'ephemeral storage'),
        quantity: perHour(tasks.times(ephemeral.minus(FREE_EPHEMERAL_GIB))),
      });
    }
    return { components, unpriced };
  },
};

/**
 * How many tasks run on Fargate and on Fargate Spot: launch_type, or the capacity provider
 * strategy (base tasks first, the rest split by weight), or the task definition's compatibility.
 */
function fargateShare(r: ResourceView, task: ResourceView | undefined): 'ec2' | { tasks: Decimal; spot: Decimal } {
  const desired = r.num('desired_count', 0);
  const strategy = r.blocks('capacity_provider_strategy');
  if (strategy.length) {
    const providers = strategy.map((s) => ({ name: s.str('capacity_provider', ''), base: s.num('base', 0), weight: s.num('weight', 0) }));
    if (!providers.every((p) => p.name === 'FARGATE' || p.name === 'FARGATE_SPOT')) return 'ec2';
    const base = Decimal.sum(providers.map((p) => p.base));
    const rest = Decimal.max(desired.minus(base), Decimal.ZERO);
    const totalWeight = Decimal.sum(providers.map((p) => p.weight));
    const share = (name: string): Decimal =>
      Decimal.sum(
        providers.filter((p) => p.name === name).map((p) => p.base.plus(totalWeight.isPositive() ? rest.times(p.weight).dividedBy(totalWeight) : Decimal.ZERO)),
      );
    return { tasks: share('FARGATE'), spot: share('FARGATE_SPOT') };
  }
  const launchType = r.optStr('launch_type');
  if (launchType === 'FARGATE') return { tasks: desired, spot: Decimal.ZERO };
  if (launchType === 'EC2' || launchType === 'EXTERNAL') return 'ec2';
  if (launchType !== undefined) throw new InvalidValueError(`launch_type "${launchType}" is not FARGATE, EC2 or EXTERNAL`);
  // No launch type: the cluster's default capacity providers decide; a Fargate-only task
  // definition can only run on Fargate.
  const compat = task && !task.isUnknown('requires_compatibilities') ? task.raw('requires_compatibilities') : undefined;
  if (Array.isArray(compat) && compat.length === 1 && compat[0] === 'FARGATE') return { tasks: desired, spot: Decimal.ZERO };
  throw new UnknownValueError('launch_type');
}
