import { runCli } from '../support/cli.js';

const args = ['diff', '--path', 'fixtures/finops/plan.json', '--project-name', 'prod', '--config', 'fixtures/finops/costdiff.yml'];

// Unit economics, forecast and the verdict in every diff format, not only in the PR comment.
describe('costdiff diff with costdiff.yml', () => {
  it('table: verdict, unit cost, forecast and budget after the totals', () => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    // $387.73 → $630.82 a month at 1,200,000 orders per 1,000: 387.73 / 1200 = 0.323, 630.82 / 1200 = 0.526
    expect(r.stdout).toContain('Cost per 1,000 orders: $0.323 → $0.526 (+62.7 %)');
    expect(r.stdout).toContain('Verdict: needs approval from @po-alice or @acme/finance: monthly increase $243.09 > $50.00; prod over budget: $630.82 > $600.00');
    expect(r.stdout).toContain('Budget prod: $630.82 of $600.00 — over budget');
  });

  it('JSON: a finops section next to the diff contract', () => {
    const doc = JSON.parse(runCli([...args, '--format', 'json']).stdout);
    expect(doc.delta).toBe(243.09);
    expect(doc.finops.verdict.state).toBe('pending');
    expect(doc.finops.unitEconomics[0]).toMatchObject({ metric: 'orders', per: 1000, past: 0.323108, planned: 0.525683 });
    // 243.09 × 12
    expect(doc.finops.forecast.annualImpact).toBe(2917.08);
    expect(doc.finops.forecast.months).toHaveLength(12);
    expect(doc.finops.budgets).toEqual([{ project: 'prod', monthly: 600, planned: 630.82, over: true }]);
  });

  it('markdown: the verdict line and the FinOps sections, as the PR comment has them', () => {
    const md = runCli([...args, '--format', 'markdown']).stdout;
    expect(md).toContain('**Needs approval** from @po-alice or @acme/finance');
    expect(md).toContain('| Cost per 1,000 orders | $0.323 | $0.526 | +62.7 % |');
    expect(md).toContain('xychart-beta');
  });
});
