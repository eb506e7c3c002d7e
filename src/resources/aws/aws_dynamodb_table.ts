import type { Decimal } from '../../core/decimal.js';
import type { PriceQuery } from '../../pricing/types.js';
import { perHour, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType, SubresourceSpec, UnpricedSpec } from '../types.js';
import { InvalidValueError, type ResourceView } from '../view.js';
import { dynamodbBackupStorage, dynamodbProduct, dynamodbRestore } from './shared/prices-data.js';

/** Standard-IA table class usage types carry an `IA-` prefix. */
const TABLE_CLASSES: Record<string, { prefix: string; label: string }> = {
  STANDARD: { prefix: '', label: 'Standard' },
  STANDARD_INFREQUENT_ACCESS: { prefix: 'IA-', label: 'Standard-IA' },
};

function provisionedCapacity(r: ResourceView, region: string, prefix: string): CostComponentSpec[] {
  const capacity = (attr: string): Decimal => {
    const n = r.num(attr);
    if (n === undefined) throw new InvalidValueError(`${attr} is required when billing_mode is PROVISIONED`);
    return n;
  };
  return [
    {
      name: 'Read capacity units (RCU)',
      unit: 'capacity-unit-hours',
      price: dynamodbProduct(region, 'Provisioned IOPS', { group: 'DDB-ReadUnits', usagetype: `${prefix}ReadCapacityUnit-Hrs` }),
      quantity: perHour(capacity('read_capacity')),
    },
    {
      name: 'Write capacity units (WCU)',
      unit: 'capacity-unit-hours',
      price: dynamodbProduct(region, 'Provisioned IOPS', { group: 'DDB-WriteUnits', usagetype: `${prefix}WriteCapacityUnit-Hrs` }),
      quantity: perHour(capacity('write_capacity')),
    },
  ];
}

/**
 * A DynamoDB table. PROVISIONED (the default) bills read and write capacity units per hour, for
 * the table and each global secondary index; PAY_PER_REQUEST bills request units from usage.
 * Storage, backups, restores and stream reads come from usage. Account-wide free tiers are not
 * deducted.
 */
export const awsDynamodbTable: ResourceType = {
  type: 'aws_dynamodb_table',
  usageKeys: [
    { key: 'monthly_write_request_units', description: 'write request units per month (PAY_PER_REQUEST), indexes included' },
    { key: 'monthly_read_request_units', description: 'read request units per month (PAY_PER_REQUEST), indexes included' },
    { key: 'storage_gb', description: 'table and index storage, GB' },
    { key: 'pitr_backup_storage_gb', description: 'point-in-time recovery backup storage, GB' },
    { key: 'on_demand_backup_storage_gb', description: 'on-demand backup storage, GB' },
    { key: 'monthly_data_restored_gb', description: 'GB restored from backups per month' },
    { key: 'monthly_streams_read_request_units', description: 'DynamoDB Streams read request units per month' },
  ],
  costs(r) {
    const region = r.region;
    const billingMode = r.optStr('billing_mode', 'PROVISIONED');
    const tableClassName = r.optStr('table_class', 'STANDARD');
    const tableClass = TABLE_CLASSES[tableClassName];
    if (!tableClass) throw new InvalidValueError(`table_class "${tableClassName}" is not STANDARD or STANDARD_INFREQUENT_ACCESS`);
    const { prefix } = tableClass;

    const components: CostComponentSpec[] = [];
    const subresources: SubresourceSpec[] = [];
    if (billingMode === 'PROVISIONED') {
      components.push(...provisionedCapacity(r, region, prefix));
      if (!r.isUnknown('global_secondary_index')) {
        for (const gsi of r.blocks('global_secondary_index')) {
          subresources.push({ name: `Global secondary index (${gsi.str('name', 'unnamed')})`, components: provisionedCapacity(gsi, region, prefix) });
        }
      }
    } else if (billingMode === 'PAY_PER_REQUEST') {
      const onDemand = (name: string, group: string, usagetype: string, key: string): CostComponentSpec =>
        usageLine(r, key, { name, unit: 'request-units', price: dynamodbProduct(region, 'Amazon DynamoDB PayPerRequest Throughput', { group, usagetype: `${prefix}${usagetype}` }) });
      components.push(
        onDemand('Write request units (WRU)', 'DDB-WriteUnits', 'WriteRequestUnits', 'monthly_write_request_units'),
        onDemand('Read request units (RRU)', 'DDB-ReadUnits', 'ReadRequestUnits', 'monthly_read_request_units'),
      );
    } else {
      throw new InvalidValueError(`billing_mode "${billingMode}" is not PROVISIONED or PAY_PER_REQUEST`);
    }

    const usage = (name: string, unit: string, price: PriceQuery, key: string): CostComponentSpec => usageLine(r, key, { name, unit, price });
    const storage = (usagetype: string): PriceQuery => dynamodbProduct(region, 'Database Storage', { usagetype });
    components.push(usage(`Data storage (${tableClass.label})`, 'GB-months', storage(`${prefix}TimedStorage-ByteHrs`), 'storage_gb'));
    const pitr = r.isUnknown('point_in_time_recovery') ? undefined : r.block('point_in_time_recovery');
    if (pitr?.optBool('enabled', false)) {
      components.push(usage('Point-in-time recovery (PITR) backup storage', 'GB-months', storage('TimedPITRStorage-ByteHrs'), 'pitr_backup_storage_gb'));
    }
    components.push(
      usage('On-demand backup storage', 'GB-months', dynamodbBackupStorage(region), 'on_demand_backup_storage_gb'),
      usage('Table data restored', 'GB', dynamodbRestore(region), 'monthly_data_restored_gb'),
    );
    if (r.optBool('stream_enabled', false)) {
      components.push(usageLine(r, 'monthly_streams_read_request_units', { name: 'Streams read request units', unit: 'requests', price: dynamodbProduct(region, 'API Request', { group: 'DDB-StreamsReadRequests', usagetype: 'Streams-ReadRequestUnits' }) }));
    }

    const unpriced: UnpricedSpec[] = [];
    if (!r.isUnknown('replica')) {
      for (const replica of r.blocks('replica')) {
        unpriced.push({
          component: `Global table replica (${replica.optStr('region_name', 'unknown region')})`,
          reason: 'replicated writes and replica storage are not priced yet',
        });
      }
    }
    return { components, subresources, unpriced };
  },
};
