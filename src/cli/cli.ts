import yargs from 'yargs';
import { UsageError } from '../core/errors.js';
import { breakdownCommand } from './commands/breakdown.js';
import { diffCommand } from './commands/diff.js';
import { commentCommand } from './commands/comment.js';
import { checkCommand } from './commands/check.js';
import { pricingCommand } from './commands/pricing.js';
import { resourcesCommand } from './commands/resources.js';

export function buildCli(argv: string[]) {
  const y = yargs(argv)
    .scriptName('costdiff')
    .usage('$0 <command> [options]\n\nWhat a Terraform change will cost on AWS, before it merges.')
    .option('debug', { type: 'boolean', describe: 'print stack traces on errors' })
    .strict()
    .demandCommand(1, 'name a command')
    .recommendCommands()
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 110))
    .epilogue('Exit codes: 0 success, 1 error, 2 bad usage, 3 a cost policy failed and was not approved.');
  breakdownCommand(y);
  diffCommand(y);
  commentCommand(y);
  checkCommand(y);
  pricingCommand(y);
  resourcesCommand(y);
  return y;
}
