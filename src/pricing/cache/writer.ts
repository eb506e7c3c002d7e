import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { CACHE_FORMAT, MANIFEST_FILE, cacheFilePath, type CacheFile, type CacheSource, type Manifest } from './format.js';
import { readManifest, sha256 } from './reader.js';

/**
 * One product per line: a price change shows up in `git diff` as the one line that changed.
 */
export function serializeCacheFile(file: CacheFile): string {
  const head = JSON.stringify({ format: file.format, service: file.service, region: file.region, sources: file.sources });
  const lines = file.products.map((p) => JSON.stringify(p));
  return `${head.slice(0, -1)},"products":[\n${lines.join(',\n')}\n]}\n`;
}

/** Write via a temporary file and rename, so a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Serialises manifest updates between processes. Two refreshes racing on one cache each
 * rename their own files into place; the manifest read-modify-write is what must not interleave.
 */
function withLock<T>(dir: string, fn: () => T): T {
  const lock = join(dir, `${MANIFEST_FILE}.lock`);
  const deadline = Date.now() + 30_000;
  mkdirSync(dir, { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock older than the deadline belongs to a run that died; take it over.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 30_000) rmSync(lock, { force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() > deadline) throw new UserError(`pricing cache ${dir} is locked by another costdiff run (${lock})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

export interface WriteOptions {
  /** Replace the manifest's snapshot date and source list (the importer); refresh keeps them. */
  snapshot?: string;
  sources?: CacheSource[];
  /** Remove manifest entries not written now (a full re-import). */
  replaceAll?: boolean;
}

/** Writes cache files and records their checksums in the manifest. */
export function writeCache(dir: string, files: CacheFile[], options: WriteOptions = {}): Manifest {
  return withLock(dir, () => {
    const previous = options.replaceAll ? undefined : readManifest(dir);
    const manifest: Manifest = {
      format: CACHE_FORMAT,
      snapshot: options.snapshot ?? previous?.snapshot ?? '',
      sources: options.sources ?? previous?.sources ?? [],
      files: { ...(previous?.files ?? {}) },
    };
    for (const file of files) {
      const rel = cacheFilePath(file.service, file.region);
      const text = serializeCacheFile(file);
      writeFileAtomic(join(dir, rel), text);
      manifest.files[rel] = { sha256: sha256(text), products: file.products.length };
    }
    const sorted: Manifest = { ...manifest, files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b))) };
    writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(sorted, null, 1) + '\n');
    return sorted;
  });
}
