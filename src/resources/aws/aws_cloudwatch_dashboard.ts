import { perMonth } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { GLOBAL_REGION, cloudwatchProduct } from './shared/prices-data.js';

/** A CloudWatch dashboard: one global price per dashboard-month (the first three per account are free). */
export const awsCloudwatchDashboard: ResourceType = {
  type: 'aws_cloudwatch_dashboard',
  costs() {
    return {
      components: [
        { name: 'Dashboard', unit: 'months', price: cloudwatchProduct(GLOBAL_REGION, 'Dashboard', 'DashboardsUsageHour'), quantity: perMonth(1) },
      ],
    };
  },
};
