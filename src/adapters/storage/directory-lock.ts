import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from '../../app/ports/store';
import { hasErrorCode, readOptionalFile } from './fs-errors';

const LOCK_FILE = 'store.lock';

export interface DirectoryLock {
  release(): Promise<void>;
}

/**
 * Claims a directory for this process: two processes appending to one log would interleave
 * transactions. A lock left by a process that no longer runs (a crash) is taken over.
 */
export async function claimDirectoryLock(directory: string): Promise<DirectoryLock> {
  const lockPath = path.join(directory, LOCK_FILE);
  const holder = await readLockHolder(lockPath);
  if (holder !== undefined && isRunning(holder)) {
    throw new StoreError('unavailable', `${directory} is in use by process ${holder}; close it there first.`);
  }
  const handle = await open(lockPath, holder === undefined ? 'wx' : 'w').catch((error: unknown) => {
    if (hasErrorCode(error, 'EEXIST')) {
      throw new StoreError('unavailable', `${directory} was claimed by another process just now.`);
    }
    throw error;
  });
  await handle.writeFile(String(process.pid));
  await handle.close();
  return { release: () => rm(lockPath, { force: true }) };
}

async function readLockHolder(lockPath: string): Promise<number | undefined> {
  const text = await readOptionalFile(() => readFile(lockPath, 'utf8'));
  if (text === undefined) return undefined;
  const pid = Number.parseInt(text, 10);
  return Number.isSafeInteger(pid) ? pid : 0;
}

function isRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return hasErrorCode(error, 'EPERM');
  }
}
