import { BEHAVIORS } from '../vcs/github/behaviors.js';
import type { CommandSpec, OptionSpec, OptionValues, Program } from './args.js';

/**
 * Every command and option of the CLI, declared in one place: the parser validates against it and
 * `--help` is written from it. A command's code is imported only when that command runs, so
 * `costdiff --help` and an offline breakdown never load Octokit, the AWS SDK or the HCL parser.
 */

export const BREAKDOWN_FORMATS = ['table', 'json', 'html'] as const;
export const DIFF_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export const RESOURCES_FORMATS = ['table', 'json', 'markdown'] as const;

const ESTIMATE_OPTIONS: Record<string, OptionSpec> = {
  path: { type: 'string', placeholder: 'PATH', describe: 'plan JSON, binary plan, .tf directory, or a monorepo directory (default: the projects of costdiff.yml)' },
  'usage-file': { type: 'string', placeholder: 'FILE', describe: 'usage file (Infracost format: version 0.1, resource_usage)' },
  region: { type: 'string', placeholder: 'REGION', describe: 'region when neither the configuration nor AWS_REGION/AWS_DEFAULT_REGION sets one' },
  'terraform-var-file': { type: 'string', array: true, placeholder: 'FILE', describe: '.tfvars file for .tf directories' },
  'terraform-var': { type: 'string', array: true, placeholder: 'NAME=VALUE', describe: 'variable for .tf directories' },
  'project-name': { type: 'string', placeholder: 'NAME', describe: 'name to show for the project' },
  config: { type: 'string', placeholder: 'FILE', describe: 'costdiff.yml: projects, unit economics, forecast, budgets (default: ./costdiff.yml when present)' },
  out: { type: 'string', placeholder: 'FILE', describe: 'write the report to this file instead of stdout' },
};

const PRICING_OPTIONS: Record<string, OptionSpec> = {
  'pricing-cache': { type: 'string', placeholder: 'DIR', describe: 'pricing cache directory (default: the bundled snapshot; env COSTDIFF_PRICING_CACHE)' },
  online: { type: 'boolean', describe: 'on a cache miss, ask the AWS Price List API (env COSTDIFF_PRICING=online)' },
};

const GITHUB_TARGET_OPTIONS: Record<string, OptionSpec> = {
  repo: { type: 'string', placeholder: 'OWNER/NAME', describe: 'repository (default: GITHUB_REPOSITORY)' },
  'pull-request': { type: 'number', describe: 'pull request number (default: from GITHUB_EVENT_PATH)' },
  'github-token': { type: 'string', placeholder: 'TOKEN', describe: 'token (default: GITHUB_TOKEN)' },
};

const DIFF_JSON: OptionSpec = { type: 'string', required: true, placeholder: 'FILE', describe: 'diff JSON from `costdiff diff --format json`' };

type Runner = (values: OptionValues) => Promise<void> | void;

/** Imports a command module when (and only when) it runs. */
function lazy(load: () => Promise<Runner>): Runner {
  return async (values) => (await load())(values);
}

