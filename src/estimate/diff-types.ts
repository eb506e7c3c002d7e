import type { Decimal } from '../core/decimal.js';
import type { ChangeAction } from '../input/types.js';
import type { PricingInfo, ResourceEstimate, ResourceRef } from './types.js';

/**
 * The cost diff model, kept apart from its renderers (table, JSON, markdown) as the AWS CDK keeps
 * its template diff apart from its formatters. Money is exact; a null means "not known" (usage
 * not given, or the resource could not be priced on that side).
 */

/** One cost line of a resource on each side, matched by sub-resource path and name. */
export interface ComponentDiff {
  /** "Instance usage (…)" or, inside a sub-resource, "root_block_device › Storage (gp3)". */
  name: string;
  /** Absent: the line does not exist on that side; monthlyCost null: it depends on usage. */
  past?: { monthlyCost: Decimal | null };
  planned?: { monthlyCost: Decimal | null };
  /** Known planned − known past (an unknown side counts as 0). */
  deltaMonthlyCost: Decimal;
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
}
