import { join } from 'node:path';
import type { StorageConfig } from '@habit-tracker/storage';
import type { Env } from '../env';

/**
 * Where files go: the bucket named by BUCKET_NAME (Tigris, or any S3-compatible service at
 * AWS_ENDPOINT_URL_S3), else a folder inside DATA_DIR — no setup on one machine.
 */
export function storageConfig(env: Env): StorageConfig {
  if (!env.BUCKET_NAME) return { kind: 'local', root: join(env.DATA_DIR, 'objects') };
  return {
    kind: 's3',
    bucket: env.BUCKET_NAME,
    region: env.AWS_REGION,
    ...(env.AWS_ENDPOINT_URL_S3 && { endpoint: env.AWS_ENDPOINT_URL_S3 }),
    ...(env.AWS_ACCESS_KEY_ID && { accessKeyId: env.AWS_ACCESS_KEY_ID }),
    ...(env.AWS_SECRET_ACCESS_KEY && { secretAccessKey: env.AWS_SECRET_ACCESS_KEY }),
  };
}
