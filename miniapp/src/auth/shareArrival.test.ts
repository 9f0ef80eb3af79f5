import { taroStandIn } from '../../test/taroStandIn';
import { clearShareArrival, pendingShareArrival, readShareParams, rememberShareArrival } from './shareArrival';

describe('share arrival', () => {
  beforeEach(() => taroStandIn.reset());

  it('reads a shared card query or a poster scene, and ignores anything else', () => {
    expect(readShareParams({ sid: 'hAbCdEfGhIjKl', ref: 'ABCD2345' })).toEqual({ shareId: 'hAbCdEfGhIjKl', referralCode: 'ABCD2345' });
    expect(readShareParams({ scene: encodeURIComponent('wAbCdEfGhIjKl.ABCD2345') })).toEqual({ shareId: 'wAbCdEfGhIjKl', referralCode: 'ABCD2345' });
    expect(readShareParams({ sid: 'nope', ref: 'ABCD2345' })).toBeNull();
    expect(readShareParams({ scene: '%E0%A4%A' })).toBeNull();
    expect(readShareParams({})).toBeNull();
  });

  it('keeps the first share until a login has passed it on', () => {
    rememberShareArrival({ shareId: 'hAbCdEfGhIjKl', referralCode: 'ABCD2345' });
    rememberShareArrival({ shareId: 'iZZZZZZZZZZZZ', referralCode: 'WXYZ6789' });

    expect(pendingShareArrival()).toEqual({ shareId: 'hAbCdEfGhIjKl', referralCode: 'ABCD2345' });
    clearShareArrival();
    expect(pendingShareArrival()).toBeNull();
  });
});
