import { component, cost, estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Node hours are in the snapshot; managed storage, Spectrum and backups are priced online only.
describe('aws_redshift_cluster', () => {
  it('node hours × number_of_nodes; RA3 managed storage and usage lines', () => {
    const s = specOf('aws_redshift_cluster', { node_type: 'ra3.xlplus', number_of_nodes: 2 }, { managed_storage_gb: 500, spectrum_data_scanned_tb: 3, backup_storage_gb: 100 });
    const nodes = line(s, 'Cluster nodes (on-demand, ra3.xlplus)');
    expect(nodes.price).toMatchObject({ service: 'AmazonRedshift', productFamily: 'Compute Instance', attributes: { instanceType: 'ra3.xlplus' } });
    // 2 × 730
    expect(monthly(nodes)).toBe('1460');
    expect(monthly(line(s, 'Managed storage'))).toBe('500');
    expect(monthly(line(s, 'Spectrum'))).toBe('3');
    expect(monthly(line(s, 'Backup storage'))).toBe('100');
  });

  it('dc2 has no managed storage; one node by default', () => {
    const s = specOf('aws_redshift_cluster', { node_type: 'dc2.large' });
    expect(s.components.map((c) => c.name)).toEqual(['Cluster nodes (on-demand, dc2.large)', 'Spectrum', 'Backup storage']);
    expect(monthly(s.components[0])).toBe('730');
  });

  it('prices node hours from the snapshot; the storage and scan lines say why they are not priced', async () => {
    const ra3 = await estimateOne('aws_redshift_cluster', { node_type: 'ra3.xlplus', number_of_nodes: 2 });
    // 2 × 730 h × $1.086
    expect(cost(component(ra3, 'Cluster nodes (on-demand, ra3.xlplus)').monthlyCost)).toBe('1585.56');
    const dc2 = await estimateOne('aws_redshift_cluster', { node_type: 'dc2.large' }, {}, 'eu-west-1');
    // 730 h × $0.30 in Ireland; the usage lines are not priced, so they add nothing.
    expect(cost(dc2.monthlyCost)).toBe('219.00');
    expect(dc2.unpriced.map((u) => u.component)).toEqual(['Spectrum', 'Backup storage']);
    expect(dc2.unpriced[0].reason).toMatch(/price in the pricing cache for eu-west-1$/);
  });
});
