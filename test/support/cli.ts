import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo.js';

export interface CliResult {
  status: number;
  /** Same as status (the name some tests use). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/costdiff.js as a user would, with a clean, offline environment. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  const r = spawnSync(process.execPath, [join(repoRoot(), 'bin', 'costdiff.js'), ...args], {
    cwd: options.cwd ?? repoRoot(),
    env,
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
  });
  return { status: r.status ?? -1, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Compares text with a golden file under test/golden. UPDATE_GOLDEN=1 rewrites it; review the
 * diff of a rewritten golden like any other code change.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(repoRoot(), 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden ${name} is missing`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/**
 * Runs `node bin/costdiff.js …` asynchronously, for tests that serve HTTP from this process, with
 * an environment free of the caller's GitHub, AWS and costdiff settings.
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}, cwd = repoRoot()): Promise<CliResult> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|COSTDIFF_|AWS_)/.test(k)) continue;
    base[k] = v;
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot(), 'bin', 'costdiff.js'), ...args], { cwd, env: { ...base, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ status: code, code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
