import { usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType, UnpricedSpec } from '../types.js';
import { InvalidValueError } from '../view.js';
import { cloudwatchProduct } from './shared/prices-data.js';

/**
 * A CloudWatch Logs log group: ingestion (Standard or Infrequent Access class), archived storage
 * and Logs Insights scans, all from usage. DELIVERY-class groups are billed through the service
 * that delivers the logs.
 */
export const awsCloudwatchLogGroup: ResourceType = {
  type: 'aws_cloudwatch_log_group',
  usageKeys: [
    { key: 'monthly_data_ingested_gb', description: 'GB of logs ingested per month' },
    { key: 'storage_gb', description: 'GB of logs stored (archived)' },
    { key: 'monthly_data_scanned_gb', description: 'GB scanned by Logs Insights queries per month' },
  ],
  costs(r) {
    const logClass = r.optStr('log_group_class', 'STANDARD');
    const components: CostComponentSpec[] = [];
    const unpriced: UnpricedSpec[] = [];
    const ingestion = { STANDARD: 'DataProcessing-Bytes', INFREQUENT_ACCESS: 'DataProcessingIA-Bytes' }[logClass];
    if (ingestion) {
      components.push(usageLine(r, 'monthly_data_ingested_gb', { name: logClass === 'STANDARD' ? 'Data ingested' : 'Data ingested (infrequent access)', unit: 'GB', price: cloudwatchProduct(r.region, 'Data Payload', ingestion) }));
    } else if (logClass === 'DELIVERY') {
      unpriced.push({ component: 'Data ingested', reason: 'DELIVERY-class log groups are billed through the service that delivers the logs' });
    } else {
      throw new InvalidValueError(`log_group_class "${logClass}" is not STANDARD, INFREQUENT_ACCESS or DELIVERY`);
    }
    components.push(usageLine(r, 'storage_gb', { name: 'Archival storage', unit: 'GB-months', price: cloudwatchProduct(r.region, 'Storage Snapshot', 'TimedStorage-ByteHrs') }));
    if (logClass !== 'DELIVERY') {
      components.push(usageLine(r, 'monthly_data_scanned_gb', { name: 'Insights queries data scanned', unit: 'GB', price: cloudwatchProduct(r.region, 'Data Payload', 'DataScanned-Bytes') }));
    }
    return { components, unpriced };
  },
};
