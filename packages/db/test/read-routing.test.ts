/**
 * Where a request's reads go (src/read-routing.ts), decided against a replica whose progress
 * the test controls; replication.test.ts runs the same module on a real streaming replica.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../src/database';
import { chooseReadSource, describeReadSource, type ReplicaRoute } from '../src/read-routing';

/** A replica that has replayed up to `replayed` and never catches up further. */
function fakeReplica(
  options: { available?: boolean; replayed?: bigint; fails?: unknown } = {},
): ReplicaRoute {
  const { available = true, replayed = 100n, fails } = options;
  const reached = async (target: string) => {
    if (fails) throw fails;
    const [high, low] = target.split('/').map((h) => BigInt(`0x${h}`));
    return replayed >= (high! << 32n) + low!;
  };
  return {
    db: {} as Db,
    replication: {
      replicaAvailable: () => available,
      waitForReplica: async (target: string, ms: number) => {
        if (await reached(target)) return true;
        await new Promise((resolve) => setTimeout(resolve, ms));
        return false;
      },
    },
  };
}

describe('choosing where reads go', () => {
  it('to the replica once it shows the client’s own writes', async () => {
    const replica = fakeReplica({ replayed: 0x100n });
    expect(await chooseReadSource(replica, {})).toEqual({ from: 'replica', waitedMs: 0 });
    expect(await chooseReadSource(replica, { after: '0/100' })).toMatchObject({ from: 'replica' });
  });

  it('a lagging replica is waited for, boundedly, then the primary answers', async () => {
    const replica = fakeReplica({ replayed: 0x100n });
    const started = performance.now();
    expect(await chooseReadSource(replica, { after: '0/101', waitMs: 30 })).toEqual({
      from: 'primary',
      reason: 'replica-behind',
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(await chooseReadSource(replica, { after: '1/0', waitMs: 0 })).toEqual({
      from: 'primary',
      reason: 'replica-behind',
    });
    expect(await chooseReadSource(replica, { after: '1/0' })).toEqual({
      from: 'primary',
      reason: 'replica-behind',
    });
  });

  it('an unreachable replica sends reads to the primary; other errors surface', async () => {
    expect(await chooseReadSource(fakeReplica({ available: false }), {})).toEqual({
      from: 'primary',
      reason: 'replica-unreachable',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(await chooseReadSource(fakeReplica({ fails: refused }), { after: '0/1' })).toEqual({
      from: 'primary',
      reason: 'replica-unreachable',
    });
    await expect(
      chooseReadSource(fakeReplica({ fails: new Error('bug') }), { after: '0/1' }),
    ).rejects.toThrow('bug');
    expect(await chooseReadSource(undefined, { after: '0/1' })).toEqual({
      from: 'primary',
      reason: 'no-replica',
    });
  });

  it('a request that writes reads from the primary, whatever the replica', async () => {
    expect(await chooseReadSource(fakeReplica(), { writes: true, after: '0/1' })).toEqual({
      from: 'primary',
      reason: 'write',
    });
  });

  it('says where reads went, in the words of the X-Read-Source header', () => {
    expect(describeReadSource({ from: 'replica', waitedMs: 0 }, true)).toBe('replica');
    expect(describeReadSource({ from: 'replica', waitedMs: 12.4 }, true)).toBe(
      'replica (waited 12 ms)',
    );
    // The replica failed after the handles were made: its reads went to the primary.
    expect(describeReadSource({ from: 'replica', waitedMs: 0 }, false)).toBe(
      'primary (replica unreachable)',
    );
    expect(describeReadSource({ from: 'primary', reason: 'replica-behind' }, true)).toBe(
      'primary (replica behind)',
    );
    expect(describeReadSource({ from: 'primary', reason: 'replica-unreachable' }, false)).toBe(
      'primary (replica unreachable)',
    );
    expect(describeReadSource({ from: 'primary', reason: 'no-replica' }, false)).toBe('primary');
  });
});
