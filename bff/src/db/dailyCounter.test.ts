import { useTestDatabase } from '../test/database';
import { DailyCounterModel } from './DailyCounter.model';
import { dailyCounterId, releaseDailySlot, takeDailyAmount, takeDailySlot, type DailyCap } from './dailyCounter';

useTestDatabase();

const cap = (subject: string, iso = '2026-05-10T04:00:00.000Z'): DailyCap => ({ purpose: 'help-assist', subject, day: new Date(iso) });
const counter = async (of: DailyCap) => DailyCounterModel.findById(dailyCounterId(of)).lean();

describe('daily caps', () => {
  it('one counter per purpose, subject and Asia/Shanghai day', () => {
    expect(dailyCounterId(cap('m1', '2026-05-10T15:59:59.000Z'))).toBe('help-assist:m1:20260510');
    expect(dailyCounterId(cap('m1', '2026-05-10T16:00:00.000Z'))).toBe('help-assist:m1:20260511');
    expect(dailyCounterId({ purpose: 'referral-reward', subject: 'm1', day: new Date('2026-05-10T04:00:00.000Z') })).toBe('referral-reward:m1:20260510');
  });

  it('a key takes one slot however often it asks; other keys stop at the cap; a release happens once', async () => {
    const mine = cap('m2');
    expect(await takeDailySlot(mine, 'a', 2)).toBe(true);
    expect(await takeDailySlot(mine, 'a', 2)).toBe(true);
    expect(await takeDailySlot(mine, 'b', 2)).toBe(true);
    expect(await takeDailySlot(mine, 'c', 2)).toBe(false);
    expect(await takeDailySlot(mine, 'a', 2)).toBe(true);
    expect(await counter(mine)).toEqual({ _id: dailyCounterId(mine), count: 2, keys: ['a', 'b'] });

    await releaseDailySlot(mine, 'a');
    await releaseDailySlot(mine, 'a');
    expect(await counter(mine)).toMatchObject({ count: 1, keys: ['b'] });
    expect(await takeDailySlot(mine, 'c', 2)).toBe(true);
    expect(await takeDailySlot(cap('m2', '2026-05-11T04:00:00.000Z'), 'd', 2)).toBe(true);
  });

  it('concurrent callers: 20 keys on a cap of 3 get 3 slots; one key asking 20 times gets one', async () => {
    const many = cap('m3');
    const results = await Promise.all(Array.from({ length: 20 }, (_unused, index) => takeDailySlot(many, `k${index}`, 3)));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect((await counter(many))?.count).toBe(3);

    const one = cap('m4');
    expect(await Promise.all(Array.from({ length: 20 }, () => takeDailySlot(one, 'same', 3)))).toEqual(Array.from({ length: 20 }, () => true));
    expect(await counter(one)).toMatchObject({ count: 1, keys: ['same'] });
  });

  it('an amount beyond the limit is refused on a fresh day too, and takes nothing', async () => {
    const fresh = cap('m5');
    expect(await takeDailyAmount(dailyCounterId(fresh), 'big', 3, 2)).toBe(false);
    expect((await counter(fresh))?.count ?? 0).toBe(0);
    expect(await takeDailyAmount(dailyCounterId(fresh), 'fits', 2, 2)).toBe(true);
    expect(await takeDailyAmount(dailyCounterId(fresh), 'more', 1, 2)).toBe(false);
    expect(await counter(fresh)).toMatchObject({ count: 2, keys: ['fits'] });
  });
});
