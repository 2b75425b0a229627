import { machineBusyCpuSeconds } from '../../bench/report/machine-cpu';

/** Busy-waits until this process has used `seconds` of CPU. */
function burnCpu(seconds: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1e6 >= seconds) return;
  }
}

describe('the machine\'s busy CPU seconds (test-tiers benchmark)', () => {
  it('counts at least the CPU this process burns meanwhile', () => {
    const before = machineBusyCpuSeconds();
    burnCpu(0.3);
    const spent = machineBusyCpuSeconds() - before;
    // /proc/stat counts in 10 ms ticks per core: allow two ticks of rounding.
    expect(spent).toBeGreaterThanOrEqual(0.28);
  });
});
