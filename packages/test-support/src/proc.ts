/**
 * A process's memory and CPU from Linux's /proc, for benchmarks and the deploy tests: what the
 * server itself uses, without the load generator's share.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel config. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Current and peak resident memory in KiB (VmRSS, VmHWM). */
export function readMemory(pid: number): { rssKib: number; peakKib: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssKib: field('VmRSS'), peakKib: field('VmHWM') };
}

interface CpuTicks {
  ppid: number;
  own: number;
  /** CPU of children that have exited and been waited for. */
  reaped: number;
}

function readCpuTicks(pid: number): CpuTicks {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const at = (index: number) => Number(fields[index]);
  // fields[0] is field 3 (state) of proc(5): ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
  return { ppid: at(1), own: at(11) + at(12), reaped: at(13) + at(14) };
}

export function readCpuMs(pid: number): number {
  return (readCpuTicks(pid).own * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU used by a process and all its children, living or exited: for the PostgreSQL postmaster,
 * whose backends are its children (one per pooled connection, plus background workers).
 */
export function readProcessTreeCpuMs(rootPid: number): number {
  const root = readCpuTicks(rootPid);
  let ticks = root.own + root.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readCpuTicks(Number(entry));
      if (stat.ppid === rootPid) ticks += stat.own;
    } catch {
      // The process ended while we were listing.
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Starts a new peak (VmHWM := VmRSS); false when the kernel refuses. */
export function resetPeakMemory(pid: number): boolean {
  try {
    // "5" resets the peak RSS counter (Linux ≥ 4.0), so each measurement gets its own peak.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
