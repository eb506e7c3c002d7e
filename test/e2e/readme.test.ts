import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/repo.js';

const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');

describe('README and CLI stay in step', () => {
  it('the coverage section is generated from the registry and current', () => {
    const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'scripts', 'generate-coverage.js'), '--check'], { cwd: repoRoot(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('starts with the command for the bundled example and the test command', () => {
    const commands = readme.split('```sh\n')[1].split('```')[0];
    expect(commands).toMatch(/^npm ci && node bin\/costdiff\.js breakdown --path fixtures\/plans\/example\.json/m);
    expect(commands).toMatch(/^npm test/m);
  });

  it('documents every command --help lists', () => {
    const help = runCli(['--help']).stdout;
    const commands = [...help.matchAll(/^ {2}costdiff ([a-z ]+?) {2,}/gm)].map((m) => m[1].trim());
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const c of commands) expect(readme).toContain(`costdiff ${c}`);
  });
});
