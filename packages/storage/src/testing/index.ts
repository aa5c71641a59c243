/** Buckets for tests on a radosgw (started by @habit-tracker/test-support's startRadosgw). */
export { createTestBucket, s3StorageConfig } from './test-bucket';
