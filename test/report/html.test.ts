import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import type { CostdiffConfig } from '../../src/config/types.js';
import type { CostDiff } from '../../src/estimate/diff-types.js';
import { readDiffJson } from '../../src/input/baseline.js';
import { renderHtml } from '../../src/report/html.js';
import { breakdown } from '../../src/pipeline.js';
import { fixture, repoRoot } from '../support/repo.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let diff: CostDiff;
let config: CostdiffConfig;
let dir: string;

beforeAll(async () => {
  // fixtures/finops/diff.json is `costdiff diff --path fixtures/finops/plan.json --project-name prod --format json`.
  diff = await readDiffJson(fixture('finops', 'diff.json'));
  config = await loadConfig(fixture('finops', 'costdiff.yml'));
  dir = await mkdtemp(join(tmpdir(), 'costdiff-html-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the HTML report as text', () => {
  test('is self-contained: no scripts, no external resources, a CSP that forbids loading any', () => {
    const html = renderHtml(diff, config);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only absolute URL is the SVG namespace, which is an identifier, not a request.
    expect(html.match(/https?:\/\/[^"\s<]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
  });

  test('escapes names that look like markup', () => {
    const tricky: CostDiff = { ...diff, projects: diff.projects.map((p) => ({ ...p, name: '<b>prod</b>' })) };
    const html = renderHtml(tricky);
    expect(html).toContain('&lt;b&gt;prod&lt;/b&gt;');
    expect(html).not.toContain('<b>prod</b>');
  });
});

const describeBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  // eslint-disable-next-line no-console
  console.warn(`skipping the browser tests of the HTML report: ${CHROMIUM} is not installed (apt-get install chromium)`);
}

describeBrowser('the HTML report in headless Chromium', () => {
  // playwright-core is loaded only here: it is heavy and only these tests need it.
  let browser: import('playwright-core').Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, name: string) {
    const file = join(dir, name);
    await writeFile(file, html);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
    return { page, requests, errors, url: pathToFileURL(file).href };
  }

  test('a diff: totals, unit economics, budget, charts and resources as rendered', async () => {
    const { page, requests, errors, url } = await open(renderHtml(diff, config), 'diff.html');
    const text = async (selector: string) => (await page.locator(selector).innerText()).trim();
    // past 71.68 + 141.76 + 32.85 + 141.44 = 387.73; planned 281.92 + 141.76 + 32.85 + 32.85 + 141.44 = 630.82
    expect(await text('#total-before')).toBe('$387.73');
    expect(await text('#total-after')).toBe('$630.82');
    // 630.82 − 387.73 = 243.09; × 12 = 2,917.08
    expect(await text('#total-delta')).toBe('+$243.09');
    expect(await text('#total-delta-yearly')).toBe('+$2,917.08');
    // 387.73 × 1,000 / 1,200,000 = 0.3231… → $0.323; 630.82 × 1,000 / 1,200,000 = 0.52568… → $0.526;
    // 243.09 / 387.73 × 100 = 62.695… → +62.7 %
    expect(await text('#unit-orders')).toBe('$0.323 → $0.526 +62.7 %');
    // 630.82 / 600 × 100 = 105.136… %
    expect(await text('#budget-prod')).toContain('105.1 %');
    expect(await text('#budget-prod')).toContain('over budget');
    expect(await text('#verdict')).toBe('Needs approval from @po-alice or @acme/finance: monthly increase $243.09 > $50.00; prod over budget: $630.82 > $600.00');
    // The scaled resources: aws_instance.api and both NAT gateways grow 4 % a month. Month 12:
    // (281.92 + 32.85 + 32.85) × 1.04^11 + 141.76 + 141.44 = 347.62 × 1.53945405631507768279 + 283.20
    // = 818.345… → $818.35. Low is no growth ($630.82). High: the file's trend (mean month-over-month
    // growth 0.03716) is slower than 1.5 × 4 % = 6 %, so 347.62 × 1.06^11 + 283.20 = 943.0865… → $943.09.
    expect(await page.locator('#forecast-chart circle').last().locator('title').textContent()).toBe('M12: $818.35 ($630.82 – $943.09)');
    expect(await text('#forecast-summary')).toContain('+$2,917.08 a year');
    expect(await page.locator('#service-chart rect').count()).toBe(6); // EC2, RDS, NAT Gateway × before/after
    expect(await page.locator('#forecast-chart polygon.band').count()).toBe(1);
    expect(await page.locator('#forecast-chart polyline.after').count()).toBe(1);
    expect(await page.locator('#forecast-chart circle').count()).toBe(12);
    const box = await page.locator('#forecast-chart').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await page.locator('table.resources tbody tr.resource').count()).toBe(5);
    expect(await text('table.resources tfoot')).toContain('+$243.09');
    // Unchanged resources show the same cost on both sides, their lines no change.
    const db = page.locator('table.resources tbody tr.resource', { hasText: 'aws_db_instance.main' });
    expect((await db.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['aws_db_instance.main', 'unchanged', '$141.44', '$141.44', '$0.00']);
    const dbLine = page.locator('table.resources tbody tr.component', { hasText: 'Database instance' });
    expect((await dbLine.locator('td').allInnerTexts()).map((t) => t.trim()).slice(2)).toEqual(['$129.94', '$129.94', '$0.00']);
    // Nothing but the file itself was requested.
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);

    const png = join(dir, 'diff.png');
    await page.screenshot({ path: png, fullPage: true });
    const bytes = await readFile(png);
    expect((await stat(png)).size).toBeGreaterThan(10_000);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    if (process.env.COSTDIFF_KEEP_SCREENSHOT) await writeFile(process.env.COSTDIFF_KEEP_SCREENSHOT, bytes);
    await page.close();
  });

  test('a breakdown: today\'s cost only, no before/after columns', async () => {
    const estimate = await breakdown({
      selection: { path: fixture('finops', 'plan.json') },
      input: { env: {}, varFiles: [], vars: {}, projectName: 'prod' },
      pricing: { cacheDir: join(repoRoot(), 'pricing-cache'), online: false },
    });
    const { page, requests, url } = await open(renderHtml(estimate, config), 'breakdown.html');
    expect((await page.locator('#total-after').innerText()).trim()).toBe('$630.82');
    expect(await page.locator('#total-before').count()).toBe(0);
    // 630.82 × 1,000 / 1,200,000 → $0.526
    expect((await page.locator('#unit-orders').innerText()).trim()).toBe('$0.526');
    expect(await page.locator('table.resources thead th').allInnerTexts()).toEqual(['Resource', 'Monthly cost']);
    expect(await page.locator('#service-chart rect').count()).toBe(3);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
