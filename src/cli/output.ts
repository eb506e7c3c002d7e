import { writeFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

/** Writes a report to --out, or to stdout. */
export async function emit(text: string, out: string | undefined): Promise<void> {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new UserError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function warn(line: string): void {
  process.stderr.write(`costdiff: warning: ${line}\n`);
}
