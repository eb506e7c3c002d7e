import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** AWS's documented example keys: well-formed, never valid anywhere. */
export const TEST_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const TEST_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const AWS_VARIABLES = /^(AWS_|COSTDIFF_)/;

/**
 * An environment in which the real AWS SDK finds only what a test gives it: the local endpoint,
 * static test keys (unless `credentials: false`), empty config and credentials files, and no
 * instance metadata service to fall back to.
 */
export function awsTestEnv(endpoint: string | undefined, options: { credentials?: boolean } = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'costdiff-aws-'));
  writeFileSync(join(dir, 'config'), '');
  writeFileSync(join(dir, 'credentials'), '');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!AWS_VARIABLES.test(k)) env[k] = v;
  return {
    ...env,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(endpoint ? { AWS_ENDPOINT_URL_PRICING: endpoint } : {}),
    ...(options.credentials === false ? {} : { AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY }),
  };
}

/** Replaces this process's environment with `env` (the SDK reads process.env); returns a restore function. */
export function useEnv(env: NodeJS.ProcessEnv): () => void {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, env);
  return () => {
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, saved);
  };
}
