import { freeTypeNames, pricedTypes, unsupportedKnownTypes } from '../../src/resources/registry.js';
import { runCli } from '../support/cli.js';

async function costdiff(...args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

interface Listing {
  version: string;
  priced: { type: string; usageKeys: { key: string; description: string }[] }[];
  free: { type: string; note?: string }[];
  unsupported: string[];
}

describe('costdiff resources', () => {
  let listing: Listing;
  beforeAll(async () => {
    listing = JSON.parse(await costdiff('resources', '--format', 'json')) as Listing;
  });

  it('lists every priced type with its usage keys, as the registry has them', async () => {
    const expected = pricedTypes().map((t) => ({ type: t.type, keys: (t.usageKeys ?? []).map((k) => k.key) })).sort((a, b) => a.type.localeCompare(b.type));
    expect(listing.priced.map((p) => ({ type: p.type, keys: p.usageKeys.map((k) => k.key) }))).toEqual(expected);
    expect(listing.priced.find((p) => p.type === 'aws_lambda_function')?.usageKeys.map((k) => k.key)).toEqual(['monthly_requests', 'request_duration_ms']);
  });

  it('lists the free and the known-but-unsupported types, with no type in two lists', () => {
    expect(listing.free.map((f) => f.type)).toEqual(freeTypeNames());
    expect(listing.unsupported).toEqual(unsupportedKnownTypes());
    const all = [...listing.priced.map((p) => p.type), ...listing.free.map((f) => f.type), ...listing.unsupported];
    expect(new Set(all).size).toBe(all.length);
    expect(listing.free.find((f) => f.type === 'aws_launch_template')?.note).toMatch(/billed through/);
  });

  it('renders the same registry as a table and as markdown', async () => {
    const table = await costdiff('resources');
    expect(table).toContain(`Priced (${listing.priced.length})`);
    expect(table).toMatch(/^ {2}aws_sqs_queue +monthly_requests, request_size_kb$/m);
    const markdown = await costdiff('resources', '--format', 'markdown');
    expect(markdown).toContain('| `aws_route53_record` | `monthly_standard_queries`, `monthly_latency_based_queries`, `monthly_geo_queries` |');
    expect(markdown).toContain(`### Free resource types (${listing.free.length})`);
  });
});
