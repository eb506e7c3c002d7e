/**
 * Records every module a node process loads, for the start-up benchmark and the start-up test:
 *
 *   COSTDIFF_MODULE_TRACE=out.txt node --import <dist/bench/module-trace.js URL> bin/costdiff.js …
 *
 * ES modules are seen by a load hook (module.register); CommonJS files loaded with require()
 * inside CommonJS packages never pass through ESM hooks in Node 20, so require.cache is dumped
 * at exit as well. One file URL per line, duplicates possible.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.COSTDIFF_MODULE_TRACE;
if (out) {
  writeFileSync(out, '');
  register('./module-trace-hooks.js', import.meta.url, { data: { out } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const cjs = Object.keys(require.cache).map((f) => pathToFileURL(f).href);
    if (cjs.length) appendFileSync(out, `${cjs.join('\n')}\n`);
  });
}
