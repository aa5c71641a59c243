export { type RadosgwServer, type StartRadosgwOptions, startRadosgw } from './radosgw';
export { createTestBucket, type RadosgwConnection, s3StorageConfig } from './test-bucket';
