import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { type TokenSourceProps } from './TokenSource';
import './TokenSource.scss';

/** A browser cannot scan: the staff member types the numeric code under the member's QR, or pastes the token. */
export function TokenSource({ pending, onToken }: TokenSourceProps): JSX.Element {
  const [text, setText] = useState('');
  return (
    <View className='token-source'>
      <TextArea className='token-source__input' value={text} placeholder='粘贴顾客的券码' rows={3} maxLength={512} onChange={setText} />
      <Button block type='primary' loading={pending} disabled={text.trim() === ''} onClick={() => onToken(text)}>
        查询券码
      </Button>
    </View>
  );
}
