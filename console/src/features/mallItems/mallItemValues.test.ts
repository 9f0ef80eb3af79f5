import { mallItem } from '../../../test/fixtures';
import { editableOf, formValuesOf } from './mallItemValues';

describe('the item form and an uploaded photo', () => {
  it('leaves the uploaded photo out of the typed image list and keeps it the cover on save', () => {
    const photo = `/media/catalog/${'ef'.repeat(32)}.webp`;
    const item = mallItem({ images: [photo, 'https://cdn.example.com/back.jpg'], imageUrl: photo });
    const values = formValuesOf(item);
    expect(values.imagesText).toBe('https://cdn.example.com/back.jpg');
    expect(editableOf(values, [photo]).images).toEqual([photo, 'https://cdn.example.com/back.jpg']);
  });
});
