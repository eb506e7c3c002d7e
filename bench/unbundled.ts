/**
 * The CLI run from tsc's output in dist/src rather than the bundle bin/costdiff.js runs: CPU
 * profiles of it name each function's source file, and bench/run.ts compares the two start-ups.
 *
 *   node dist/bench/unbundled.js <costdiff args>
 */
import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
