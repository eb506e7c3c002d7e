import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../src/input/hcl/ast.js';
import { evaluate, type Resolver, type Scope } from '../../../src/input/hcl/eval.js';
import { readTerraformDirectory, type HclReadOptions } from '../../../src/input/hcl/index.js';
import { parseHclExpression } from '../../../src/input/hcl/parser.js';
import type { Value } from '../../../src/input/hcl/values.js';
import { UNKNOWN, type Project } from '../../../src/input/types.js';

/** The repository root: the nearest directory above this file with a package.json. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test file');
    dir = up;
  }
  return dir;
}

export function fixture(name: string): string {
  return path.join(repoRoot(), 'fixtures', 'hcl', name);
}

export const NO_OPTIONS: HclReadOptions = { varFiles: [], vars: {}, env: {} };

/** Writes `files` (relative path → content) into a fresh temporary directory. */
export function makeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'costdiff-hcl-test-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

export async function withTree<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeTree(files);
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a tree given as files and returns its single project. */
export async function readTree(files: Record<string, string>, options: Partial<HclReadOptions> = {}): Promise<Project> {
  return withTree(files, async (dir) => {
    const [p] = await readTerraformDirectory(dir, { ...NO_OPTIONS, ...options });
    return p;
  });
}

/** Error message of a rejected read, with the temporary directory replaced by "<dir>". */
export async function readTreeError(files: Record<string, string>, options: Partial<HclReadOptions> = {}): Promise<string> {
  return withTree(files, async (dir) => {
    try {
      await readTerraformDirectory(dir, { ...NO_OPTIONS, ...options });
    } catch (err) {
      return (err as Error).message.split(dir).join('<dir>');
    }
    throw new Error('expected an error');
  });
}

/**
 * Evaluates one expression. `var.x` reads `vars`, `local.unknown` and `data.*` are UNKNOWN;
 * for_each/count contexts can be given.
 */
export function ev(src: string, vars: Record<string, Value> = {}, extra: Partial<Scope> = {}): Value {
  const file: SourceFile = { path: 'test.tf', text: src };
  const expr = parseHclExpression(file);
  const r: Resolver = {
    baseDir: repoRoot(),
    spend: () => undefined,
    ref(root, name) {
      if (root === 'var') {
        if (!(name in vars)) throw new Error(`no var ${name}`);
        return vars[name];
      }
      if (root === 'local' && name === 'unknown') return UNKNOWN;
      throw new Error(`unexpected reference ${root}.${name}`);
    },
    data: () => UNKNOWN,
    moduleOutput: () => UNKNOWN,
  };
  return evaluate(expr, { file, r, vars: null, ...extra });
}

/** The message of an error thrown by `fn`. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
}
