import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { mallItem } from '../../../test/fixtures';
import { findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const PHOTO = `/media/catalog/${'cd'.repeat(32)}.png`;
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('商品图片: uploading an item’s photo', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.mallItems.list', () => ok({ items: [mallItem()], total: 1, page: 1, pageSize: 20 }));
  });

  async function openImageDialog(): Promise<HTMLElement> {
    renderConsole('/mall-items', { signedIn: true });
    fireEvent.click(await screen.findByText('图片'));
    return findDialog('商品图片：会员周边帆布袋');
  }
  const choose = (dialog: HTMLElement, file: File): void => {
    fireEvent.change(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, { target: { files: [file] } });
  };

  it('sends the chosen file as base64 on the version loaded, then shows the photo named by the item', async () => {
    bff.on('ops.mallItems.uploadImage', () => ok(mallItem({ images: [PHOTO], imageUrl: PHOTO, version: 4 })));
    const dialog = await openImageDialog();
    expect(within(dialog).getByText('暂无图片：小程序显示商品类型图标')).toBeTruthy();

    choose(dialog, new File([PNG_BYTES], 'tote.png', { type: 'image/png' }));

    expect(await screen.findByText('商品图片已更新')).toBeTruthy();
    expect(bff.callsTo('ops.mallItems.uploadImage')).toEqual([{ id: mallItem().id, version: 3, imageBase64: PNG_BYTES.toString('base64') }]);
    await waitFor(() => expect(dialog.querySelector(`img[alt="会员周边帆布袋"]`)?.getAttribute('src')).toBe(PHOTO));
    expect(within(dialog).getByText('更换图片')).toBeTruthy();
    // The table reloads with the new photo.
    await waitFor(() => expect(bff.callsTo('ops.mallItems.list')).toHaveLength(2));
  });

  it('refuses a file of another type or above 1 MB before sending it', async () => {
    const dialog = await openImageDialog();
    choose(dialog, new File(['GIF89a'], 'tote.gif', { type: 'image/gif' }));
    expect(await screen.findByText('商品图片只支持 JPG、PNG 或 WebP 格式，请换一张图片')).toBeTruthy();
    choose(dialog, new File([new Uint8Array(1024 * 1024 + 1)], 'huge.png', { type: 'image/png' }));
    expect(await screen.findByText('商品图片太大，请上传 1MB 以内的图片')).toBeTruthy();
    expect(bff.callsTo('ops.mallItems.uploadImage')).toEqual([]);
  });

  it('shows the BFF’s refusal of a file that only claims to be an image', async () => {
    bff.on('ops.mallItems.uploadImage', () => refused(422, 'MALL_ITEM_IMAGE_TYPE_UNSUPPORTED'));
    const dialog = await openImageDialog();
    choose(dialog, new File(['<svg/>'], 'fake.png', { type: 'image/png' }));
    expect(await within(dialog).findByText('商品图片只支持 JPG、PNG 或 WebP 格式，请换一张图片')).toBeTruthy();
  });
});
