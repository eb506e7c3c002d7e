import { Decimal } from '../../core/decimal.js';
import { perMonth } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { cloudwatchProduct } from './shared/prices-data.js';

/** Anomaly detection alarms are billed as three metrics: the metric and its two bands. */
const ANOMALY_OPERATORS = new Set(['LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold']);
const HIGH_RESOLUTION_BELOW = Decimal.fromInt(60);

/**
 * A metric alarm, billed per metric it evaluates each month: one for a single-metric alarm, one
 * per metric in a metric-math alarm (metric_query blocks with a metric; expressions are free).
 * A period under 60 seconds makes it a high-resolution alarm.
 */
export const awsCloudwatchMetricAlarm: ResourceType = {
  type: 'aws_cloudwatch_metric_alarm',
  costs(r) {
    let metrics: Decimal;
    const periods: Decimal[] = [];
    if (r.has('metric_name')) {
      metrics = Decimal.ONE;
      periods.push(r.num('period', 60));
    } else {
      const queried = r.blocks('metric_query').flatMap((q) => q.blocks('metric'));
      metrics = Decimal.fromInt(queried.length);
      for (const m of queried) periods.push(m.num('period', 60));
    }
    if (metrics.isZero()) {
      return { components: [], unpriced: [{ component: 'Alarm', reason: 'alarms on a Metrics Insights query are not priced yet' }] };
    }
    const highResolution = periods.some((p) => p.lt(HIGH_RESOLUTION_BELOW));
    const anomaly = ANOMALY_OPERATORS.has(r.str('comparison_operator', ''));
    const billed = anomaly ? metrics.times(Decimal.fromInt(3)) : metrics;
    const label = `${highResolution ? 'High' : 'Standard'} resolution alarm metrics${anomaly ? ' (anomaly detection)' : ''}`;
    return {
      components: [
        {
          name: label,
          unit: 'alarms',
          price: cloudwatchProduct(r.region, 'Alarm', highResolution ? 'CW:HighResAlarmMonitorUsage' : 'CW:AlarmMonitorUsage'),
          quantity: perMonth(billed),
        },
      ],
    };
  },
};
