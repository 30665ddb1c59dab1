// Per-process figures from /proc (Linux): CPU time and peak resident memory of a child.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // 100 on every Linux this runs on
}

/** utime + stime of the whole process (all threads) in ms, from /proc/<pid>/stat; undefined if unavailable. */
export function cpuMsFromStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Nanosecond-resolution CPU time of the live threads (sum of /proc/<pid>/task/<tid>/schedstat), in ms. */
export function cpuMsFromSchedstat(pid) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // thread exited between readdir and read
      }
    }
    return ns / 1e6;
  } catch {
    return undefined;
  }
}

function statusField(pid, name) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) in MiB. */
export const peakRssMiB = (pid) => statusField(pid, 'VmHWM');
/** Current resident set size (VmRSS) in MiB. */
export const rssMiB = (pid) => statusField(pid, 'VmRSS');

/** CPU ms of the main thread (the one whose id is the pid) and of all the others (V8's compiler and GC helpers, libuv). */
export function cpuMsByThread(pid) {
  const byThread = { main: 0, others: 0 };
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
        byThread[Number(tid) === pid ? 'main' : 'others'] += ns / 1e6;
      } catch {
        // thread exited between readdir and read
      }
    }
  } catch {
    // process gone
  }
  return byThread;
}
