import { readFileSync } from 'node:fs';

/** Linux reports /proc times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds the whole machine has spent busy since boot (user, nice, system, irq, softirq and steal of the first
 * line of /proc/stat): the difference across a run counts every process, including those a process tree loses track
 * of (Chromium's renderers, which outlive the browser process that started them and are reaped by init, so their time
 * never reaches /proc/self/stat's children's times), and whatever else the machine was doing. Linux only.
 */
export function machineBusyCpuSeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.split(/\s+/) ?? [];
  return [user, nice, system, irq, softirq, steal].reduce((sum, ticks) => sum + Number(ticks ?? 0), 0) / TICKS_PER_SECOND;
}
