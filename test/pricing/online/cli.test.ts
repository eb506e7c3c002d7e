import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Decimal } from '../../../src/core/decimal.js';
import { PricingCache } from '../../../src/pricing/cache/reader.js';
import { verifyCache } from '../../../src/pricing/cache/verify.js';
import { startPriceListServer, type PriceListServer } from '../../support/price-list-server.js';
import { fixture, repoRoot } from '../../support/repo.js';
import { awsTestEnv } from './aws-env.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node bin/costdiff.js …` as a child process; asynchronous, since the server answers from this process. */
function costdiff(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot(), 'bin', 'costdiff.js'), ...args], { cwd: repoRoot(), env }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const plan = fixture('price-list', 'plan-m5-large-eu-south-2.json');
const tempCache = (): string => mkdtempSync(join(tmpdir(), 'costdiff-cli-'));

interface JsonComponent {
  name: string;
  unitPrice: number;
  monthlyCost: number | null;
  provenance: { kind: string; source: string; date: string; rateCode?: string }[];
}
interface JsonResource {
  address: string;
  monthlyCost: number | null;
  components: JsonComponent[];
  unpriced: { component: string; reason: string }[];
  subresources: { name: string; components: JsonComponent[]; unpriced?: { component: string; reason: string }[] }[];
}
interface JsonReport {
  pricing: { mode: string };
  projects: { resources: JsonResource[] }[];
}

const instance = (report: JsonReport): JsonResource => report.projects[0].resources[0];

let server: PriceListServer;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  server = await startPriceListServer();
  env = awsTestEnv(server.url);
});

afterEach(async () => {
  await server.close();
});

/** The m5.large eu-south-2 price the server publishes. */
function publishedM5(): Decimal {
  const item = server.items.find((i) => i.product.attributes.regionCode === 'eu-south-2' && i.product.attributes.instanceType === 'm5.large')!;
  const terms = item.terms.OnDemand as Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> }>;
  return Decimal.parse(Object.values(Object.values(terms)[0].priceDimensions)[0].pricePerUnit.USD);
}

