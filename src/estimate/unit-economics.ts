import { Decimal } from '../core/decimal.js';
import type { UnitMetric } from '../config/types.js';
import type { CostDiff, CostTotals } from './diff-types.js';

/**
 * Unit economics: what the infrastructure costs per N units of a business metric, before and
 * after the change ("cost per 1,000 orders: $0.412 → $0.447, +8.5 %"). The volume is this
 * month's; it is the same on both sides, so the change in unit cost is the change in cost.
 * Division is exact to 10^-18; rounding happens only when a renderer displays the figure.
 */

const HUNDRED = Decimal.fromInt(100);

export interface UnitCost {
  metric: string;
  /** Cost is per this many units. */
  per: Decimal;
  /** Monthly volume the ratio uses. */
  volume: Decimal;
  /** Project the costs are from; undefined for the whole change. */
  project?: string;
  past: Decimal;
  planned: Decimal;
  /** planned − past. */
  delta: Decimal;
  /** delta / past × 100; null when there was no cost before. */
  deltaPercent: Decimal | null;
}

/** Cost per `per` units: total × per / volume. */
export function costPer(total: Decimal, per: Decimal, volume: Decimal): Decimal {
  return total.times(per).dividedBy(volume);
}

/** (b − a) / a × 100, null when a is zero. */
export function percentChange(a: Decimal, b: Decimal): Decimal | null {
  if (a.isZero()) return null;
  return b.minus(a).times(HUNDRED).dividedBy(a);
}

export function unitCosts(totals: CostTotals, metrics: UnitMetric[], project?: string): UnitCost[] {
  return metrics
    .filter((m) => m.monthlyVolume.isPositive())
    .map((m) => {
      const past = costPer(totals.past, m.per, m.monthlyVolume);
      const planned = costPer(totals.planned, m.per, m.monthlyVolume);
      return {
        metric: m.name,
        per: m.per,
        volume: m.monthlyVolume,
        ...(project !== undefined ? { project } : {}),
        past,
        planned,
        delta: planned.minus(past),
        // From the totals, not the rounded ratios, so the percentage is exact.
        deltaPercent: percentChange(totals.past, totals.planned),
      };
    });
}

/** Unit costs of the whole change, or of one project when `project` is given. */
export function unitEconomics(diff: CostDiff, metrics: UnitMetric[], options: { project?: string } = {}): UnitCost[] {
  if (options.project === undefined) return unitCosts(diff.totals, metrics);
  const p = diff.projects.find((x) => x.name === options.project);
  return p ? unitCosts(p.totals, metrics, p.name) : [];
}

/** Cost allocation by AWS service, both sides, for the "cost by service" chart. */
export interface ServiceCost {
  service: string;
  past: Decimal;
  planned: Decimal;
  delta: Decimal;
}

const SERVICE_BY_PREFIX: [RegExp, string][] = [
  [/^aws_(instance|eip|ami|spot_|launch_|autoscaling_|placement_group|ec2_)/, 'EC2'],
  [/^aws_(ebs_|volume_attachment)/, 'EBS'],
  [/^aws_(db_|rds_)/, 'RDS'],
  [/^aws_nat_gateway/, 'NAT Gateway'],
  [/^aws_(lb|alb|elb)(_|$)/, 'Elastic Load Balancing'],
  [/^aws_lambda_/, 'Lambda'],
  [/^aws_s3_/, 'S3'],
  [/^aws_dynamodb_/, 'DynamoDB'],
  [/^aws_cloudwatch_/, 'CloudWatch'],
  [/^aws_(elasticache_)/, 'ElastiCache'],
  [/^aws_(eks_)/, 'EKS'],
  [/^aws_(ecs_)/, 'ECS'],
  [/^aws_data_transfer/, 'Data transfer'],
  [/^aws_(sqs_)/, 'SQS'],
  [/^aws_(sns_)/, 'SNS'],
  [/^aws_(kms_)/, 'KMS'],
  [/^aws_(route53_)/, 'Route 53'],
  [/^aws_(cloudfront_)/, 'CloudFront'],
];

/** The AWS service a resource type bills under (a readable label; the type itself as a fallback). */
export function serviceOf(type: string): string {
  for (const [re, name] of SERVICE_BY_PREFIX) if (re.test(type)) return name;
  return type;
}

/** Past, planned and delta per service, largest planned cost first. */
export function costByService(diff: CostDiff): ServiceCost[] {
  const by = new Map<string, ServiceCost>();
  for (const p of diff.projects) {
    for (const r of p.resources) {
      const service = serviceOf(r.type);
      const s = by.get(service) ?? { service, past: Decimal.ZERO, planned: Decimal.ZERO, delta: Decimal.ZERO };
      s.past = s.past.plus(r.pastMonthlyCost);
      s.planned = s.planned.plus(r.plannedMonthlyCost);
      s.delta = s.planned.minus(s.past);
      by.set(service, s);
    }
  }
  return [...by.values()].sort((a, b) => b.planned.cmp(a.planned) || b.past.cmp(a.past) || a.service.localeCompare(b.service));
}
