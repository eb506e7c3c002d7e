import { runningHours, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { redshiftNodeHours, redshiftProduct } from './shared/prices-platform.js';

/**
 * A provisioned Redshift cluster: node hours, RA3 managed storage, Spectrum scans and backup
 * storage beyond the free allowance (tiered). Not in the snapshot.
 */
export const awsRedshiftCluster: ResourceType = {
  type: 'aws_redshift_cluster',
  usageKeys: [
    { key: 'managed_storage_gb', description: 'GB of RA3 managed storage' },
    { key: 'spectrum_data_scanned_tb', description: 'TB scanned by Redshift Spectrum per month' },
    { key: 'backup_storage_gb', description: 'backup storage beyond the free allowance, GB' },
  ],
  costs(r) {
    const nodeType = r.str('node_type');
    if (!nodeType) throw new UnknownValueError('node_type');
    const nodes = r.num('number_of_nodes', 1);
    const region = r.region;
    const components: CostComponentSpec[] = [
      { name: `Cluster nodes (on-demand, ${nodeType})`, unit: 'hours', price: redshiftNodeHours(region, nodeType), quantity: runningHours(r, nodes) },
    ];
    if (nodeType.startsWith('ra3.')) {
      components.push(usageLine(r, 'managed_storage_gb', { name: 'Managed storage', unit: 'GB-months', price: redshiftProduct(region, 'Redshift Managed Storage', { instanceType: nodeType }) }));
    }
    components.push(
      usageLine(r, 'spectrum_data_scanned_tb', { name: 'Spectrum', unit: 'TB', price: redshiftProduct(region, 'Redshift Data Scan') }),
      usageLine(r, 'backup_storage_gb', { name: 'Backup storage', unit: 'GB-months', price: redshiftProduct(region, 'Storage Snapshot') }),
    );
    return { components };
  },
};