describe('costdiff pricing refresh and --online', () => {
  it('turns an unpriced region into a priced one with `pricing refresh`', async () => {
    const dir = tempCache();
    const before = await costdiff(['breakdown', '--path', plan, '--pricing-cache', dir, '--format', 'json'], env);
    expect(before.code).toBe(0);
    const unpriced = instance(JSON.parse(before.stdout) as JsonReport).unpriced;
    expect(unpriced).toEqual([
      {
        component: 'Instance usage (Linux/UNIX, on-demand, m5.large)',
        reason: expect.stringMatching(/^not in pricing cache for eu-south-2 \(AmazonEC2\); run `costdiff pricing refresh --region eu-south-2`/),
      },
    ]);
    // Offline is the default: the API was never asked.
    expect(server.requests).toHaveLength(0);

    const refresh = await costdiff(['pricing', 'refresh', '--region', 'eu-south-2', '--service', 'AmazonEC2', '--pricing-cache', dir], env);
    expect(refresh.stderr).toBe('AmazonEC2 eu-south-2: 1 product\n');
    expect(refresh.stdout).toBe('refreshed 1 products in 1 files\n');
    expect(refresh.code).toBe(0);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(verifyCache(dir).problems).toEqual([]);

    const seen = server.requests.length;
    const after = await costdiff(['breakdown', '--path', plan, '--pricing-cache', dir, '--format', 'json'], env);
    expect(after.code).toBe(0);
    const report = JSON.parse(after.stdout) as JsonReport;
    expect(report.pricing.mode).toBe('offline');
    const [usage] = instance(report).components;
    const price = publishedM5();
    expect(usage.unitPrice).toBe(price.toNumber());
    expect(usage.monthlyCost).toBe(price.times(Decimal.fromInt(730)).toNumber(2));
    expect(usage.provenance).toEqual([
      { kind: 'price-list-api', source: `AWS Price List API (GetProducts) at ${server.url}`, date: expect.any(String), rateCode: 'FXEUS2M5LARGE001.JRTCKXETXF.6YS6EN2CT7' },
    ]);
    expect(instance(report).unpriced).toEqual([]);
    expect(server.requests).toHaveLength(seen);
  });

  it('prices a miss on the fly with --online and saves it', async () => {
    const dir = tempCache();
    const run = await costdiff(['breakdown', '--path', plan, '--pricing-cache', dir, '--format', 'json', '--online'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.pricing.mode).toBe('online');
    const r = instance(report);
    expect(r.components[0].provenance[0].kind).toBe('price-list-api');
    expect(r.components[0].unitPrice).toBe(publishedM5().toNumber());
    // The server has no gp3 volume: the root volume is unpriced with the API's reason, not $0.
    const root = r.subresources.find((s) => s.name === 'root_block_device')!;
    expect(root.components).toEqual([]);
    expect(root.unpriced).toEqual([{ component: expect.stringMatching(/gp3/), reason: 'the AWS Price List has no Storage gp3 price in eu-south-2' }]);
    // Saved: the cache now answers the instance offline.
    const requests = server.requests.length;
    const offline = await costdiff(['breakdown', '--path', plan, '--pricing-cache', dir, '--format', 'json'], env);
    expect(instance(JSON.parse(offline.stdout) as JsonReport).components[0].unitPrice).toBe(publishedM5().toNumber());
    expect(server.requests).toHaveLength(requests);
  });

  it('COSTDIFF_PRICING=online turns online mode on too', async () => {
    const run = await costdiff(['breakdown', '--path', plan, '--pricing-cache', tempCache(), '--format', 'json'], { ...env, COSTDIFF_PRICING: 'online' });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).pricing.mode).toBe('online');
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('keeps both of two refreshes racing on one cache', async () => {
    const dir = tempCache();
    const jobs = [
      ['AmazonEC2', 'eu-south-2'],
      ['AWSDataTransfer', 'eu-south-1'],
      ['AmazonEC2', 'us-east-2'],
      ['AmazonEC2', 'eu-west-1'],
    ];
    const runs = await Promise.all(jobs.map(([service, region]) => costdiff(['pricing', 'refresh', '--service', service, '--region', region, '--pricing-cache', dir], env)));
    for (const run of runs) expect(run).toMatchObject({ code: 0 });
    const cache = new PricingCache(dir);
    expect(Object.keys(cache.manifest!.files).sort()).toEqual(jobs.map(([s, r]) => `aws/${s}/${r}.json`).sort());
    expect(verifyCache(dir)).toEqual({ checked: jobs.length, problems: [] });
    expect(readdirSync(dir).sort()).toEqual(['aws', 'manifest.json']);
  });

  it('loses no manifest entry when many writers share one cache', async () => {
    // The CLI race above rarely overlaps in time; this makes the writers collide on purpose.
    const dir = tempCache();
    const writer = pathToFileURL(join(repoRoot(), 'dist', 'src', 'pricing', 'cache', 'writer.js')).href;
    const script = (n: number): string => `
      const { updateCache } = await import(${JSON.stringify(writer)});
      for (let i = 0; i < 25; i++) {
        const service = 'Writer${n}Service' + i;
        updateCache(process.argv[1], [
          { service, region: 'eu-south-2', merge: () => ({ format: 1, service, region: 'eu-south-2', sources: [], products: [] }) },
          {
            service: 'Shared', region: 'eu-south-2',
            merge: (current) => ({
              format: 1, service: 'Shared', region: 'eu-south-2', sources: [],
              products: [...(current?.products ?? []), { attributes: { writer: '${n}', i: String(i) }, prices: [] }],
            }),
          },
        ]);
      }`;
    const runs = await Promise.all(
      [0, 1, 2, 3].map(
        (n) =>
          new Promise<number>((resolve) => {
            execFile(process.execPath, ['--input-type=module', '-e', script(n), dir], (err) => resolve(err ? 1 : 0));
          }),
      ),
    );
    expect(runs).toEqual([0, 0, 0, 0]);
    const manifest = new PricingCache(dir).manifest!;
    expect(Object.keys(manifest.files)).toHaveLength(101);
    // Every writer's products reached the file they all added to.
    expect(manifest.files['aws/Shared/eu-south-2.json'].products).toBe(100);
    expect(verifyCache(dir).problems).toEqual([]);
  });

  it('fails with one line and exit 1 without credentials', async () => {
    const run = await costdiff(['pricing', 'refresh', '--region', 'eu-south-2', '--pricing-cache', tempCache()], awsTestEnv(server.url, { credentials: false }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^costdiff: no AWS credentials for the Price List API: set AWS_PROFILE or AWS_ACCESS_KEY_ID[^\n]*\n$/);
    expect(server.requests).toHaveLength(0);
  });

  it('fails with one line and exit 1 when the API is unreachable', async () => {
    const url = server.url;
    await server.close();
    const run = await costdiff(['breakdown', '--path', plan, '--pricing-cache', tempCache(), '--online'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`costdiff: cannot reach the AWS Price List API at ${url}: ECONNREFUSED\n`);
  });

  it('fails with one line and exit 1 on access denied', async () => {
    server.always = 'access-denied';
    const run = await costdiff(['breakdown', '--path', plan, '--pricing-cache', tempCache(), '--online'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('costdiff: access denied to pricing:GetProducts (the credentials need the pricing:GetProducts permission)\n');
  });

  it('asks for --region when refreshing an empty cache (exit 2)', async () => {
    const run = await costdiff(['pricing', 'refresh', '--pricing-cache', tempCache()], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^costdiff: the pricing cache .* has no regions yet; name the regions to fetch with --region/);
  });
});
