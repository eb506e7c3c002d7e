import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: standard-resolution alarm metric 0.10, high-resolution 0.30 per month.
const base = { alarm_name: 'cpu', comparison_operator: 'GreaterThanThreshold', evaluation_periods: 2, threshold: 80 };
const metric = (id: string, period: number) => ({ id, metric: [{ metric_name: 'CPUUtilization', namespace: 'AWS/EC2', period, stat: 'Average' }] });

describe('aws_cloudwatch_metric_alarm', () => {
  it('a single-metric alarm at 60 s is standard resolution: $0.10', async () => {
    const r = await estimateOne('aws_cloudwatch_metric_alarm', { ...base, metric_name: 'CPUUtilization', period: 60 });
    expect(component(r, 'Standard resolution alarm metrics').monthlyQuantity?.toString()).toBe('1');
    expect(cost(r.monthlyCost)).toBe('0.10');
  });

  it('a period under 60 s makes it high resolution: $0.30', async () => {
    const r = await estimateOne('aws_cloudwatch_metric_alarm', { ...base, metric_name: 'CPUUtilization', period: 10 });
    expect(cost(component(r, 'High resolution alarm metrics').monthlyCost)).toBe('0.30');
  });

  it('bills each metric of a metric-math alarm, not its expressions', async () => {
    const r = await estimateOne('aws_cloudwatch_metric_alarm', {
      ...base,
      metric_query: [metric('a', 300), metric('b', 300), metric('c', 300), { id: 'e', expression: 'a+b+c', return_data: true }],
    });
    // 3 metrics × 0.10
    expect(cost(r.monthlyCost)).toBe('0.30');
  });

  it('an anomaly detection alarm counts three metrics', async () => {
    const r = await estimateOne('aws_cloudwatch_metric_alarm', {
      ...base,
      comparison_operator: 'LessThanLowerOrGreaterThanUpperThreshold',
      threshold_metric_id: 'ad',
      metric_query: [metric('m', 60), { id: 'ad', expression: 'ANOMALY_DETECTION_BAND(m, 2)' }],
    });
    // 1 metric × 3 × 0.10
    expect(component(r, 'Standard resolution alarm metrics (anomaly detection)').monthlyQuantity?.toString()).toBe('3');
    expect(cost(r.monthlyCost)).toBe('0.30');
  });
});
