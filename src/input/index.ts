import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../core/errors.js';
import { readPlanJson } from './plan.js';
import type { Project, RegionDefaults } from './types.js';

export interface InputOptions extends RegionDefaults {
  /** .tf inputs: var files and -var values, in the order given. */
  varFiles?: string[];
  vars?: Record<string, string>;
  projectName?: string;
}

/** A binary plan is a zip archive. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads whatever `--path` names: a plan JSON file, a binary plan (through `terraform show
 * -json`), or a directory of .tf files (parsed directly, no terraform needed).
 */
export async function readProjects(path: string, options: InputOptions): Promise<Project[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`${path}: no such file or directory`);
  }
  if (info.isDirectory()) {
    // The HCL evaluator is only loaded when a directory is read.
    const hcl = await import('./hcl/index.js');
    return hcl.readTerraformDirectory(path, {
      varFiles: options.varFiles ?? [],
      vars: options.vars ?? {},
      env: options.env,
      regionFlag: options.flag,
      projectName: options.projectName,
    });
  }
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`${path}: cannot read (${err.code ?? err.message})`);
  });
  const text = bytes.subarray(0, 4).equals(ZIP_MAGIC) ? await showBinaryPlan(path) : bytes.toString('utf8');
  const doc = parseJson(text, path);
  const project = readPlanJson(doc, path, options);
  if (options.projectName) project.name = options.projectName;
  return [project];
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = (err as Error).message.replace(/^JSON\.parse: /, '').replace(/^Unexpected/, 'unexpected');
    throw new UserError(`${file}: not valid JSON (${detail})`);
  }
}

/** Converts a binary plan with the terraform on PATH, run in the plan's directory. */
async function showBinaryPlan(path: string): Promise<string> {
  const terraform = process.env.COSTDIFF_TERRAFORM_BINARY || 'terraform';
  try {
    const { stdout } = await promisify(execFile)(terraform, ['show', '-json', resolve(path)], {
      cwd: dirname(resolve(path)),
      maxBuffer: 1024 * 1024 * 1024,
      env: { ...process.env, TF_IN_AUTOMATION: '1' },
    });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new UserError(`${path} is a binary Terraform plan; reading it needs terraform on PATH (or pass the output of \`terraform show -json\`)`);
    }
    const reason = (e.stderr ?? '').split('\n').map((l) => l.replace(/[│╷╵]/g, '').trim()).find((l) => l && !/^Error:?$/.test(l)) ?? e.message;
    throw new UserError(`${path}: \`terraform show -json\` failed: ${reason}`);
  }
}
