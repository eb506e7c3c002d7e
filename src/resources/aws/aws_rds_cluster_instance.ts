import { Decimal, HOURS_PER_MONTH } from '../../core/decimal.js';
import { runningHours } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { auroraEngine, auroraInstanceHours, auroraServerlessV2, isIoOptimized } from './shared/prices-platform.js';

/**
 * An Aurora instance: hours of its class, or Aurora Serverless v2 capacity (class
 * db.serverless) in ACU-hours from usage. Whether the cluster is I/O-Optimized, and the v2
 * capacity range, come from the cluster it belongs to.
 */
export const awsRdsClusterInstance: ResourceType = {
  type: 'aws_rds_cluster_instance',
  usageKeys: [
    { key: 'monthly_hrs', description: 'hours the instance runs per month (default 730)' },
    { key: 'capacity_units_per_hr', description: 'average ACUs of a db.serverless (Serverless v2) instance' },
  ],
  costs(r) {
    const cluster = r.ref('cluster_identifier');
    const engineName = r.str('engine') ?? cluster?.str('engine');
    if (!engineName) throw new UnknownValueError('engine');
    const engine = auroraEngine(engineName);
    const instanceClass = r.str('instance_class');
    if (!instanceClass) throw new UnknownValueError('instance_class');
    const assumptions: string[] = [];
    if (!cluster) assumptions.push('the cluster is not in this plan; assumed Aurora Standard storage (not I/O-Optimized)');
    const ioOptimized = cluster ? isIoOptimized(cluster) : false;
    const storage = ioOptimized ? 'I/O-Optimized' : 'Standard';

    const components: CostComponentSpec[] = [];
    if (instanceClass === 'db.serverless') {
      const acu = r.usageNum('capacity_units_per_hr');
      components.push({
        name: `Aurora Serverless v2 capacity (${storage})`,
        unit: 'ACU-hours',
        price: auroraServerlessV2(r.region, engine, ioOptimized),
        quantity: acu === undefined ? null : { perHour: acu },
        usageBased: true,
      });
      const scaling = cluster?.block('serverlessv2_scaling_configuration');
      const min = scaling?.optNum('min_capacity');
      const max = scaling?.optNum('max_capacity');
      if (acu === undefined && min !== undefined && max !== undefined) {
        const hours = (n: Decimal): string => n.times(HOURS_PER_MONTH).toString();
        assumptions.push(`capacity ranges ${min.toString()}–${max.toString()} ACU: ${hours(min)}–${hours(max)} ACU-hours a month; set capacity_units_per_hr to price it`);
      }
    } else {
      components.push({
        name: `Database instance (on-demand, ${storage}, ${instanceClass})`,
        unit: 'hours',
        price: auroraInstanceHours(r.region, engine, instanceClass, ioOptimized),
        quantity: runningHours(r),
      });
    }
    return { components, assumptions };
  },
};
