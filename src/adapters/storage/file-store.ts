import { FileHandle, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from '../../app/ports/store';
import { EnforcedStore, EnforcedStoreOptions } from './enforced-store';
import { LogRecord, parseLogLine, serializeLogLine } from './file-log-format';
import { KeyTable, TableChange } from './key-table';
import { claimDirectoryLock, DirectoryLock } from './directory-lock';
import { readOptionalFile } from './fs-errors';
import { Mutation, StorageBackend, StoredItem, StoredPage } from './storage-backend';

const LOG_FILE = 'store.log';
const COMPACTION_FLOOR_BYTES = 8 * 1024 * 1024;

/**
 * An append-only log of committed transactions, one JSON line each, replayed into memory on
 * open. One `write` per transaction keeps a transaction all-or-nothing across a crash: a torn
 * last line is dropped on the next open. The log is rewritten as a snapshot when it grows past
 * twice the live data. The backend of `FileStore`, and of the emulated Forge KVS of `npm start`.
 */
export class FileBackend implements StorageBackend {
  private pending: Promise<unknown> = Promise.resolve();
  private compactAboveBytes: number;

  private constructor(
    private readonly directory: string,
    private readonly table: KeyTable,
    private log: FileHandle,
    private logBytes: number,
    private readonly lock: DirectoryLock,
  ) {
    this.compactAboveBytes = compactionThreshold(table.serializedBytes());
  }

  static async open(directory: string): Promise<FileBackend> {
    await mkdir(directory, { recursive: true });
    const lock = await claimDirectoryLock(directory);
    try {
      const logPath = path.join(directory, LOG_FILE);
      const { table, validBytes } = await replay(logPath);
      const log = await open(logPath, 'a+');
      await log.truncate(validBytes);
      return new FileBackend(directory, table, log, validBytes, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  async read(key: string): Promise<StoredItem | undefined> {
    return this.table.read(key);
  }

  async list(prefix: string, limit: number, cursor: string | undefined): Promise<StoredPage> {
    return this.table.list(prefix, limit, cursor);
  }

  /** Commits run one at a time so that a condition is checked against everything committed before. */
  commit(mutations: readonly Mutation[]): Promise<void> {
    const run = this.pending.then(() => this.commitNow(mutations));
    this.pending = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.pending;
    await this.log.close();
    await this.lock.release();
  }

  private async commitNow(mutations: readonly Mutation[]): Promise<void> {
    this.table.assertConditions(mutations);
    const records = mutations.flatMap(toLogRecord);
    if (records.length > 0) {
      const line = serializeLogLine(records);
      await this.log.write(line);
      await this.log.datasync();
      this.logBytes += Buffer.byteLength(line, 'utf8');
    }
    this.table.apply(mutations);
    if (this.logBytes > this.compactAboveBytes) await this.compact();
  }

  private async compact(): Promise<void> {
    const logPath = path.join(this.directory, LOG_FILE);
    const snapshotPath = `${logPath}.compacting`;
    const snapshot = await open(snapshotPath, 'w');
    let bytes = 0;
    try {
      for (const [key, row] of this.table.entries()) {
        const line = serializeLogLine([{ k: key, v: row.version, j: row.json }]);
        await snapshot.write(line);
        bytes += Buffer.byteLength(line, 'utf8');
      }
      await snapshot.sync();
    } finally {
      await snapshot.close();
    }
    await rename(snapshotPath, logPath);
    await this.log.close();
    this.log = await open(logPath, 'a+');
    this.logBytes = bytes;
    this.compactAboveBytes = compactionThreshold(bytes);
  }
}

function compactionThreshold(liveBytes: number): number {
  return Math.max(COMPACTION_FLOOR_BYTES, 2 * liveBytes);
}

function toLogRecord(mutation: Mutation): LogRecord[] {
  if (mutation.kind === 'set') return [{ k: mutation.key, v: mutation.version, j: mutation.json }];
  if (mutation.kind === 'delete') return [{ k: mutation.key, d: true }];
  return [];
}

async function replay(logPath: string): Promise<{ table: KeyTable; validBytes: number }> {
  const table = new KeyTable();
  const text = (await readOptionalFile(() => readFile(logPath, 'utf8'))) ?? '';
  const completeText = text.slice(0, text.lastIndexOf('\n') + 1);
  let lineNumber = 0;
  for (const line of completeText.split('\n')) {
    lineNumber += 1;
    if (line === '') continue;
    const records = parseLogLine(line);
    if (records === undefined) {
      throw new StoreError('unavailable', `${logPath} line ${lineNumber} is corrupt; the store cannot be opened.`);
    }
    table.apply(records.map(fromLogRecord));
  }
  return { table, validBytes: Buffer.byteLength(completeText, 'utf8') };
}

function fromLogRecord(record: LogRecord): TableChange {
  if ('d' in record) return { kind: 'delete', key: record.k };
  return { kind: 'set', key: record.k, json: record.j, version: record.v };
}

/** The store of the local preview: Forge's limits and semantics, kept in `directory` across restarts. */
export class FileStore extends EnforcedStore {
  private constructor(
    private readonly fileBackend: FileBackend,
    options: EnforcedStoreOptions,
  ) {
    super(fileBackend, options);
  }

  /** Opens (or creates) the store in `directory`; one process at a time may hold it. */
  static async open(directory: string, options: EnforcedStoreOptions = {}): Promise<FileStore> {
    return new FileStore(await FileBackend.open(directory), options);
  }

  /** Waits for pending writes, then releases the directory. */
  close(): Promise<void> {
    return this.fileBackend.close();
  }
}
