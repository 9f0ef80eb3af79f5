import { useTestDatabase } from '../test/database';
import { returnSendSlots, takeSendSlots } from './sendRate';
import { SendRateWindowModel } from './SendRateWindow.model';

useTestDatabase();

const second = new Date('2026-11-23T02:00:00.250Z');
const windowCount = async (): Promise<number> => (await SendRateWindowModel.findById(Math.floor(second.getTime() / 1000)).lean())?.count ?? 0;

beforeEach(async () => {
  await SendRateWindowModel.deleteMany({});
});

describe('the global send rate, taken a batch at a time', () => {
  it('takes what fits in the second, what is left of it when asked for more, nothing when it is full', async () => {
    expect(await takeSendSlots(second, 5, 3)).toBe(3);
    expect(await takeSendSlots(second, 5, 3)).toBe(2);
    expect(await takeSendSlots(second, 5, 1)).toBe(0);
    expect(await windowCount()).toBe(5);
    expect(await takeSendSlots(new Date(second.getTime() + 1000), 5, 9)).toBe(5);
  });

  it('slots given back are taken again; never more than were taken', async () => {
    expect(await takeSendSlots(second, 5, 5)).toBe(5);
    await returnSendSlots(second, 2);
    expect(await windowCount()).toBe(3);
    expect(await takeSendSlots(second, 5, 4)).toBe(2);
    await returnSendSlots(second, 9);
    expect(await windowCount()).toBe(5);
  });

  it('many takers at once share the second without passing it', async () => {
    const taken = await Promise.all(Array.from({ length: 12 }, (_, index) => takeSendSlots(second, 20, 1 + (index % 4))));
    expect(taken.reduce((sum, count) => sum + count, 0)).toBe(20);
    expect(await windowCount()).toBe(20);
  });
});
