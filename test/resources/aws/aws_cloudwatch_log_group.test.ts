import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: ingestion 0.50 per GB (infrequent access 0.25), archived storage 0.03 per GB-month,
// Logs Insights 0.005 per GB scanned.
describe('aws_cloudwatch_log_group', () => {
  it('prices ingestion, storage and Insights scans from usage', async () => {
    const r = await estimateOne('aws_cloudwatch_log_group', { name: '/app' }, { monthly_data_ingested_gb: 100, storage_gb: 500, monthly_data_scanned_gb: 1000 });
    // 100 × 0.50 = 50.00; 500 × 0.03 = 15.00; 1,000 × 0.005 = 5.00
    expect(cost(component(r, 'Data ingested').monthlyCost)).toBe('50.00');
    expect(cost(component(r, 'Archival storage').monthlyCost)).toBe('15.00');
    expect(cost(component(r, 'Insights queries data scanned').monthlyCost)).toBe('5.00');
    expect(cost(r.monthlyCost)).toBe('70.00');
    expect(component(r, 'Data ingested').provenance[0].source).toMatch(/cloudwatch\.json$/);
  });

  it('infrequent access class ingests at its own price', async () => {
    const r = await estimateOne('aws_cloudwatch_log_group', { log_group_class: 'INFREQUENT_ACCESS' }, { monthly_data_ingested_gb: 100 });
    // 100 × 0.25
    expect(cost(component(r, 'Data ingested (infrequent access)').monthlyCost)).toBe('25.00');
  });

  it('shows prices without usage; DELIVERY groups are billed by the delivering service', async () => {
    const r = await estimateOne('aws_cloudwatch_log_group', {});
    expect(component(r, 'Data ingested').unitPrice.toString()).toBe('0.5');
    expect(r.monthlyCost).toBeNull();
    const delivery = await estimateOne('aws_cloudwatch_log_group', { log_group_class: 'DELIVERY' }, { storage_gb: 10 });
    // 10 × 0.03 = 0.30
    expect(cost(delivery.monthlyCost)).toBe('0.30');
    expect(delivery.unpriced.map((u) => u.component)).toEqual(['Data ingested']);
  });
});
