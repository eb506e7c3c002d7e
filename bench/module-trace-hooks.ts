/** Module hooks for module-trace.ts; they run on the loader thread, so they write the file directly. */
import { appendFileSync } from 'node:fs';

let out: string | undefined;

export function initialize(data: { out?: string } | undefined): void {
  out = data?.out;
}

type LoadResult = { format?: string | null; source?: unknown; shortCircuit?: boolean };
type NextLoad = (url: string, context?: unknown) => Promise<LoadResult>;

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  // Appending synchronously means the line is on disk even if the process dies right after.
  if (out) appendFileSync(out, `${url}\n`);
  return nextLoad(url, context);
}
