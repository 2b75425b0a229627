import { readFileSync } from 'node:fs';

/** Linux reports /proc times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * User plus system CPU seconds of every child process this one has waited for so far (fields cutime
 * and cstime of /proc/self/stat, which include the children's own waited-for children): the CPU of a
 * spawned process tree is the difference across its run. Linux only.
 */
export function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", cutime and cstime are the 14th and 15th fields.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}
