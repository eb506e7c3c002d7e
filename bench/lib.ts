/**
 * Helpers of the benchmarks: spawn a node process and measure its wall time and peak memory,
 * medians, and reading a V8 CPU profile. Figures only: nothing here passes or fails a build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 10 && !existsSync(join(dir, 'package.json')); i++) dir = join(dir, '..');
  return dir;
}

export const ROOT = repoRoot();
export const CLI = join(ROOT, 'bin', 'costdiff.js');
/** The same CLI from unbundled modules, for profiles that name source files (bench/unbundled.ts). */
export const UNBUNDLED_CLI = join(ROOT, 'dist', 'bench', 'unbundled.js');
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

export interface Measured {
  ms: number;
  /** Peak resident set size in MB, when it could be measured. */
  rssMb?: number;
  status: number | null;
  stderr: string;
  stdout: string;
}

/** Environment of a measured run: offline, no region from the caller, no colours. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|COSTDIFF_|AWS_|NODE_OPTIONS)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * Runs `node <args>` once. Peak memory comes from GNU time (%M, KB) when it exists, else from
 * the child's own process.resourceUsage() written at exit by a preloaded one-liner.
 */
export function measure(nodeArgs: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; rssFile?: string } = {}): Measured {
  const rssFile = options.rssFile ?? join(tmpdir(), `costdiff-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const env = options.env ?? cleanEnv();
  let cmd: string;
  let args: string[];
  if (HAS_TIME) {
    cmd = TIME;
    args = ['-f', '%M', '-o', rssFile, process.execPath, ...nodeArgs];
  } else {
    cmd = process.execPath;
    const hook = `import fs from 'node:fs';process.on('exit',()=>fs.writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
    args = ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...nodeArgs];
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', timeout: options.timeoutMs ?? 600_000, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssMb: number | undefined;
  try {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb) && kb > 0) rssMb = kb / 1024;
  } catch {
    // no figure: the process died before writing it
  }
  rmSync(rssFile, { force: true });
  return { ms, rssMb, status: r.status, stderr: r.stderr ?? '', stdout: r.stdout ?? '' };
}

export interface Series {
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMb?: number;
  runs: number;
  failed?: string;
}

/** Runs `n` times (after one warm-up of the file cache when `warmup`), returns the median. */
export function series(nodeArgs: string[], n: number, options: { warmup?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Series {
  if (options.warmup) measure(nodeArgs, options);
  const runs: Measured[] = [];
  for (let i = 0; i < n; i++) {
    const m = measure(nodeArgs, options);
    if (m.status !== 0) {
      return { medianMs: NaN, minMs: NaN, maxMs: NaN, runs: i, failed: `exit ${m.status}: ${m.stderr.trim().split('\n')[0] ?? ''}` };
    }
    runs.push(m);
  }
  const ms = runs.map((r) => r.ms);
  const rss = runs.map((r) => r.rssMb).filter((x): x is number => x !== undefined);
  return { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), peakRssMb: rss.length ? Math.max(...rss) : undefined, runs: n };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// --- CPU profiles -----------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  percent: number;
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 14);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 6);
  return url.replace(/^file:\/\//, '');
}

/** Self time per function (and per file), from a .cpuprofile. */
export function selfTimes(profilePath: string): { byFunction: SelfTime[]; byFile: SelfTime[]; totalMs: number } {
  const p = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const totalUs = p.endTime - p.startTime;
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const file = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const where = `${shortUrl(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    const name = n.callFrame.functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const e = fn.get(key) ?? { name, where, us: 0 };
    e.us += us;
    fn.set(key, e);
    const f = n.callFrame.url ? shortUrl(n.callFrame.url) : name;
    file.set(f, (file.get(f) ?? 0) + us);
  }
  const toRow = (name: string, where: string, us: number): SelfTime => ({ name, where, ms: us / 1000, percent: (100 * us) / totalUs });
  return {
    byFunction: [...fn.values()].map((e) => toRow(e.name, e.where, e.us)).sort((a, b) => b.ms - a.ms),
    byFile: [...file].map(([f, us]) => toRow(f, '', us)).sort((a, b) => b.ms - a.ms),
    totalMs: totalUs / 1000,
  };
}

/** Functions of src/ that mark the pipeline's stages in a profile (missing ones show 0). */
export const PIPELINE_STAGES = ['readProjects', 'parseJson', 'readPlanJson', 'loadUsage', 'evaluateSide', 'createPricing', 'resolvePrices', 'estimateProject', 'recommend', 'renderJson', 'renderDiffJson', 'renderMarkdown', 'emit'];

/**
 * Inclusive time of the pipeline's stages: samples whose stack holds a frame of that function
 * (in a file under dist/src or dist/bundle), each sample counted once per stage.
 */
export function stageTimes(profilePath: string, stages: string[]): { name: string; ms: number; percent: number }[] {
  const p = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const wanted = new Set(stages);
  const memo = new Map<number, Set<string>>();
  const stagesOf = (id: number): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const n = byId.get(id);
    const up = parent.get(id);
    const set = new Set(up !== undefined ? stagesOf(up) : []);
    if (n && wanted.has(n.callFrame.functionName) && /\/dist\/(src|bundle)\//.test(n.callFrame.url)) set.add(n.callFrame.functionName);
    memo.set(id, set);
    return set;
  };
  const us = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) for (const s of stagesOf(p.samples[i])) us.set(s, (us.get(s) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = p.endTime - p.startTime;
  return stages.map((name) => ({ name, ms: (us.get(name) ?? 0) / 1000, percent: (100 * (us.get(name) ?? 0)) / total }));
}

// --- printing ---------------------------------------------------------------------------------

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function fmtMb(mb: number | undefined): string {
  return mb === undefined || !Number.isFinite(mb) ? '—' : `${mb.toFixed(0)} MB`;
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
