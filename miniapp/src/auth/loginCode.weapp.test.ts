import Taro from '@tarojs/taro';
import { obtainLoginCode } from './loginCode.weapp';

describe('obtainLoginCode (weapp: wx.login)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hands over the one-time code wx.login returns', async () => {
    const login = jest.spyOn(Taro, 'login').mockResolvedValue({ code: '0a1B2c3D', errMsg: 'login:ok' });
    await expect(obtainLoginCode()).resolves.toBe('0a1B2c3D');
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('passes wx.login failures on to the session, which shows them', async () => {
    jest.spyOn(Taro, 'login').mockRejectedValue({ errMsg: 'login:fail timeout' });
    await expect(obtainLoginCode()).rejects.toEqual({ errMsg: 'login:fail timeout' });
  });
});