const COMMANDS: CommandSpec[] = [
  {
    path: ['breakdown'],
    describe: 'Monthly cost of every resource in a plan or .tf directory',
    options: {
      ...ESTIMATE_OPTIONS,
      ...PRICING_OPTIONS,
      format: { type: 'string', choices: BREAKDOWN_FORMATS, default: 'table', describe: 'output format' },
    },
    run: lazy(async () => (await import('./commands/breakdown.js')).runBreakdown),
  },
  {
    path: ['diff'],
    describe: 'Monthly cost change between a baseline and --path (a plan alone: its prior state against the plan)',
    options: {
      ...ESTIMATE_OPTIONS,
      'compare-to': {
        type: 'string',
        placeholder: 'BASELINE',
        describe: 'costdiff JSON output, plan JSON, binary plan, .tf directory, or git:<ref> (--path at that ref)',
      },
      ...PRICING_OPTIONS,
      format: { type: 'string', choices: DIFF_FORMATS, default: 'table', describe: 'output format' },
      tag: { type: 'string', placeholder: 'TAG', describe: 'markdown: tag of the hidden marker, <!-- costdiff:TAG -->' },
    },
    run: lazy(async () => (await import('./commands/diff.js')).runDiff),
  },
  {
    path: ['comment', 'github'],
    describe: 'Post the cost diff as a GitHub pull request comment, updated in place on re-runs',
    options: {
      path: DIFF_JSON,
      ...GITHUB_TARGET_OPTIONS,
      behavior: { type: 'string', choices: BEHAVIORS, default: 'update', describe: 'what to do with the previous costdiff comment' },
      tag: { type: 'string', placeholder: 'TAG', describe: 'keep separate comments per workflow: marker <!-- costdiff:TAG -->' },
      'dry-run': { type: 'boolean', describe: 'print the comment and what would be done; no request' },
      'skip-no-diff': { type: 'boolean', describe: 'post nothing when no resource and no cost changes' },
      config: { type: 'string', placeholder: 'FILE', describe: 'costdiff.yml for the verdict, unit economics, forecast and budgets (default: ./costdiff.yml when present)' },
    },
    run: lazy(async () => (await import('./commands/comment.js')).runCommentGithub),
  },
  {
    path: ['check'],
    describe: 'Check a cost diff against the budgets and policies of costdiff.yml; in a pull request, read approvals and set the "costdiff" commit status',
    details: 'Exit 0 when the change passes or is approved, 3 when it needs approval or was rejected.',
    options: {
      path: DIFF_JSON,
      config: { type: 'string', placeholder: 'FILE', describe: 'config file (default: ./costdiff.yml when present)' },
      ...GITHUB_TARGET_OPTIONS,
    },
    run: lazy(async () => (await import('./commands/check.js')).runCheck),
  },
  {
    path: ['pricing', 'info'],
    describe: 'Snapshot date, sources, and the services and regions the pricing cache covers',
    options: { 'pricing-cache': PRICING_OPTIONS['pricing-cache'], json: { type: 'boolean', describe: 'print as JSON' } },
    run: lazy(async () => (await import('./commands/pricing.js')).runPricingInfo),
  },
  {
    path: ['pricing', 'verify'],
    describe: 'Check every pricing cache file against the manifest checksums',
    options: { 'pricing-cache': PRICING_OPTIONS['pricing-cache'] },
    run: lazy(async () => (await import('./commands/pricing.js')).runPricingVerify),
  },
  {
    path: ['pricing', 'refresh'],
    describe: 'Fetch prices from the AWS Price List API into the cache (needs AWS credentials)',
    options: {
      'pricing-cache': PRICING_OPTIONS['pricing-cache'],
      region: { type: 'string', array: true, placeholder: 'REGION', describe: 'regions to refresh (default: the regions the cache has)' },
      service: { type: 'string', array: true, placeholder: 'CODE', describe: 'Price List service codes (default: those costdiff prices)' },
    },
    run: lazy(async () => (await import('./commands/pricing.js')).runPricingRefresh),
  },
  {
    path: ['resources'],
    describe: 'List the resource types costdiff prices (with their usage keys), the free ones and the unsupported ones',
    options: { format: { type: 'string', choices: RESOURCES_FORMATS, default: 'table', describe: 'output format' } },
    run: lazy(async () => (await import('./commands/resources.js')).runResources),
  },
];

export function program(version: string): Program {
  return {
    name: 'costdiff',
    version,
    summary: 'What a Terraform change will cost on AWS, before it merges.',
    commands: COMMANDS,
    globalOptions: { debug: { type: 'boolean', describe: 'print stack traces on errors' } },
    epilogue: 'Exit codes: 0 success, 1 error, 2 bad usage, 3 a cost policy failed and was not approved.',
  };
}
