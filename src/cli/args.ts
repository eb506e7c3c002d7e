import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';

/**
 * A small declarative command line on node:util's parseArgs. costdiff runs on every pull request
 * and from editors' save hooks, so start-up time matters: loading yargs alone costs more than
 * node's own start-up (see `npm run bench`, "start-up"), while this needs no module at all.
 * Commands declare their options; this file parses, validates, and writes help from them.
 */

export interface OptionSpec {
  type: 'string' | 'boolean' | 'number';
  describe: string;
  /** Repeatable: the value is an array of every occurrence. */
  array?: boolean;
  required?: boolean;
  choices?: readonly string[];
  default?: string | boolean | number;
  /** Shown in help instead of the type, e.g. "FILE". */
  placeholder?: string;
}

export type OptionValues = Record<string, string | boolean | number | string[] | undefined>;

export interface CommandSpec {
  /** Words that select the command: ['breakdown'], ['comment', 'github'], ['pricing', 'info']. */
  path: string[];
  describe: string;
  /** Longer text for the command's own --help. */
  details?: string;
  options: Record<string, OptionSpec>;
  run(values: OptionValues): Promise<void> | void;
}

export interface Program {
  name: string;
  version: string;
  summary: string;
  commands: CommandSpec[];
  globalOptions: Record<string, OptionSpec>;
  epilogue: string;
}

export type Parsed =
  | { kind: 'run'; command: CommandSpec; values: OptionValues }
  | { kind: 'help'; text: string }
  | { kind: 'version'; text: string };

const HELP: OptionSpec = { type: 'boolean', describe: 'show help' };

export function parseCommandLine(program: Program, argv: string[]): Parsed {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (words.length === 0) {
    if (argv.includes('--version')) return { kind: 'version', text: `${program.version}\n` };
    if (wantsHelp) return { kind: 'help', text: programHelp(program) };
    throw new UsageError(`name a command (${topLevelNames(program).join(', ')}); see costdiff --help`);
  }

  const command = findCommand(program, words);
  if (!command) {
    const group = program.commands.filter((c) => c.path[0] === words[0]);
    if (group.length && words.length === 1) {
      if (wantsHelp) return { kind: 'help', text: groupHelp(program, words[0], group) };
      throw new UsageError(`name a ${words[0]} action: ${group.map((c) => c.path.slice(1).join(' ')).join(', ')}`);
    }
    const suggestion = closest(words.join(' '), program.commands.map((c) => c.path.join(' ')));
    throw new UsageError(`unknown command "${words.join(' ')}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
  }
  if (wantsHelp) return { kind: 'help', text: commandHelp(program, command) };

  const specs = { ...program.globalOptions, ...command.options, help: HELP };
  const rest = argv.slice(command.path.length);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(specs).map(([name, s]) => [name, { type: s.type === 'boolean' ? 'boolean' : 'string', multiple: Boolean(s.array) }]),
      ),
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new UsageError(usageMessage((err as Error).message, command));
  }

  const values: OptionValues = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = parsed.values[name] as string | boolean | string[] | undefined;
    values[name] = convert(name, spec, raw);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && (values[name] === undefined || values[name] === '')) {
      throw new UsageError(`${command.path.join(' ')} needs --${name} (${spec.describe})`);
    }
  }
  return { kind: 'run', command, values };
}

function convert(name: string, spec: OptionSpec, raw: string | boolean | string[] | undefined): OptionValues[string] {
  if (raw === undefined) return spec.default;
  if (spec.type === 'boolean') return raw as boolean;
  const list = Array.isArray(raw) ? raw : [raw as string];
  for (const v of list) {
    if (spec.choices && !spec.choices.includes(v)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${v}"`);
    }
  }
  if (spec.type === 'number') {
    const numbers = list.map((v) => {
      if (!/^-?\d+(\.\d+)?$/.test(v)) throw new UsageError(`--${name} expects a number; got "${v}"`);
      return Number(v);
    });
    return spec.array ? (numbers as unknown as string[]) : numbers[numbers.length - 1];
  }
  return spec.array ? list : list[list.length - 1];
}

/** parseArgs messages name the flag but not the command; make them say what to do. */
function usageMessage(message: string, command: CommandSpec): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  const hint = `see costdiff ${command.path.join(' ')} --help`;
  if (unknown) {
    const name = unknown[1].replace(/^-+/, '');
    const suggestion = closest(name, Object.keys(command.options));
    return `unknown option ${unknown[1]} for costdiff ${command.path.join(' ')}${suggestion ? `; did you mean --${suggestion}?` : ''} (${hint})`;
  }
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `${missing[1].replace(/^-\w, /, '')} needs a value (${hint})`;
  return `${message.split('\n')[0]} (${hint})`;
}

function findCommand(program: Program, words: string[]): CommandSpec | undefined {
  let best: CommandSpec | undefined;
  for (const c of program.commands) {
    if (c.path.length <= words.length && c.path.every((w, i) => words[i] === w)) {
      if (!best || c.path.length > best.path.length) best = c;
    }
  }
  // Extra words after a command are positionals, which no command takes.
  if (best && words.length > best.path.length) {
    throw new UsageError(`unexpected argument "${words[best.path.length]}" for costdiff ${best.path.join(' ')}`);
  }
  return best;
}

function topLevelNames(program: Program): string[] {
  return [...new Set(program.commands.map((c) => c.path[0]))];
}

// --- help -----------------------------------------------------------------------------------

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, s]) => {
    const value = s.type === 'boolean' ? '' : ` ${s.placeholder ?? (s.choices ? s.choices.join('|') : s.type === 'number' ? 'N' : 'VALUE')}`;
    const flags = [s.required ? 'required' : '', s.array ? 'repeatable' : '', s.default !== undefined && s.type !== 'boolean' ? `default: ${String(s.default)}` : '']
      .filter(Boolean)
      .join(', ');
    return [`--${name}${value}`, `${s.describe}${flags ? ` [${flags}]` : ''}`];
  });
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)) + 2);
  return rows.map(([l, r]) => `  ${l.padEnd(width)}${l.length >= width ? `\n  ${' '.repeat(width)}` : ''}${r}`);
}

function programHelp(program: Program): string {
  const width = Math.max(...program.commands.map((c) => c.path.join(' ').length)) + 2;
  return [
    `${program.name} <command> [options]`,
    '',
    program.summary,
    '',
    'Commands:',
    ...program.commands.map((c) => `  ${program.name} ${c.path.join(' ').padEnd(width)}${c.describe}`),
    '',
    'Options:',
    ...optionLines({ ...program.globalOptions, help: HELP, version: { type: 'boolean', describe: 'show the version' } }),
    '',
    `Run "${program.name} <command> --help" for a command's options.`,
    program.epilogue,
    '',
  ].join('\n');
}

function groupHelp(program: Program, group: string, commands: CommandSpec[]): string {
  return [
    `${program.name} ${group} <action> [options]`,
    '',
    'Actions:',
    ...commands.map((c) => `  ${program.name} ${c.path.join(' ').padEnd(24)}${c.describe}`),
    '',
  ].join('\n');
}

function commandHelp(program: Program, command: CommandSpec): string {
  return [
    `${program.name} ${command.path.join(' ')} [options]`,
    '',
    command.describe,
    ...(command.details ? ['', command.details] : []),
    '',
    'Options:',
    ...optionLines({ ...command.options, ...program.globalOptions, help: HELP }),
    '',
    program.epilogue,
    '',
  ].join('\n');
}

/** The candidate within edit distance 2, for "did you mean". */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
