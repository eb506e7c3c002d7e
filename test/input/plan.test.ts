import { readPlanJson, moduleOf, collectReferences } from '../../src/input/plan.js';
import { UNKNOWN } from '../../src/input/types.js';
import { UserError } from '../../src/core/errors.js';

const env = {} as NodeJS.ProcessEnv;

function plan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [],
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } }, root_module: {} },
    ...overrides,
  };
}

function change(address: string, type: string, actions: string[], after: unknown, extra: Record<string, unknown> = {}) {
  return { address, mode: 'managed', type, name: address.split('.').pop(), change: { actions, before: null, after, after_unknown: {} }, ...extra };
}

describe('readPlanJson', () => {
  it('reads actions, skips data sources, and merges after_unknown as UNKNOWN', () => {
    const p = readPlanJson(
      plan({
        resource_changes: [
          { ...change('aws_instance.web', 'aws_instance', ['create'], { instance_type: 'm5.large', root_block_device: [{ volume_size: 10 }] }), change: { actions: ['create'], before: null, after: { instance_type: 'm5.large', root_block_device: [{ volume_size: 10 }] }, after_unknown: { id: true, root_block_device: [{ volume_id: true }] } } },
          change('aws_eip.a', 'aws_eip', ['no-op'], {}),
          change('aws_eip.b', 'aws_eip', ['delete', 'create'], {}),
          change('aws_eip.c', 'aws_eip', ['create', 'delete'], {}),
          { ...change('aws_eip.d', 'aws_eip', ['delete'], null), change: { actions: ['delete'], before: { domain: 'vpc' }, after: null } },
          change('aws_eip.e', 'aws_eip', ['update'], {}),
          { ...change('data.aws_ami.x', 'aws_ami', ['read'], {}), mode: 'data' },
        ],
      }),
      'plan.json',
      { env },
    );
    expect(p.resources.map((r) => [r.address, r.action])).toEqual([
      ['aws_instance.web', 'create'],
      ['aws_eip.a', 'no-op'],
      ['aws_eip.b', 'replace'],
      ['aws_eip.c', 'replace'],
      ['aws_eip.d', 'delete'],
      ['aws_eip.e', 'update'],
    ]);
    const web = p.resources[0];
    expect(web.after?.values.id).toBe(UNKNOWN);
    expect(web.after?.values.root_block_device).toEqual([{ volume_size: 10, volume_id: UNKNOWN }]);
    expect(p.resources[4].before?.values).toEqual({ domain: 'vpc' });
    expect(p.resources[4].after).toBeUndefined();
    expect(p.region).toBe('eu-west-1');
    expect(web.regionSource).toBe('provider');
  });

  it('resolves aliased, module and variable provider regions', () => {
    const p = readPlanJson(
      plan({
        variables: { region: { value: 'ap-south-1' } },
        resource_changes: [
          change('aws_eip.default', 'aws_eip', ['create'], {}),
          change('aws_eip.west', 'aws_eip', ['create'], {}),
          { ...change('module.app.aws_eip.x', 'aws_eip', ['create'], {}), module_address: 'module.app' },
          { ...change('module.app.aws_eip.y["a"]', 'aws_eip', ['create'], {}), module_address: 'module.app', index: 'a' },
        ],
        configuration: {
          provider_config: {
            aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } },
            'aws.west': { name: 'aws', alias: 'west', expressions: { region: { constant_value: 'us-west-2' } } },
            'module.app:aws': { name: 'aws', module_address: 'module.app', expressions: { region: { constant_value: 'eu-central-1' } } },
          },
          root_module: {
            resources: [
              { address: 'aws_eip.default', type: 'aws_eip', name: 'default', provider_config_key: 'aws' },
              { address: 'aws_eip.west', type: 'aws_eip', name: 'west', provider_config_key: 'aws.west' },
            ],
            module_calls: { app: { module: { resources: [{ address: 'aws_eip.x', type: 'aws_eip', name: 'x', provider_config_key: 'module.app:aws' }, { address: 'aws_eip.y', type: 'aws_eip', name: 'y', provider_config_key: 'module.app:aws' }] } } },
          },
        },
      }),
      'plan.json',
      { env },
    );
    expect(p.resources.map((r) => [r.address, r.region, r.module])).toEqual([
      ['aws_eip.default', 'ap-south-1', ''],
      ['aws_eip.west', 'us-west-2', ''],
      ['module.app.aws_eip.x', 'eu-central-1', 'module.app'],
      ['module.app.aws_eip.y["a"]', 'eu-central-1', 'module.app'],
    ]);
    expect(p.resources[3].index).toBe('a');
  });

  it('falls back to AWS_REGION, AWS_DEFAULT_REGION, --region, then us-east-1 with a warning', () => {
    const noRegion = plan({ resource_changes: [change('aws_eip.a', 'aws_eip', ['create'], {})], configuration: {} });
    expect(readPlanJson(noRegion, 'p.json', { env: { AWS_REGION: 'eu-north-1' } as NodeJS.ProcessEnv, flag: 'us-west-1' }).resources[0].region).toBe('eu-north-1');
    expect(readPlanJson(noRegion, 'p.json', { env: { AWS_DEFAULT_REGION: 'sa-east-1' } as NodeJS.ProcessEnv }).resources[0].regionSource).toBe('environment');
    expect(readPlanJson(noRegion, 'p.json', { env, flag: 'us-west-1' }).resources[0].region).toBe('us-west-1');
    const fallback = readPlanJson(noRegion, 'p.json', { env });
    expect(fallback.resources[0].region).toBe('us-east-1');
    expect(fallback.warnings).toEqual(['p.json does not set a provider region; assuming us-east-1 (set AWS_REGION or pass --region)']);
  });

  it('uses a resource-level region (AWS provider v6) over the provider', () => {
    const p = readPlanJson(plan({ resource_changes: [change('aws_eip.a', 'aws_eip', ['create'], { region: 'ca-central-1' })] }), 'p.json', { env });
    expect(p.resources[0]).toMatchObject({ region: 'ca-central-1', regionSource: 'resource' });
  });

  it('rejects unknown regions, non-plans, unsupported versions and unknown actions with the file name', () => {
    const bad = plan({ configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-easst-1' } } } } }, resource_changes: [change('aws_eip.a', 'aws_eip', ['create'], {})] });
    expect(() => readPlanJson(bad, 'p.json', { env })).toThrow('p.json: provider "aws" region: unknown AWS region "us-easst-1"');
    expect(() => readPlanJson({ hello: 'world' }, 'x.json', { env })).toThrow(/x.json: not a Terraform plan/);
    expect(() => readPlanJson(plan({ format_version: '2.0' }), 'x.json', { env })).toThrow('x.json: plan format_version 2.0 is not supported (0.1 to 1.x)');
    expect(() => readPlanJson(plan({ resource_changes: [change('aws_eip.a', 'aws_eip', ['explode'], {})] }), 'x.json', { env })).toThrow(UserError);
    expect(() => readPlanJson({ format_version: '1.0', resource_changes: [{ nope: 1 }] }, 'x.json', { env })).toThrow('x.json: resource_changes has an entry without address/type');
  });

  it('reads format 0.1 plans that only have planned_values', () => {
    const p = readPlanJson(
      {
        format_version: '0.1',
        terraform_version: '0.12.31',
        planned_values: { root_module: { resources: [{ address: 'aws_eip.a', mode: 'managed', type: 'aws_eip', name: 'a', values: { domain: 'vpc' } }], child_modules: [{ address: 'module.m', resources: [{ address: 'module.m.aws_eip.b', mode: 'managed', type: 'aws_eip', name: 'b', values: {} }] }] } },
      },
      'old.json',
      { env, flag: 'eu-west-2' },
    );
    expect(p.resources.map((r) => [r.address, r.action, r.module])).toEqual([
      ['aws_eip.a', 'create', ''],
      ['module.m.aws_eip.b', 'create', 'module.m'],
    ]);
  });
});

describe('plan helpers', () => {
  it('moduleOf handles nested and indexed modules', () => {
    expect(moduleOf('aws_x.y')).toBe('');
    expect(moduleOf('module.a.aws_x.y[0]')).toBe('module.a');
    expect(moduleOf('module.a["k"].module.b[2].aws_x.y')).toBe('module.a["k"].module.b[2]');
  });

  it('collectReferences follows nested blocks', () => {
    expect(
      collectReferences({
        instance_type: { constant_value: 'm5.large' },
        launch_template: [{ id: { references: ['aws_launch_template.x.id', 'aws_launch_template.x'] }, version: { constant_value: '$Latest' } }],
      }),
    ).toEqual({ 'launch_template.id': ['aws_launch_template.x.id', 'aws_launch_template.x'] });
  });
});
