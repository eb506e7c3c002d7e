/**
 * Long fuzz runs of the real CLI (the test runs a few hundred fixed cases; this runs thousands).
 *
 *   node dist/bench/fuzz.js [--seed N] [--count N] [--case I] [--kind plan|usage|config|hcl]
 *                           [--jobs 2] [--timeout 20] [--keep]
 *
 * Prints a summary and every failing case with the command that reruns it alone. Failing
 * inputs are kept in the printed directory; passing ones are deleted unless --keep.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCase, describe, loadSeeds, pool, runCase, type CaseKind, type Outcome } from '../test/fuzz/harness.js';
import { ROOT } from './lib.js';

interface Args {
  seed: number;
  count: number;
  only?: number;
  kind?: CaseKind;
  jobs: number;
  timeoutMs: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seed: Date.now() % 1_000_000, count: 2000, jobs: 2, timeoutMs: 20_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--seed':
        a.seed = Number(v);
        i++;
        break;
      case '--count':
        a.count = Number(v);
        i++;
        break;
      case '--case':
        a.only = Number(v);
        i++;
        break;
      case '--kind':
        a.kind = v as CaseKind;
        i++;
        break;
      case '--jobs':
        a.jobs = Math.max(1, Number(v));
        i++;
        break;
      case '--timeout':
        a.timeoutMs = Number(v) * 1000;
        i++;
        break;
      case '--keep':
        a.keep = true;
        break;
    }
  }
  if (!Number.isInteger(a.seed) || !Number.isInteger(a.count) || a.count < 1) throw new Error('--seed and --count take integers');
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const seeds = loadSeeds(ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'costdiff-fuzz-'));
  const indices = args.only !== undefined ? [args.only] : Array.from({ length: args.count }, (_, i) => i);
  const kinds = Object.entries(seeds.commands).filter(([, on]) => on).map(([k]) => k);
  console.log(`fuzz seed ${args.seed}, ${indices.length} case(s), ${args.jobs} at a time, timeout ${args.timeoutMs / 1000} s; inputs in ${dir}; CLI has: breakdown, ${kinds.join(', ')}`);
  const t0 = performance.now();
  let done = 0;
  const outcomes: Outcome[] = await pool(indices, args.jobs, async (index) => {
    const caseDir = join(dir, `case-${index}`);
    const c = buildCase(seeds, args.seed, index, caseDir, args.kind);
    const o = await runCase(ROOT, c, args.timeoutMs);
    if (o.problems.length === 0 && !args.keep) rmSync(caseDir, { recursive: true, force: true });
    if (++done % 250 === 0) console.log(`  ${done}/${indices.length}…`);
    return o;
  });
  const failures = outcomes.filter((o) => o.problems.length);
  const byKind = new Map<string, { n: number; exit: Record<string, number>; failed: number; ms: number }>();
  for (const o of outcomes) {
    const k = byKind.get(o.fuzzCase.kind) ?? { n: 0, exit: {}, failed: 0, ms: 0 };
    k.n++;
    k.ms += o.ms;
    const code = o.timedOut ? 'hang' : String(o.status ?? o.signal);
    k.exit[code] = (k.exit[code] ?? 0) + 1;
    if (o.problems.length) k.failed++;
    byKind.set(o.fuzzCase.kind, k);
  }
  console.log(`\n${outcomes.length} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${failures.length} failing`);
  for (const [kind, k] of byKind) {
    console.log(`  ${kind.padEnd(7)} ${String(k.n).padStart(5)} cases, exits ${Object.entries(k.exit).map(([c, n]) => `${c}×${n}`).join(' ')}, ${k.failed} failing, mean ${(k.ms / k.n).toFixed(0)} ms`);
  }
  // The most common messages: a quick read of whether errors say something useful.
  const messages = new Map<string, number>();
  for (const o of outcomes) {
    const first = o.stderr.split('\n').find((l) => l && !l.startsWith('costdiff: warning:'));
    if (!first) continue;
    const shape = first.replace(/\/[^\s:]*\/(case-\d+)\/[^\s:]*/g, '<file>').replace(/\d+/g, 'N').slice(0, 140);
    messages.set(shape, (messages.get(shape) ?? 0) + 1);
  }
  console.log('\nmost common error lines:');
  for (const [m, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(5)}  ${m}`);
  // Not a failure, but a message that echoes a 100 kB value is not one a person can read.
  let longest = { length: 0, o: undefined as Outcome | undefined };
  for (const o of outcomes) for (const l of o.stderr.split('\n')) if (l.length > longest.length) longest = { length: l.length, o };
  console.log(`longest stderr line: ${longest.length} characters${longest.o ? ` (seed ${longest.o.fuzzCase.seed} case ${longest.o.fuzzCase.index}: ${longest.o.stderr.slice(0, 120)}…)` : ''}`);
  const long = outcomes.filter((o) => o.stderr.split('\n').some((l) => l.length > 1000)).length;
  console.log(`cases with a stderr line over 1000 characters: ${long}`);
  if (failures.length) {
    // Grouped by what went wrong, so one bug hit by 40 cases reads as one line.
    const shapes = new Map<string, number[]>();
    for (const o of failures) {
      const shape = o.problems.join('; ').replace(/\/[^\s:]*\/(case-\d+)\/[^\s:]*/g, '<file>').replace(/\d+/g, 'N').slice(0, 200);
      shapes.set(shape, [...(shapes.get(shape) ?? []), o.fuzzCase.index]);
    }
    console.log('\nfailures by kind of problem:');
    for (const [shape, cases] of [...shapes].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${String(cases.length).padStart(5)}  ${shape}\n         cases ${cases.slice(0, 20).join(' ')}${cases.length > 20 ? ' …' : ''}`);
    console.log('\nfailing cases:');
    for (const o of failures.slice(0, 50)) console.log(`  ${describe(o)}`);
    if (failures.length > 50) console.log(`  … and ${failures.length - 50} more`);
    console.log(`\nfailing inputs kept in ${dir}`);
    process.exitCode = 1;
  } else if (!args.keep) {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
