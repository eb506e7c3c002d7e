import { Decimal } from '../../../core/decimal.js';
import { runningHours } from '../../quantity.js';
import type { CostComponentSpec, ResourceCostSpec } from '../../types.js';
import { InvalidValueError, type ResourceView } from '../../view.js';
import { loadBalancer } from './prices.js';

/**
 * Application, network and gateway load balancers (aws_lb and its alias aws_alb): hours plus
 * capacity units. One LCU is the largest of these per-hour averages divided by what one unit
 * includes (AWS's published LCU dimensions).
 */
const LCU_DIMENSIONS: Record<string, { key: string; perUnit: number }[]> = {
  application: [
    { key: 'new_connections', perUnit: 25 }, // new connections per second
    { key: 'active_connections', perUnit: 3000 }, // active connections per minute
    { key: 'processed_bytes_gb', perUnit: 1 }, // GB processed per hour
    { key: 'rule_evaluations', perUnit: 1000 }, // rule evaluations per second
  ],
  network: [
    { key: 'new_connections', perUnit: 800 },
    { key: 'active_connections', perUnit: 100000 },
    { key: 'processed_bytes_gb', perUnit: 1 },
  ],
  gateway: [
    { key: 'new_connections', perUnit: 600 },
    { key: 'active_connections', perUnit: 60000 },
    { key: 'processed_bytes_gb', perUnit: 1 },
  ],
};

const FAMILIES: Record<string, { family: string; label: string }> = {
  application: { family: 'Load Balancer-Application', label: 'Application load balancer' },
  network: { family: 'Load Balancer-Network', label: 'Network load balancer' },
  gateway: { family: 'Load Balancer-Gateway', label: 'Gateway load balancer' },
};

export const LB_USAGE_KEYS = [
  { key: 'new_connections', description: 'new connections per second (average)' },
  { key: 'active_connections', description: 'active connections per minute (average)' },
  { key: 'processed_bytes_gb', description: 'GB processed per hour (average)' },
  { key: 'rule_evaluations', description: 'rule evaluations per second (application load balancers)' },
];

/** Average capacity units per hour from usage; undefined when no dimension is given. */
function capacityUnits(r: ResourceView, type: string): Decimal | undefined {
  let units: Decimal | undefined;
  for (const { key, perUnit } of LCU_DIMENSIONS[type] ?? []) {
    const value = r.usageNum(key);
    if (value === undefined) continue;
    const u = value.dividedBy(Decimal.fromInt(perUnit));
    units = units === undefined ? u : Decimal.max(units, u);
  }
  return units;
}

export function loadBalancerCosts(r: ResourceView): ResourceCostSpec {
  const type = r.str('load_balancer_type', 'application');
  const kind = FAMILIES[type];
  if (!kind) throw new InvalidValueError(`load_balancer_type "${type}" is not application, network or gateway`);
  const lcu = capacityUnits(r, type);
  const components: CostComponentSpec[] = [
    { name: kind.label, unit: 'hours', price: loadBalancer(r.region, kind.family, 'LoadBalancerUsage'), quantity: runningHours(r) },
    {
      name: 'Load balancer capacity units',
      unit: 'LCU-hours',
      price: loadBalancer(r.region, kind.family, 'LCUUsage'),
      quantity: lcu === undefined ? null : { perHour: lcu },
      usageBased: true,
    },
  ];
  return { components };
}
