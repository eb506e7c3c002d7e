import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { classify, pricedTypeNames, resourceType } from '../../src/resources/registry.js';
import type { ResourceType } from '../../src/resources/types.js';
import { repoRoot } from '../support/repo.js';

describe('resource registry', () => {
  it('holds every resource file, each under its own type name', async () => {
    const dir = join(repoRoot(), 'dist', 'src', 'resources', 'aws');
    const files = readdirSync(dir).filter((f) => /^aws_.*\.js$/.test(f)).sort();
    expect(files.map((f) => f.replace(/\.js$/, ''))).toEqual(pricedTypeNames());
    for (const file of files) {
      const exported = Object.values(await import(pathToFileURL(join(dir, file)).href)) as ResourceType[];
      const name = file.replace(/\.js$/, '');
      expect(exported.map((d) => d.type)).toEqual([name]);
      expect(resourceType(name)).toBe(exported[0]);
      expect(classify(name)).toEqual({ kind: 'priced' });
    }
  });

  it('refuses a type that is not priced', () => {
    expect(() => resourceType('aws_vpc')).toThrow('aws_vpc is not a priced resource type');
  });
});
