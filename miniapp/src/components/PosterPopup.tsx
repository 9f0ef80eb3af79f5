import { Image, Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { type Poster } from '@cakeday/shared';
import './PosterPopup.scss';
import { imageAlt } from './imageAlt';

interface PosterPopupProps {
  poster: Poster | null;
  caption: string;
  saving: boolean;
  onSave(): void;
  onClose(): void;
}

/** The share poster: a card with the mini-program code (from the BFF) that friends scan to open the page. */
export function PosterPopup({ poster, caption, saving, onSave, onClose }: PosterPopupProps): JSX.Element {
  return (
    <Popup visible={poster !== null} position='center' round closeable onClose={onClose}>
      <View className='poster-popup'>
        <View className='poster-popup__card'>
          <Text className='poster-popup__brand'>Cakeday · 生日会员</Text>
          <Text className='poster-popup__title'>{poster?.title}</Text>
          {poster ? (
            <Image className='poster-popup__code' src={`data:${poster.mimeType};base64,${poster.imageBase64}`} {...imageAlt('小程序码')} />
          ) : null}
          <Text className='poster-popup__caption'>{caption}</Text>
        </View>
        <Button block type='primary' loading={saving} onClick={onSave}>
          保存海报
        </Button>
      </View>
    </Popup>
  );
}
