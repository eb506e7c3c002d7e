import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { CACHE_FORMAT, MANIFEST_FILE, cacheFilePath, type CacheFile, type CacheSource, type Manifest } from './format.js';
import { CacheIntegrityError, readManifest, sha256 } from './reader.js';

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
  /** Snapshot date for a manifest that has none yet (a refresh into an empty directory). */
  snapshotIfEmpty?: string;
  /** Sources to record in the manifest; one with the same kind and source replaces the older one. */
  addSources?: CacheSource[];
}

/** Writes cache files and records their checksums in the manifest. */
export function writeCache(dir: string, files: CacheFile[], options: WriteOptions = {}): Manifest {
  return updateCache(
    dir,
    files.map((file) => ({ service: file.service, region: file.region, merge: () => file })),
    options,
  );
}

/** A change to one cache file, computed from the file as it is on disk when the lock is held. */
export interface CacheEdit {
  service: string;
  region: string;
  /** Receives the current file (undefined when the manifest does not list it); undefined = leave it. */
  merge(current: CacheFile | undefined): CacheFile | undefined;
}

/**
 * Read-modify-write of cache files under the manifest lock, so two processes adding products to
 * the same file (online lookups, refreshes) never lose each other's work.
 */
export function updateCache(dir: string, edits: CacheEdit[], options: WriteOptions = {}): Manifest {
  return withLock(dir, () => {
    const previous = options.replaceAll ? undefined : readManifest(dir);
    const sources = options.sources ?? previous?.sources ?? [];
    const manifest: Manifest = {
      format: CACHE_FORMAT,
      snapshot: options.snapshot ?? (previous?.snapshot || options.snapshotIfEmpty || ''),
      sources: mergeSources(sources, options.addSources ?? []),
      files: { ...(previous?.files ?? {}) },
    };
    for (const edit of edits) {
      const rel = cacheFilePath(edit.service, edit.region);
      const current = previous?.files[rel] ? readListedFile(dir, rel, previous.files[rel].sha256) : undefined;
      const file = edit.merge(current);
      if (!file) continue;
      const text = serializeCacheFile(file);
      writeFileAtomic(join(dir, rel), text);
      manifest.files[rel] = { sha256: sha256(text), products: file.products.length };
    }
    const sorted: Manifest = { ...manifest, files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b))) };
    writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(sorted, null, 1) + '\n');
    return sorted;
  });
}

function mergeSources(existing: CacheSource[], added: CacheSource[]): CacheSource[] {
  const out = [...existing];
  for (const s of added) {
    const i = out.findIndex((o) => o.kind === s.kind && o.source === s.source);
    if (i >= 0) out[i] = s;
    else out.push(s);
  }
  return out;
}

function readListedFile(dir: string, rel: string, checksum: string): CacheFile | undefined {
  const path = join(dir, rel);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read pricing cache file ${path}: ${(err as Error).message}`);
  }
  // Never merge into a file that was corrupted or edited by hand: its prices would be re-blessed.
  if (sha256(text) !== checksum) {
    throw new CacheIntegrityError(`pricing cache file ${path} does not match its checksum in ${MANIFEST_FILE}; restore it or run \`costdiff pricing refresh\``);
  }
  return JSON.parse(text) as CacheFile;
}
