import { readdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { UsageError, UserError } from '../core/errors.js';
import { readProjects, type InputOptions } from './index.js';
import type { Project } from './types.js';
import type { UsageFile } from './usage.js';

/**
 * Which projects one run covers. `--path` names a plan, a root module, or a monorepo directory
 * whose root modules are found by looking; without `--path`, the projects listed in costdiff.yml.
 */

/** A project as costdiff.yml lists it (paths relative to the config file). */
export interface ConfiguredProject {
  path: string;
  name?: string;
  usageFile?: string;
  terraformVarFiles: string[];
}

export interface ProjectSelection {
  path?: string;
  configFile?: string;
  configured?: ConfiguredProject[];
  /** costdiff.yml's `usage:`, beneath every project's usage file. */
  usage?: UsageFile;
}

export async function readSelectedProjects(selection: ProjectSelection, input: InputOptions): Promise<Project[]> {
  if (selection.path) return readPath(selection.path, input);
  const configured = selection.configured ?? [];
  if (configured.length === 0) {
    throw new UsageError('name what to price with --path (a plan, a .tf directory or a monorepo), or list projects in costdiff.yml');
  }
  // Paths in costdiff.yml are relative to the file; reports show them relative to here.
  const base = dirname(resolve(selection.configFile ?? 'costdiff.yml'));
  const out: Project[] = [];
  for (const p of configured) {
    const path = relative(process.cwd(), resolve(base, p.path)) || '.';
    const projects = await readPath(path, {
      ...input,
      varFiles: [...p.terraformVarFiles.map((f) => relative(process.cwd(), resolve(base, f))), ...(input.varFiles ?? [])],
      projectName: p.name ?? p.path,
    });
    for (const project of projects) {
      if (p.usageFile) project.usageFile = relative(process.cwd(), resolve(base, p.usageFile));
      out.push(project);
    }
  }
  return out;
}

/** A directory without .tf files of its own is a monorepo: each root module below is a project. */
async function readPath(path: string, input: InputOptions): Promise<Project[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries || entries.some((e) => e.isFile() && /\.tf(\.json)?$/.test(e.name))) return readProjects(path, input);
  const { discoverRootModules } = await import('./hcl/index.js');
  const roots = await discoverRootModules(path);
  if (roots.length === 0) throw new UserError(`${path}: no Terraform root modules (directories with a provider or backend block) below it`);
  const projects: Project[] = [];
  for (const root of roots) projects.push(...(await readProjects(root, { ...input, projectName: undefined })));
  return projects;
}
