import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { type MallItemKind } from '@cakeday/shared';
import './ItemCover.scss';
import { decorativeImage } from './imageAlt';

const kindEmoji: Record<MallItemKind, string> = { physical: '🎁', service: '🧑‍🍳', charity: '💝', coupon: '🎫' };

interface ItemCoverProps {
  src: string;
  kind: MallItemKind;
  size: 'small' | 'large';
}

/** The item's picture, or its kind drawn locally when there is none or it fails to load. */
export function ItemCover({ src, kind, size }: ItemCoverProps): JSX.Element {
  const [failed, setFailed] = useState(false);
  const usable = /^(https:|data:image\/)/.test(src) && !failed;
  return (
    <View className={`item-cover item-cover--${size} item-cover--${kind}`}>
      {usable ? (
        <Image className='item-cover__image' src={src} mode='aspectFill' lazyLoad onError={() => setFailed(true)} {...decorativeImage()} />
      ) : (
        <Text className='item-cover__emoji' aria-hidden>
          {kindEmoji[kind]}
        </Text>
      )}
    </View>
  );
}
