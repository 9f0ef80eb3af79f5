import { taroStandIn } from '../../test/taroStandIn';
import { ApiError } from '../api/apiError';
import { savePoster } from './savePoster.weapp';

describe('savePoster (weapp: a file in the user data folder, then the album)', () => {
  beforeEach(() => taroStandIn.reset());

  it('writes the PNG from base64 under USER_DATA_PATH and saves that file to the album', async () => {
    await expect(savePoster('iVBORw0KGgo=', 'help-poster')).resolves.toBe('海报已保存到相册');
    expect(taroStandIn.files.get('wxfile://usr/help-poster.png')).toEqual({ data: 'iVBORw0KGgo=', encoding: 'base64' });
    expect(taroStandIn.albumSaves).toEqual(['wxfile://usr/help-poster.png']);
  });

  it('explains how to save by hand when the album permission is refused or the member cancels', async () => {
    for (const errMsg of ['saveImageToPhotosAlbum:fail auth deny', 'saveImageToPhotosAlbum:fail cancel', 'saveImageToPhotosAlbum:fail authorize no response']) {
      taroStandIn.saveToAlbum = async () => Promise.reject({ errMsg });
      await expect(savePoster('iVBORw0KGgo=', 'p')).resolves.toBe('未获得相册权限，可长按海报保存');
    }
  });

  it('rejects with SERVICE_UNAVAILABLE on any other failure', async () => {
    taroStandIn.saveToAlbum = async () => Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail file not found' });
    const error: unknown = await savePoster('iVBORw0KGgo=', 'p').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SERVICE_UNAVAILABLE');
  });
});
