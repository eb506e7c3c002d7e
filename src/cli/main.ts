import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, errorMessage } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import { parseCommandLine } from './args.js';
import { program } from './program.js';

/**
 * Entry point. Every failure ends here as one line on stderr and an exit code: 1 for errors,
 * 2 for bad usage, 3 for a failed policy. Stack traces only with --debug.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const parsed = parseCommandLine(program(version()), argv);
    if (parsed.kind !== 'run') {
      process.stdout.write(parsed.text);
      return 0;
    }
    await parsed.command.run(parsed.values);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`costdiff: ${err.message}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    process.stderr.write(`costdiff: internal error: ${errorMessage(err)} (rerun with --debug for details)\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
