/**
 * One radosgw (a real S3 service) for the whole run, shared by every S3 test file; each makes a
 * bucket of its own. Starting a Ceph cluster per file would cost ~1 s and ~150 MB each.
 */
import { type RadosgwConnection, startRadosgw } from '@habit-tracker/test-support';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    radosgw: RadosgwConnection;
  }
}

export default async function setup(project: TestProject) {
  const startedAt = performance.now();
  const radosgw = await startRadosgw({ label: 'storage' });
  timing(`radosgw cold start ${Math.round(performance.now() - startedAt)} ms`);
  const { endpoint, region, accessKeyId, secretAccessKey } = radosgw;
  project.provide('radosgw', { endpoint, region, accessKeyId, secretAccessKey });
  return () => radosgw.stop();
}

function timing(message: string) {
  process.stdout.write(`[storage] ${message}\n`);
}
