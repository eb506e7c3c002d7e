import { runCli } from '../support/cli.js';

interface JsonResource {
  address: string;
  region: string;
  monthlyCost: number | null;
  unpriced: { component: string; reason: string }[];
}

function resources(path: string): { resources: JsonResource[]; free: string[]; total: number } {
  const r = runCli(['breakdown', '--path', path, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const project = JSON.parse(r.stdout).projects[0];
  return { resources: project.resources, free: project.free.map((f: { address: string }) => f.address), total: project.totalMonthlyCost };
}

// fixtures/plans/modules-app.json is the plan Terraform would write for fixtures/hcl/modules-app
// (written by hand from the .tf files): both inputs must price the same infrastructure the same.
describe('the same infrastructure as a plan and as .tf files', () => {
  const plan = resources('fixtures/plans/modules-app.json');
  const hcl = resources('fixtures/hcl/modules-app');

  it('finds the same resources, in the same regions, at the same cost', () => {
    const view = (x: JsonResource) => [x.address, x.region, x.monthlyCost, x.unpriced.length];
    expect(hcl.resources.map(view)).toEqual(plan.resources.map(view));
    expect(hcl.free).toEqual(plan.free);
  });

  it('adds up to the hand-computed bill', () => {
    // us-east-1 (aliased provider): sc1 200 GB × 0.015 = 3.00; DR group 730 h × t3.medium 0.0416
    //   = 30.37 + 20 GB gp3 × 0.08 = 1.60 → 31.97
    // eu-west-1: st1 500 × 0.05 = 25.00; gp3 250 × 0.088 = 22.00; public IPv4 730 × 0.005 = 3.65;
    //   NAT 730 × 0.048 = 35.04; PostgreSQL db.t3.medium Multi-AZ 730 × 0.156 = 113.88 + gp3 Multi-AZ
    //   100 × 0.254 = 25.40 → 139.28; web group 3 × 730 × m5.large 0.107 = 234.33 + 3 × 30 GB gp3 ×
    //   0.088 = 7.92 → 242.25; the ALB is unpriced (no ELB prices for eu-west-1 in the snapshot).
    // 3.00 + 31.97 + 25.00 + 22.00 + 3.65 + 35.04 + 139.28 + 242.25 = 502.19
    expect(plan.total).toBe(502.19);
    expect(hcl.total).toBe(502.19);
    const lb = hcl.resources.find((r) => r.address === 'aws_lb.app');
    expect(lb?.monthlyCost).toBeNull();
    expect(lb?.unpriced[0].reason).toMatch(/not in pricing cache for eu-west-1/);
  });
});
