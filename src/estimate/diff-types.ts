import type { Decimal } from '../core/decimal.js';
import type { ChangeAction } from '../input/types.js';
import type { CostRange, PricingInfo, Recommendation, ResourceEstimate, ResourceRef } from './types.js';

/**
 * The cost diff model, kept apart from its renderers (table, JSON, markdown) as the AWS CDK keeps
 * its template diff apart from its formatters. Money is exact; a null means "not known" (usage
 * not given, or the resource could not be priced on that side).
 *
 * Usage ranges (a usage file's `{ low, high }`): where either side has one, the diff carries
 * past, planned and delta ranges. Both sides read the same usage file, so the bounds move
 * together: delta low = planned low − past low and delta high = planned high − past high
 * (pointwise), not the wider interval of two independent ranges.
 */

/** One cost line of a resource on each side, matched by sub-resource path and name. */
export interface ComponentDiff {
  /** "Instance usage (…)" or, inside a sub-resource, "root_block_device › Storage (gp3)". */
  name: string;
  /** Absent: the line does not exist on that side; monthlyCost null: it depends on usage. */
  past?: { monthlyCost: Decimal | null; costRange?: CostRange };
  planned?: { monthlyCost: Decimal | null; costRange?: CostRange };
  /** Known planned − known past (an unknown side counts as 0). */
  deltaMonthlyCost: Decimal;
  /** Pointwise planned − past bounds, when either side has a range. */
  deltaRange?: CostRange;
}

/** A part that could not be priced, with the side it belongs to. */
export interface UnpricedDiff {
  /** "all", a component name, or "sub-resource › component". */
  component: string;
  reason: string;
  side: 'past' | 'planned';
}

export interface ResourceDiff {
  address: string;
  type: string;
  region: string;
  /** create | update (changed in place) | delete | replace | no-op */
  action: ChangeAction;
  /** Estimate before the change; undefined for creates. */
  past?: ResourceEstimate;
  /** Estimate after the change; undefined for deletes. */
  planned?: ResourceEstimate;
  pastMonthlyCost: Decimal;
  plannedMonthlyCost: Decimal;
  /** planned − past, exactly. */
  deltaMonthlyCost: Decimal;
  /** All three when either side has a usage range (a side without one: its cost as both bounds). */
  pastRange?: CostRange;
  plannedRange?: CostRange;
  deltaRange?: CostRange;
  /** Cost lines of both sides, in the order they appear (past-only lines after their neighbours). */
  components: ComponentDiff[];
  /** Unpriced parts of the planned side (past side for deletes), plus past-only ones of updates. */
  unpriced: UnpricedDiff[];
}

export interface CostTotals {
  past: Decimal;
  planned: Decimal;
  /** planned − past, exactly. */
  delta: Decimal;
  /** All three when some resource has a usage range; Σ of the resources' bounds. */
  pastRange?: CostRange;
  plannedRange?: CostRange;
  deltaRange?: CostRange;
}

/** Totals with the figures the headline shows, computed here so renderers only format. */
export interface DiffTotals extends CostTotals {
  /** delta × 12. */
  deltaYearly: Decimal;
  /** delta / past × 100 (not rounded); null when past is 0. */
  deltaPercent: Decimal | null;
}

export interface ProjectDiff {
  name: string;
  path: string;
  region: string;
  /** Every priced resource on either side, created/updated/replaced/deleted/no-op. */
  resources: ResourceDiff[];
  /** Free and unsupported resources after the change (and before, for deletes). */
  free: ResourceRef[];
  unsupported: ResourceRef[];
  totals: DiffTotals;
  warnings: string[];
}

export interface CostDiff {
  currency: 'USD';
  pricing: PricingInfo;
  projects: ProjectDiff[];
  totals: DiffTotals;
  /** Savings for resources this change creates or changes, from the same prices. */
  recommendations?: Recommendation[];
}
