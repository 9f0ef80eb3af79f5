import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { isCatalogImagePath, type MallItemKind } from '@cakeday/shared';
import { bffUrl } from '../api/client';
import './ItemCover.scss';
import { imageAlt } from './imageAlt';

const kindEmoji: Record<MallItemKind, string> = { physical: '🎁', service: '🧑‍🍳', charity: '💝', coupon: '🎫' };

interface ItemCoverProps {
  /** The item's photo: an https URL, a photo on the BFF (`/media/catalog/…`), or '' / null for none. */
  src: string | null;
  kind: MallItemKind;
  /** The item's name: the photo's text for screen readers. */
  title: string;
  size: 'small' | 'large';
}

/** Where the photo loads from, or null when there is none the mini-program can load (it loads https only). */
export function coverSource(src: string | null): string | null {
  if (!src) return null;
  if (isCatalogImagePath(src)) return bffUrl(src);
  return /^(https:|data:image\/)/.test(src) ? src : null;
}

/**
 * The item's photo in a fixed 4:3 frame (the list does not jump as photos arrive), loaded lazily; the item's kind
 * drawn locally when there is no photo or it fails to load.
 */
export function ItemCover({ src, kind, title, size }: ItemCoverProps): JSX.Element {
  const source = coverSource(src);
  const [failedSource, setFailedSource] = useState<string | null>(null);
  const usable = source !== null && source !== failedSource;
  return (
    <View className={`item-cover item-cover--${size} item-cover--${kind}`}>
      {usable ? (
        <Image
          className='item-cover__image'
          src={source}
          mode='aspectFill'
          lazyLoad
          onError={() => setFailedSource(source)}
          {...imageAlt(title)}
        />
      ) : (
        <View className='item-cover__fallback'>
          <Text className='item-cover__emoji' aria-hidden>
            {kindEmoji[kind]}
          </Text>
        </View>
      )}
    </View>
  );
}
