/**
 * Bundles the compiled CLI (dist/src, from tsc) into dist/bundle/, which bin/costdiff.js runs.
 *
 *   node dist/scripts/bundle.js        (part of `npm run build`)
 *
 * Why: node 20 loads ES modules one file at a time, and a small breakdown spends more time
 * resolving and reading its hundred modules than pricing its resources (bench/: 168 ms
 * unbundled against 120 ms bundled for one resource). esbuild only concatenates what tsc
 * emitted; no TypeScript is compiled here.
 *
 * Dynamic imports stay lazy: each becomes its own chunk, so `--help` and an offline breakdown
 * still load no HCL parser (the `hcl` entry, named so tests can see it), AWS SDK or Octokit
 * (packages are left to node_modules, never bundled).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const compiled = join(root, 'dist', 'src');
const BUNDLE_DIR = join(root, 'dist', 'bundle');

async function main(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: {
      costdiff: join(compiled, 'cli', 'main.js'),
      hcl: join(compiled, 'input', 'hcl', 'index.js'),
    },
    outdir: BUNDLE_DIR,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Maps back through tsc's own maps to src/*.ts, for `--debug` stack traces (node reads
    // them only then); the sources stay in src/, not in the maps.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
}

main().catch((err: Error) => {
  process.stderr.write(`bundle: ${err.message}\n`);
  process.exitCode = 1;
});
