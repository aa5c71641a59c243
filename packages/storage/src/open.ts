import { openLocalStore } from './local-store';
import type { ObjectStore, StorageConfig } from './object-store';

/** The store the configuration names; the S3 one is checked (bucket, credentials) before use. */
export function openObjectStore(config: StorageConfig): Promise<ObjectStore> {
  switch (config.kind) {
    case 'local':
      return openLocalStore(config.root);
    case 's3':
      // The AWS SDK is loaded only when a bucket is configured: a local store never pays for it.
      return import('./s3-store').then(({ openS3Store }) => openS3Store(config));
    default:
      throw new Error(`unknown storage kind ${JSON.stringify((config as { kind: unknown }).kind)}`);
  }
}
