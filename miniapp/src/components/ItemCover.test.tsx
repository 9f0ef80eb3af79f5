import { createEvent, fireEvent, render, screen } from '@testing-library/react';
import { ItemCover } from './ItemCover';

const PHOTO = `/media/catalog/${'ab'.repeat(32)}.webp`;
const imageOf = (container: HTMLElement): HTMLElement | null => container.querySelector('taro-image-core, img');

describe('ItemCover', () => {
  it('shows the item’s photo from the BFF, named by the item for screen readers, instead of the emoji', () => {
    const { container } = render(<ItemCover src={PHOTO} kind='physical' title='会员周边帆布袋' size='small' />);
    const image = imageOf(container);
    expect(image?.getAttribute('aria-label')).toBe('会员周边帆布袋');
    expect(String((image as HTMLElement & { src?: string }).src ?? image?.getAttribute('src'))).toBe(`${process.env.TARO_APP_API_BASE ?? ''}${PHOTO}`);
    expect(screen.queryByText('🎁')).toBeNull();
  });

  it('draws the item’s kind when there is no photo, or one the mini-program cannot load', () => {
    for (const src of [null, '', 'http://insecure.example/a.jpg', '/assets/unknown.png']) {
      const { container, unmount } = render(<ItemCover src={src} kind='charity' title='公益捐赠一份早餐' size='large' />);
      expect(imageOf(container)).toBeNull();
      expect(screen.getByText('💝')).toBeTruthy();
      unmount();
    }
  });

  it('falls back to the emoji when the photo fails to load', () => {
    const { container } = render(<ItemCover src='https://cdn.example.com/gone.jpg' kind='coupon' title='满50减10券' size='small' />);
    const image = imageOf(container)!;
    fireEvent(image, createEvent('error', image));
    expect(imageOf(container)).toBeNull();
    expect(screen.getByText('🎫')).toBeTruthy();
  });
});
