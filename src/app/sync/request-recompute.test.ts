import { shardCountFor } from './request-recompute';

describe('shardCountFor', () => {
  it('sizes shards to about 500 worklogs with a quarter to spare, in powers of two from 16', () => {
    expect([0, 6_400, 6_401, 100_000, 1_000_000].map(shardCountFor)).toEqual([16, 16, 32, 256, 4096]);
  });
});
