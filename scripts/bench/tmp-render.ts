import { renderMarkdown, describeMachine, describeCommit } from './report';
const run = { requestsPerSec: 1234.5, responses: 12345, p50Ms: 30.2, p95Ms: 55.1, p99Ms: 80, maxMs: 120, non2xx: 0, errors: 0, statusCounts: { '200': 12345 }, peakRssMib: 150.3, serverCpuMsPerRequest: 0.8, databaseCpuMsPerRequest: 0.4 };
console.log(renderMarkdown({ date: '2026-11-22', commit: describeCommit(), machine: describeMachine('PostgreSQL 15.18'), options: { quick: false, users: 2000, connections: 50, warmupSec: 3, durationSec: 10, repeat: 3 },
 backends: [{ backend: 'postgres', setup: 'x', seed: { users: 2001, habits: 10020, checkins: 2545280, seconds: 35.1 }, coldStartMs: { median: 400, min: 380, max: 450, samples: [1,2,3,4,5] }, idleRssMib: 80, loadAverageBefore: 0.2, peakIsPerScenario: true,
  scenarios: [{ name: 'today', description: 'GET today', runs: [run, { ...run, requestsPerSec: 1100, non2xx: 3, statusCounts: { '200': 5, '500': 3 } }, run] }] }] }));
