import { component, cost, estimateOne, sub } from '../../support/estimate.js';

// us-east-1: Standard 0.023 / 0.022 / 0.021 per GB-month (first 50 TB, next 450 TB, over 500 TB);
// PUT/COPY/POST/LIST 0.000005 and GET 0.0000004 per request; Standard-IA 0.0125 per GB-month,
// retrieval 0.01 per GB, requests 0.00001 / 0.000001; Intelligent-Tiering frequent 0.023,
// infrequent 0.0125 per GB-month, monitoring 0.0000025 per object; Glacier Flexible Retrieval
// 0.0036 per GB-month.
describe('aws_s3_bucket', () => {
  it('prices Standard storage and requests from the usage file', async () => {
    const r = await estimateOne('aws_s3_bucket', { bucket: 'assets' }, {
      standard: { storage_gb: 100, monthly_tier_1_requests: 10_000, monthly_tier_2_requests: 100_000 },
    });
    const standard = sub(r, 'Standard');
    // 100 × 0.023 = 2.30; 10,000 × 0.000005 = 0.05; 100,000 × 0.0000004 = 0.04
    expect(cost(component(standard, 'Storage').monthlyCost)).toBe('2.30');
    expect(cost(component(standard, 'PUT, COPY, POST, LIST requests').monthlyCost)).toBe('0.05');
    expect(cost(component(standard, 'GET, SELECT, and all other requests').monthlyCost)).toBe('0.04');
    expect(cost(r.monthlyCost)).toBe('2.39');
    expect(r.subresources.map((s) => s.name)).toEqual(['Standard']);
  });

  it('applies the Standard storage tiers', async () => {
    const r = await estimateOne('aws_s3_bucket', {}, { standard: { storage_gb: 102_400 } });
    // 51,200 × 0.023 = 1,177.60; 51,200 × 0.022 = 1,126.40
    expect(cost(component(sub(r, 'Standard'), 'Storage').monthlyCost)).toBe('2304.00');
  });

  it('adds a storage class for each class with usage', async () => {
    const r = await estimateOne('aws_s3_bucket', {}, {
      standard_infrequent_access: { storage_gb: 1000, monthly_data_retrieval_gb: 100, monthly_tier_1_requests: 1000 },
      intelligent_tiering: { frequent_access_storage_gb: 1000, infrequent_access_storage_gb: 1000, monitored_objects: 1_000_000 },
    });
    expect(r.subresources.map((s) => s.name)).toEqual(['Standard', 'Intelligent-Tiering', 'Standard-IA']);
    const ia = sub(r, 'Standard-IA');
    // 1,000 × 0.0125 = 12.50; 100 × 0.01 = 1.00; 1,000 × 0.00001 = 0.01
    expect(cost(ia.monthlyCost)).toBe('13.51');
    const it = sub(r, 'Intelligent-Tiering');
    // 1,000 × 0.023 = 23.00; 1,000 × 0.0125 = 12.50; 1,000,000 × 0.0000025 = 2.50
    expect(cost(it.monthlyCost)).toBe('38.00');
    expect(cost(r.monthlyCost)).toBe('51.51');
  });

  it('shows the classes the bucket’s lifecycle rules transition into', async () => {
    const r = await estimateOne('aws_s3_bucket', {
      lifecycle_rule: [
        { enabled: true, transition: [{ days: 30, storage_class: 'GLACIER' }], noncurrent_version_transition: [] },
        { enabled: false, transition: [{ days: 30, storage_class: 'ONEZONE_IA' }] },
      ],
    });
    expect(r.subresources.map((s) => s.name)).toEqual(['Standard', 'Glacier Flexible Retrieval']);
    const glacier = component(sub(r, 'Glacier Flexible Retrieval'), 'Storage');
    expect(glacier.monthlyCost).toBeNull();
    expect(glacier.unitPrice.toString()).toBe('0.0036');
  });

  it('asks for Glacier Deep Archive under its own service, which the snapshot does not hold', async () => {
    const r = await estimateOne('aws_s3_bucket', {}, { glacier_deep_archive: { storage_gb: 500 } });
    const deep = sub(r, 'Glacier Deep Archive');
    expect(deep.components).toEqual([]);
    expect(deep.unpriced.map((u) => u.component)).toEqual(['Storage', 'PUT, COPY, POST, LIST requests', 'GET, SELECT, and all other requests']);
    expect(deep.unpriced[0].reason).toMatch(/not in pricing cache for us-east-1 \(AmazonS3GlacierDeepArchive\)/);
  });
});
