/** Throughput and latency of one timed run. */
export interface LatencyFigures {
  requestsPerSec: number;
  /** Requests completed within the run; later ones count only as CPU. */
  responses: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}
