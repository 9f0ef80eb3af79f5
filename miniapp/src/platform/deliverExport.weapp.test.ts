import { taroStandIn } from '../../test/taroStandIn';
import { deliverExport } from './deliverExport.weapp';

describe('deliverExport (weapp: the clipboard)', () => {
  beforeEach(() => taroStandIn.reset());

  it('copies the whole export to the clipboard and says so', async () => {
    const json = JSON.stringify({ profile: { nickname: '小麦' }, wishes: [] });
    await expect(deliverExport(json)).resolves.toBe('数据已复制');
    expect(taroStandIn.clipboard).toEqual([json]);
  });
});
