export { observeDatabasePools } from './database-pool';
export { recordRequestMetrics } from './middleware';
export { readRetries, registry, setReplicationLag } from './registry';
export { metricsResponse } from './serve';
