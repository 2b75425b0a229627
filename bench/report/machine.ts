import { readFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type } from 'node:os';

/** What a benchmark ran on: enough to tell whether two figures are comparable. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly node: string;
  readonly os: string;
}

/** The distribution's name from /etc/os-release when there is one (Linux), else the kernel's. */
function operatingSystem(): string {
  const kernel = `${type()} ${release()} (${arch()})`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return pretty === undefined ? kernel : `${pretty}, ${kernel}`;
  } catch {
    return kernel;
  }
}

export function thisMachine(): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: operatingSystem(),
  };
}

/** One line that differs whenever the machine does; safe inside an HTML comment's quoted attribute. */
export function machineFingerprint(machine: Machine): string {
  return `${machine.cpu} × ${machine.cores}, ${machine.memory}, Node ${machine.node}, ${machine.os}`.replace(/"/g, "'").replace(/--+/g, '-');
}
