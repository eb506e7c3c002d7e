import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readManifest, sha256 } from './reader.js';
import type { Manifest } from './format.js';

export interface VerifyResult {
  checked: number;
  problems: string[];
}

/** Checks every file the manifest lists against its checksum, and finds files it does not list. */
export function verifyCache(dir: string): VerifyResult {
  const manifest = readManifest(dir);
  if (!manifest) return { checked: 0, problems: [`${join(dir, 'manifest.json')} is missing`] };
  const problems: string[] = [];
  let checked = 0;
  for (const [rel, entry] of Object.entries(manifest.files)) {
    checked++;
    let text: string;
    try {
      text = readFileSync(join(dir, rel), 'utf8');
    } catch {
      problems.push(`${rel}: listed in the manifest but missing`);
      continue;
    }
    if (sha256(text) !== entry.sha256) problems.push(`${rel}: checksum mismatch (corrupted or edited by hand)`);
  }
  for (const rel of listJson(join(dir, 'aws'), dir)) {
    if (!manifest.files[rel]) problems.push(`${rel}: not listed in the manifest`);
  }
  return { checked, problems };
}

function listJson(dir: string, root: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return listJson(full, root);
    return e.name.endsWith('.json') ? [relative(root, full).split(sep).join('/')] : [];
  });
}

export interface CacheInfo {
  snapshot: string;
  sources: Manifest['sources'];
  services: { service: string; regions: string[]; products: number }[];
  regions: string[];
  products: number;
}

export function cacheInfo(dir: string): CacheInfo | undefined {
  const manifest = readManifest(dir);
  if (!manifest) return undefined;
  const byService = new Map<string, { regions: string[]; products: number }>();
  const regions = new Set<string>();
  let products = 0;
  for (const [rel, entry] of Object.entries(manifest.files)) {
    const m = /^aws\/([^/]+)\/([^/]+)\.json$/.exec(rel);
    if (!m) continue;
    const s = byService.get(m[1]) ?? { regions: [], products: 0 };
    s.regions.push(m[2]);
    s.products += entry.products;
    byService.set(m[1], s);
    if (m[2] !== 'global') regions.add(m[2]);
    products += entry.products;
  }
  return {
    snapshot: manifest.snapshot,
    sources: manifest.sources,
    services: [...byService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([service, s]) => ({ service, regions: s.regions.sort(), products: s.products })),
    regions: [...regions].sort(),
    products,
  };
}
