import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CostDiff } from '../../src/estimate/diff-types.js';
import { readPlanJson } from '../../src/input/plan.js';
import { GITHUB_COMMENT_LIMIT, commentMarker, headline, renderMarkdown } from '../../src/report/markdown.js';
import { totals } from '../../src/estimate/diff.js';
import { d } from '../support/estimate.js';
import { planDiffOf, readPlans } from '../support/diff.js';
import { fixture, repoRoot } from '../support/repo.js';

/** Compares with test/golden/<name>.md; UPDATE_GOLDEN=1 rewrites the file instead. */
function golden(name: string, actual: string): void {
  const file = join(repoRoot(), 'test', 'golden', `${name}.md`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing golden ${name}.md: run with UPDATE_GOLDEN=1 and review it`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** No table or <details> cut in half: every table has its header and separator, tags balance. */
function expectWellFormed(body: string): void {
  expect(body.split('<details>').length).toBe(body.split('</details>').length);
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) return;
    const prev = lines[i - 1] ?? '';
    if (!prev.startsWith('|')) {
      expect(lines[i + 1]).toMatch(/^\| ---/);
    }
    expect(line.endsWith('|')).toBe(true);
  });
}

const files = (...names: string[]) => names.map((n) => fixture('diff', n));
const diffOf = async (...names: string[]) => planDiffOf(await readPlans(files(...names)));

describe('markdown comment goldens', () => {
  it('increase', async () => {
    const body = renderMarkdown(await diffOf('plan-changes.json'));
    expect(body.split('\n')[0]).toBe('<!-- costdiff -->');
    expect(body).toContain('This pull request adds **$122.02 per month** (+70.3 %), **$1,464.24 per year**. New monthly total: $295.61.');
    expectWellFormed(body);
    golden('increase', body);
  });

  it('decrease', async () => {
    const body = renderMarkdown(await diffOf('plan-decrease.json'));
    expect(body).toMatch(/This pull request saves \*\*\$58\.29 per month\*\* \(-37\.6 %\), \*\*\$699\.48 per year\*\*\. New monthly total: \$96\.91\./);
    golden('decrease', body);
  });

  it('no change', async () => {
    const body = renderMarkdown(await diffOf('plan-no-change.json'));
    expect(body).toContain('This pull request does not change the monthly cost. Monthly total: $173.59.');
    expect(body).not.toContain('<details>');
    golden('no-change', body);
  });

  it('unpriced resources', async () => {
    const body = renderMarkdown(await diffOf('plan-unpriced.json'));
    expect(body).toContain('#### Could not be priced');
    expect(body).toContain('- `aws_instance.batch`: cost depends on instance_type, which is not known until apply');
    expect(body).toContain('#### Not supported yet');
    expect(body).toContain('- `aws_gamelift_fleet.arena`');
    golden('unpriced', body);
  });

  it('many projects, with a verdict and extra sections after the headline', async () => {
    const diff = await planDiffOf(await readPlans([...files('plan-changes.json', 'plan-decrease.json', 'plan-unpriced.json'), fixture('plans', 'example.json')]));
    const body = renderMarkdown(diff, {
      tag: 'prod',
      verdict: '**Needs approval** from @acme/finops: the monthly increase is over the $100.00 threshold.',
      extraSections: ['#### Unit economics\n\n| Metric | Before | After |\n| --- | ---: | ---: |\n| Cost per 1,000 orders | $1.20 | $1.35 |'],
    });
    const at = (s: string) => body.indexOf(s);
    expect(body.split('\n')[0]).toBe('<!-- costdiff:prod -->');
    expect(at('This pull request adds')).toBeLessThan(at('**Needs approval**'));
    expect(at('**Needs approval**')).toBeLessThan(at('#### Unit economics'));
    expect(at('#### Unit economics')).toBeLessThan(at('| Project | Before | After | Change |'));
    expect(body).toContain('| **Total** |');
    expectWellFormed(body);
    golden('many-projects', body);
  });

  it('oversize: folds detail project by project to fit, and says so', async () => {
    const diff = await planDiffOf(await readPlans([...files('plan-changes.json', 'plan-decrease.json', 'plan-unpriced.json'), fixture('plans', 'example.json')]));
    const full = renderMarkdown(diff, { maxLength: 1_000_000 });
    const body = renderMarkdown(diff, { maxLength: 6000 });
    expect(full.length).toBeGreaterThan(6000);
    expect(body.length).toBeLessThanOrEqual(6000);
    expect(body).toContain("> **Note:** this comment leaves out the cost lines of");
    expectWellFormed(body);
    golden('oversize', body);
  });
});

/** A plan with `n` instances resized from m5.large to m5.xlarge. */
function bigPlan(name: string, n: number): unknown {
  const instance = (type: string) => ({
    ami: 'ami-0c55b159cbfafe1f0',
    instance_type: type,
    root_block_device: [{ volume_size: 20, volume_type: 'gp3', iops: 3000, throughput: 125 }],
    ebs_block_device: [],
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: Array.from({ length: n }, (_, i) => ({
      address: `module.${name}.aws_instance.node["worker-${String(i).padStart(4, '0')}"]`,
      module_address: `module.${name}`,
      mode: 'managed',
      type: 'aws_instance',
      name: 'node',
      index: `worker-${String(i).padStart(4, '0')}`,
      change: { actions: ['update'], before: instance('m5.large'), after: instance('m5.xlarge'), after_unknown: {} },
    })),
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } } },
  };
}

describe("GitHub's comment size limit", () => {
  it('a huge diff fits in 65,536 characters, no table cut, every project still in the summary', async () => {
    const projects = ['alpha', 'beta', 'gamma', 'delta'].map((n, i) => readPlanJson(bigPlan(n, 150 + i * 100), `stacks/${n}/plan.json`, { env: {} }));
    const diff: CostDiff = await planDiffOf(projects);
    const full = renderMarkdown(diff, { maxLength: 10_000_000 });
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const body = renderMarkdown(diff);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expectWellFormed(body);
    for (const n of ['alpha', 'beta', 'gamma', 'delta']) expect(body).toContain(`| stacks/${n}/plan.json |`);
    expect(body).toMatch(/> \*\*Note:\*\* this comment leaves out/);
    // Folding goes no further than needed: some project keeps its resource rows.
    expect(body).toContain('| `module.alpha.aws_instance.node["worker-0000"]` | changed |');
  });
});

describe('headline', () => {
  it('reads as money per month and per year, percent only with a past cost', () => {
    expect(headline(totals(d('3616.30'), d('4029.10')))).toBe(
      'This pull request adds **$412.80 per month** (+11.4 %), **$4,953.60 per year**. New monthly total: $4,029.10.',
    );
    expect(headline(totals(d('0'), d('1234.5')))).toBe('This pull request adds **$1,234.50 per month**, **$14,814.00 per year**. New monthly total: $1,234.50.');
    expect(headline(totals(d('100'), d('88')))).toBe('This pull request saves **$12.00 per month** (-12.0 %), **$144.00 per year**. New monthly total: $88.00.');
    expect(headline(totals(d('5'), d('5')))).toBe('This pull request does not change the monthly cost. Monthly total: $5.00.');
    expect(commentMarker('web-prod')).toBe('<!-- costdiff:web-prod -->');
  });
});
