import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// OpenSearch prices are not in the snapshot: asked of AmazonES, unpriced offline.
describe('aws_opensearch_domain', () => {
  it('data nodes, dedicated masters, UltraWarm and per-node EBS storage', () => {
    const s = specOf('aws_opensearch_domain', {
      cluster_config: [{ instance_type: 'r6g.large.search', instance_count: 3, dedicated_master_enabled: true, dedicated_master_type: 'm6g.large.search', warm_enabled: true, warm_type: 'ultrawarm1.medium.search', warm_count: 2 }],
      ebs_options: [{ ebs_enabled: true, volume_type: 'gp3', volume_size: 100 }],
    });
    const data = line(s, 'Instance (on-demand, r6g.large.search)');
    expect(data.price).toMatchObject({ service: 'AmazonES', productFamily: 'Amazon OpenSearch Service Instance', attributes: { instanceType: 'r6g.large.search', usagetype: 'ESInstance:r6g.large' } });
    // 3 × 730
    expect(monthly(data)).toBe('2190');
    // 3 dedicated masters (the default count) × 730
    expect(monthly(line(s, 'Dedicated master (on-demand, m6g.large.search)'))).toBe('2190');
    expect(monthly(line(s, 'UltraWarm instance (on-demand, ultrawarm1.medium.search)'))).toBe('1460');
    const storage = line(s, 'Storage (gp3)');
    expect(storage.price.attributes).toEqual({ storageMedia: 'GP3' });
    // 100 GB on each of 3 data nodes
    expect(monthly(storage)).toBe('300');
  });

  it('defaults to one m4.large.search; io1 IOPS; unpriced offline', async () => {
    const s = specOf('aws_opensearch_domain', { ebs_options: [{ ebs_enabled: true, volume_type: 'io1', volume_size: 50, iops: 1000 }] });
    expect(s.components.map((c) => c.name)).toEqual(['Instance (on-demand, m4.large.search)', 'Storage (io1)', 'Storage IOPS (io1)']);
    expect(monthly(line(s, 'Storage IOPS (io1)'))).toBe('1000');
    const r = await estimateOne('aws_opensearch_domain', {});
    expect(r.unpriced[0].reason).toMatch(/^not in pricing cache for us-east-1 \(AmazonES\)/);
  });
});
