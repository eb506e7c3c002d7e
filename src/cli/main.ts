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
  // Stack traces name src/*.ts lines through the bundle's source maps; off otherwise, as reading
  // maps costs start-up time.
  if (debug) process.setSourceMapsEnabled(true);
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
      process.stderr.write(`costdiff: ${oneLine(err.message)}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    process.stderr.write(`costdiff: internal error: ${oneLine(errorMessage(err))} (rerun with --debug for details)\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

/**
 * Messages quote input (a region, a JSON excerpt): control characters and line breaks in it are
 * escaped so the error stays one line and cannot drive a terminal; a huge quoted value is cut.
 */
function oneLine(message: string): string {
  const escaped = message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > 2000 ? `${escaped.slice(0, 2000)}…` : escaped;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
