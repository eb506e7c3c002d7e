/**
 * Finds the Terraform root modules of a monorepo: directories with a provider block or a
 * `terraform { backend … }` / `cloud` block that no other configuration uses as a local module.
 */
import { readdir } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { configFiles, parseConfigFile } from './config.js';

const SKIP = new Set(['node_modules', 'examples', 'example']);

interface DirInfo {
  abs: string;
  isRoot: boolean;
  localSources: string[];
}

async function walk(abs: string, out: DirInfo[], rootAbs: string, shown: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(abs, { withFileTypes: true });
  } catch {
    return;
  }
  const files = configFiles(abs);
  if (files.length > 0) {
    const info: DirInfo = { abs, isRoot: false, localSources: [] };
    for (const f of files) {
      const fileAbs = nodePath.join(abs, f);
      const display = (p: string): string => nodePath.join(shown, nodePath.relative(rootAbs, p)).split(nodePath.sep).join('/');
      const { body } = parseConfigFile(fileAbs, { display });
      for (const b of body.blocks) {
        if (b.type === 'provider') info.isRoot = true;
        if (b.type === 'terraform' && b.body.blocks.some((x) => x.type === 'backend' || x.type === 'cloud')) info.isRoot = true;
        if (b.type === 'module') {
          const src = b.body.attrs.get('source')?.expr;
          if (src && src.k === 'lit' && typeof src.v === 'string' && /^\.\.?(\/|$)/.test(src.v)) {
            info.localSources.push(nodePath.resolve(abs, src.v));
          }
        }
      }
    }
    out.push(info);
  }
  const subdirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name))
    .map((e) => e.name)
    .sort();
  for (const d of subdirs) await walk(nodePath.join(abs, d), out, rootAbs, shown);
}

/**
 * Root module directories below `root` (including `root` itself), as paths joined to `root`
 * as given, sorted. Skips hidden directories, `.terraform`, `node_modules` and `examples`.
 */
export async function discoverRootModules(root: string): Promise<string[]> {
  const rootAbs = nodePath.resolve(root);
  const infos: DirInfo[] = [];
  await walk(rootAbs, infos, rootAbs, root);
  const used = new Set(infos.flatMap((i) => i.localSources));
  return infos
    .filter((i) => i.isRoot && !used.has(i.abs))
    .map((i) => {
      const rel = nodePath.relative(rootAbs, i.abs);
      return rel ? nodePath.join(root, rel).split(nodePath.sep).join('/') : root;
    })
    .sort();
}
