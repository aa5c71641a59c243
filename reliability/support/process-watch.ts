/**
 * Watching a server process while something hostile happens to it: `/api/live` asked every
 * 50 ms (how long the event loop makes a trivial request wait), the JS heap sampled from its
 * Prometheus metrics every 100 ms, and its peak RSS (VmHWM, which the kernel lets us reset
 * between cases; read through @habit-tracker/test-support's /proc readers).
 */
import { readMemory, resetPeakMemory } from '@habit-tracker/test-support';
import { HttpClient } from './http-client';

export interface WatchFigures {
  liveProbes: number;
  /** The slowest /api/live answer; a probe that got no answer counts as its timeout. */
  worstLiveMs: number;
  liveFailures: number;
  peakHeapMb: number;
  /**
   * VmHWM since the last reset (includes the worker threads: they are the same process); since
   * the process started where the kernel refuses the reset.
   */
  peakRssMb: number;
}

export interface Watch {
  stop(): Promise<WatchFigures>;
}

const PROBE_EVERY_MS = 50;
const PROBE_TIMEOUT_MS = 5_000;
const HEAP_EVERY_MS = 100;

function heapUsedMb(metrics: string): number | null {
  const line = /^nodejs_heap_size_used_bytes\s+([\d.e+]+)/m.exec(metrics);
  return line ? Number(line[1]) / 1024 / 1024 : null;
}

export function watchServer(server: { port: number; pid: number }, metricsPort: number): Watch {
  resetPeakMemory(server.pid);
  const live = new HttpClient({ host: '127.0.0.1', port: server.port });
  const metrics = new HttpClient({ host: '127.0.0.1', port: metricsPort });
  const figures = { liveProbes: 0, worstLiveMs: 0, liveFailures: 0, peakHeapMb: 0 };
  let running = true;

  const probeLive = async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await live.get('/api/live', { timeoutMs: PROBE_TIMEOUT_MS });
        if (res.status !== 200) figures.liveFailures++;
      } catch {
        figures.liveFailures++;
      }
      figures.liveProbes++;
      figures.worstLiveMs = Math.max(figures.worstLiveMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  };
  const sampleHeap = async () => {
    while (running) {
      try {
        const res = await metrics.get('/metrics', { timeoutMs: PROBE_TIMEOUT_MS });
        const heap = heapUsedMb(res.text);
        if (heap !== null) figures.peakHeapMb = Math.max(figures.peakHeapMb, heap);
      } catch {
        // A missed sample; /api/live's figures say whether the server was answering.
      }
      await new Promise((resolve) => setTimeout(resolve, HEAP_EVERY_MS));
    }
  };
  const loops = [probeLive(), sampleHeap()];

  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      live.close();
      metrics.close();
      return {
        ...figures,
        worstLiveMs: Math.round(figures.worstLiveMs),
        peakHeapMb: Math.round(figures.peakHeapMb),
        peakRssMb: Math.round(readMemory(server.pid).peakKib / 1024),
      };
    },
  };
}
