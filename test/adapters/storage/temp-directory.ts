import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export function makeTempDirectory(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'support-hours-store-'));
}

export function removeTempDirectory(directory: string): Promise<void> {
  return rm(directory, { recursive: true, force: true });
}
