import { randomUUID } from 'node:crypto';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { RadosgwConnection } from '@habit-tracker/test-support';
import type { StorageConfig } from '../object-store';
import { createS3Client } from '../s3-client';

/**
 * Creates a bucket on the radosgw and returns its name: a fresh random one unless given, so
 * that each test file has a bucket of its own.
 */
export async function createTestBucket(
  connection: RadosgwConnection,
  name?: string,
): Promise<string> {
  const bucket = name ?? `test-${randomUUID()}`;
  const client = createS3Client(s3StorageConfig(connection, bucket));
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  return bucket;
}

/** The `openObjectStore` configuration for a bucket on the radosgw. */
export function s3StorageConfig(
  connection: RadosgwConnection,
  bucket: string,
): Extract<StorageConfig, { kind: 's3' }> {
  return {
    kind: 's3',
    endpoint: connection.endpoint,
    region: connection.region,
    bucket,
    accessKeyId: connection.accessKeyId,
    secretAccessKey: connection.secretAccessKey,
  };
}
