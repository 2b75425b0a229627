import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '../../../src/adapters/storage/file-store';
import { describeStoreContract, expectStoreError, jsonStringOfBytes } from './store-contract';
import { openFileStoreFixture } from './store-fixtures';
import { makeTempDirectory, removeTempDirectory } from './temp-directory';

describeStoreContract('FileStore', openFileStoreFixture);

describe('FileStore across restarts', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await makeTempDirectory();
  });

  afterEach(async () => {
    await removeTempDirectory(directory);
  });

  it('reopens with every committed value, version and deletion', async () => {
    const first = await FileStore.open(directory);
    await first.set('plan:a', { hours: 10 });
    await first.set('plan:b', 'gone soon');
    await first.transact([{ set: { key: 'plan:c', value: [1, 2] } }, { delete: { key: 'plan:b' } }]);
    const versionBefore = await first.getVersioned('plan:a');
    await first.close();

    const second = await FileStore.open(directory);
    const page = await second.listByPrefix('plan:');
    const versionAfter = await second.getVersioned('plan:a');
    await second.close();

    expect(page).toEqual({
      entries: [
        { key: 'plan:a', value: { hours: 10 } },
        { key: 'plan:c', value: [1, 2] },
      ],
    });
    expect(versionAfter).toEqual(versionBefore);
  });

  it('drops a transaction torn by a crash mid-write and keeps appending after it', async () => {
    const first = await FileStore.open(directory);
    await first.set('kept', 1);
    await first.close();
    await appendFile(path.join(directory, 'store.log'), '[{"k":"torn","v":"x","j":"2"');

    const second = await FileStore.open(directory);
    await second.set('after', 3);
    await second.close();
    const third = await FileStore.open(directory);

    expect((await third.listByPrefix('')).entries).toEqual([
      { key: 'after', value: 3 },
      { key: 'kept', value: 1 },
    ]);
    await third.close();
  });

  it('refuses to open a log corrupted before its last line', async () => {
    await writeFile(path.join(directory, 'store.log'), 'not json\n[]\n');

    await expectStoreError(FileStore.open(directory), 'unavailable');
  });

  it('lets one process at a time hold the directory, and takes over the lock of a dead process', async () => {
    const holder = await FileStore.open(directory);
    await expectStoreError(FileStore.open(directory), 'unavailable');
    await holder.close();
    await writeFile(path.join(directory, 'store.lock'), '2147483646');

    const next = await FileStore.open(directory);
    expect(await readFile(path.join(directory, 'store.lock'), 'utf8')).toBe(String(process.pid));
    await next.close();
  });

  it('compacts the log once it outgrows twice the live data, keeping the latest values', async () => {
    const store = await FileStore.open(directory);
    const value = jsonStringOfBytes(200 * 1024);
    for (let round = 0; round < 45; round += 1) await store.set(`big:${round % 3}`, `${round}:${value}`);
    await store.close();

    const logBytes = (await stat(path.join(directory, 'store.log'))).size;
    const reopened = await FileStore.open(directory);
    const keys = (await reopened.listByPrefix('big:')).entries.map((entry) => entry.key);
    const latest = await reopened.get('big:2');
    await reopened.close();

    expect(logBytes).toBeLessThan(8 * 1024 * 1024);
    expect(keys).toEqual(['big:0', 'big:1', 'big:2']);
    expect(typeof latest === 'string' && latest.startsWith('44:')).toBe(true);
  });
});
