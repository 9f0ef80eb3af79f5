import { movedIds } from './useWishlist';

describe('movedIds', () => {
  it('swaps a wish with its neighbour and leaves the ends alone', () => {
    expect(movedIds(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedIds(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedIds(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(movedIds(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(movedIds(['a', 'b'], 'zz', 1)).toEqual(['a', 'b']);
  });
});
