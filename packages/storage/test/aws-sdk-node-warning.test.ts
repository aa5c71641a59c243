import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sdkClient = fileURLToPath(new URL('../src/s3-client.ts', import.meta.url));
const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
const nodeMajor = Number(process.versions.node.split('.')[0]);

/** Runs a module in a fresh Node process (a warning is printed once per process). */
function runModule(source: string): Promise<{ stdout: string; stderr: string }> {
  const environment = { ...process.env };
  delete environment[SWITCH];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', source],
      { env: environment, cwd: fileURLToPath(new URL('..', import.meta.url)) },
      (error, stdout, stderr) =>
        error ? reject(Object.assign(error, { stderr })) : resolve({ stdout, stderr }),
    );
  });
}

describe('the AWS SDK Node version warning', () => {
  it.runIf(nodeMajor < 22)('is printed by a plain client on this Node', async () => {
    const { stderr } = await runModule(
      `import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ region: 'us-east-1' });`,
    );
    expect(stderr).toContain('NodeVersionSupportWarning');
  });

  it('is not printed by our client, and the environment is left as it was', async () => {
    const { stdout, stderr } = await runModule(`
      import { createS3Client } from ${JSON.stringify(sdkClient)};
      createS3Client({ kind: 's3', bucket: 'b', region: 'us-east-1' });
      createS3Client({ kind: 's3', bucket: 'b', region: 'us-east-1' });
      console.log(JSON.stringify(process.env[${JSON.stringify(SWITCH)}] ?? null));
    `);
    expect(stderr).not.toContain('NodeVersionSupportWarning');
    expect(stdout.trim()).toBe('null');
  });
});
