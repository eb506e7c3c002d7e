import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { discoverRootModules } from '../../../src/input/hcl/index.js';
import { fixture, withTree } from './helpers.js';

describe('discoverRootModules', () => {
  it('finds directories with a provider or backend that no configuration uses as a module', async () => {
    const root = fixture('monorepo');
    expect(await discoverRootModules(root)).toEqual([path.join(root, 'live/prod'), path.join(root, 'live/staging')]);
  });

  it('returns the directory itself when it is a root module', async () => {
    const root = path.join(fixture('monorepo'), 'live', 'staging');
    expect(await discoverRootModules(root)).toEqual([root]);
  });

  it('skips hidden directories, .terraform, node_modules and examples', async () => {
    await withTree(
      {
        'a/main.tf': 'provider "aws" {}\n',
        '.terraform/modules/x/main.tf': 'provider "aws" {}\n',
        'node_modules/m/main.tf': 'provider "aws" {}\n',
        'example/main.tf': 'provider "aws" {}\n',
        'b/c/main.tf.json': '{"terraform": {"backend": {"s3": {}}}}',
      },
      async (dir) => {
        expect(await discoverRootModules(dir)).toEqual([path.join(dir, 'a'), path.join(dir, 'b/c')]);
      },
    );
  });

  it('reports a syntax error with its path', async () => {
    await withTree({ 'x/main.tf': 'provider "aws" {\n' }, async (dir) => {
      await expect(discoverRootModules(dir)).rejects.toThrow(`${path.join(dir, 'x/main.tf')}:2:1: expected '}'`);
    });
  });
});
