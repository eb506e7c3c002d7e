/**
 * CPU profile of one CLI run, summarised as self time per function and per file. It runs the
 * unbundled modules (bench/unbundled.ts) so that files and lines point at the source.
 *
 *   node dist/bench/profile.js [--size 10000 | --plan plan.json] [--top 25] [-- <costdiff args>]
 *
 * Without costdiff args it profiles `breakdown --path <plan> --format json --out /dev/null`
 * of a generated plan (same generator and seed as bench/run.ts). `{plan}` in the args is
 * replaced by the plan's path, e.g. `-- diff --path {plan} --format markdown --out /dev/null`.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan, Rng, snapshotCatalog } from '../test/support/generate.js';
import { UNBUNDLED_CLI, cleanEnv, fmtMs, measure, PIPELINE_STAGES, printTable, ROOT, selfTimes, stageTimes } from './lib.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  let cliArgs = dash >= 0 ? argv.slice(dash + 1) : [];
  const opt = (name: string) => {
    const i = own.indexOf(name);
    return i >= 0 ? own[i + 1] : undefined;
  };
  const size = Number(opt('--size') ?? 10000);
  const top = Number(opt('--top') ?? 25);
  const dir = mkdtempSync(join(tmpdir(), 'costdiff-profile-'));
  try {
    let plan = opt('--plan');
    if (!plan) {
      const mixed = cliArgs[0] === 'diff';
      const catalog = snapshotCatalog(join(ROOT, 'pricing-cache'));
      // Same seeds as bench/run.ts, so figures compare.
      plan = join(dir, 'plan.json');
      writeFileSync(plan, JSON.stringify(generatePlan(new Rng(mixed ? 7 + size : 42 + size), { resources: size, catalog, ...(mixed ? { actions: 'mixed' as const } : {}) }).plan));
    }
    if (cliArgs.length === 0) cliArgs = ['breakdown', '--path', '{plan}', '--format', 'json', '--out', '/dev/null'];
    cliArgs = cliArgs.map((a) => (a === '{plan}' ? (plan as string) : a));
    const profDir = join(dir, 'prof');
    mkdirSync(profDir);
    const m = measure(['--cpu-prof', '--cpu-prof-dir', profDir, UNBUNDLED_CLI, ...cliArgs], { env: cleanEnv(), timeoutMs: 900_000 });
    console.log(`costdiff ${cliArgs.join(' ')}: exit ${m.status}, ${fmtMs(m.ms)} wall (profiling on), peak ${m.rssMb?.toFixed(0) ?? '?'} MB`);
    if (m.status !== 0) console.log(`  ${m.stderr.trim().split('\n')[0] ?? ''}`);
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) {
      console.log(`no profile written: ${m.stderr.trim().split('\n')[0] ?? ''}`);
      return;
    }
    const { byFunction, byFile, totalMs } = selfTimes(join(profDir, file));
    console.log(`profiled ${fmtMs(totalMs)}\n`);
    printTable(['function', 'where', 'self', '%'], byFunction.slice(0, top).map((e) => [e.name, e.where, fmtMs(e.ms), e.percent.toFixed(1)]));
    console.log('');
    printTable(['file', 'self', '%'], byFile.slice(0, Math.ceil(top / 2)).map((e) => [e.name, fmtMs(e.ms), e.percent.toFixed(1)]));
    console.log('');
    printTable(['stage (inclusive)', 'time', '%'], stageTimes(join(profDir, file), PIPELINE_STAGES).map((s) => [s.name, fmtMs(s.ms), s.percent.toFixed(1)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
