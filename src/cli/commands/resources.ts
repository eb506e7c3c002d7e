import type { OptionValues } from '../args.js';
import type { RESOURCES_FORMATS } from '../program.js';
import { classify, freeTypeNames, pricedTypes, unsupportedKnownTypes } from '../../resources/registry.js';
import type { UsageKey } from '../../resources/types.js';

export interface ResourceCoverage {
  priced: { type: string; usageKeys: UsageKey[] }[];
  free: { type: string; note?: string }[];
  unsupported: string[];
}

/** What costdiff knows about resource types, straight from the registry. */
export async function resourceCoverage(): Promise<ResourceCoverage> {
  const priced = pricedTypes()
    .sort((a, b) => a.type.localeCompare(b.type))
    .map((t) => ({ type: t.type, usageKeys: t.usageKeys ?? [] }));
  const free = freeTypeNames().map((type) => {
    const c = classify(type);
    return c.kind === 'free' && c.note ? { type, note: c.note } : { type };
  });
  return { priced, free, unsupported: unsupportedKnownTypes() };
}

export function renderResourcesJson(c: ResourceCoverage): string {
  return JSON.stringify({ version: '1', ...c }, null, 2) + '\n';
}

export function renderResourcesTable(c: ResourceCoverage): string {
  const width = Math.max(...c.priced.map((p) => p.type.length));
  const lines = [
    `Priced (${c.priced.length}), with the usage-file keys each reads:`,
    ...c.priced.map((p) => `  ${p.type.padEnd(width)}  ${p.usageKeys.map((k) => k.key).join(', ')}`.trimEnd()),
    '',
    `Free (${c.free.length}): AWS does not bill these on their own`,
    ...c.free.map((f) => `  ${f.type}${f.note ? `  (${f.note})` : ''}`),
    '',
    `Known to cost money, not supported yet (${c.unsupported.length}):`,
    ...c.unsupported.map((t) => `  ${t}`),
  ];
  return lines.join('\n') + '\n';
}

const code = (s: string): string => `\`${s}\``;

/** Markdown for the README's coverage section and `--format markdown`. */
export function renderResourcesMarkdown(c: ResourceCoverage): string {
  const lines = [
    `### Priced resource types (${c.priced.length})`,
    '',
    '| Resource type | Usage-file keys |',
    '| --- | --- |',
    ...c.priced.map((p) => `| ${code(p.type)} | ${p.usageKeys.map((k) => code(k.key)).join(', ') || '—'} |`),
    '',
    `### Free resource types (${c.free.length})`,
    '',
    'AWS does not bill these on their own; they are listed as free, never as unsupported.',
    '',
    '<details><summary>Show all</summary>',
    '',
    ...c.free.map((f) => `- ${code(f.type)}${f.note ? ` (${f.note})` : ''}`),
    '',
    '</details>',
    '',
    `### Known, not supported yet (${c.unsupported.length})`,
    '',
    '<details><summary>Show all</summary>',
    '',
    ...c.unsupported.map((t) => `- ${code(t)}`),
    '',
    '</details>',
  ];
  return lines.join('\n') + '\n';
}

export async function runResources(values: OptionValues): Promise<void> {
  const format = (values as unknown as { format: (typeof RESOURCES_FORMATS)[number] }).format;
  const render = { table: renderResourcesTable, json: renderResourcesJson, markdown: renderResourcesMarkdown }[format];
  process.stdout.write(render(await resourceCoverage()));
}
