import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Redshift prices are not in the snapshot: asked of AmazonRedshift, unpriced offline.
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

  it('dc2 has no managed storage; one node by default; unpriced offline', async () => {
    const s = specOf('aws_redshift_cluster', { node_type: 'dc2.large' });
    expect(s.components.map((c) => c.name)).toEqual(['Cluster nodes (on-demand, dc2.large)', 'Spectrum', 'Backup storage']);
    expect(monthly(s.components[0])).toBe('730');
    const r = await estimateOne('aws_redshift_cluster', { node_type: 'dc2.large' });
    expect(r.unpriced[0].reason).toMatch(/^not in pricing cache for us-east-1 \(AmazonRedshift\)/);
  });
});
