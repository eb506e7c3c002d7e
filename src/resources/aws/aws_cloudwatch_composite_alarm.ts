import { perMonth } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { cloudwatchProduct } from './shared/prices-data.js';

/** A composite alarm: one alarm-month at the composite price, whatever it combines. */
export const awsCloudwatchCompositeAlarm: ResourceType = {
  type: 'aws_cloudwatch_composite_alarm',
  costs(r) {
    return {
      components: [
        { name: 'Composite alarm', unit: 'alarms', price: cloudwatchProduct(r.region, 'Alarm', 'CW:CompositeAlarmMonitorUsage'), quantity: perMonth(1) },
      ],
    };
  },
};
