import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { type WishlistState } from '../../hooks/useWishlist';

/** Limits of wishlist.add (WISH_TEXT_MAX_LENGTH, WISH_NOTE_MAX_LENGTH); repeated so that zod stays out of the bundle. */
const TEXT_MAX = 40;
const NOTE_MAX = 60;

/** A free-text wish with an optional note; mall items are added from their own page. */
export function AddWishForm({ wishlist, full }: { wishlist: WishlistState; full: boolean }): JSX.Element {
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const submit = async (): Promise<void> => {
    const added = await wishlist.add.run({ kind: 'text', text: text.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
    if (added) {
      setText('');
      setNote('');
    }
  };
  return (
    <View className='wishlist__card'>
      <Text className='wishlist__card-title'>写下一个心愿</Text>
      <Input className='wishlist__input' value={text} maxLength={TEXT_MAX} placeholder='比如：一束向日葵' disabled={full} onChange={setText} />
      <Input className='wishlist__input' value={note} maxLength={NOTE_MAX} placeholder='备注（选填）：尺寸、口味…' disabled={full} onChange={setNote} />
      <Button block type='primary' fill='outline' disabled={full || text.trim() === ''} loading={wishlist.add.pending} onClick={() => void submit()}>
        {full ? '心愿清单已满' : '添加心愿'}
      </Button>
      <Text className='wishlist__hint'>也可以在积分商城的商品页点“加入心愿清单”</Text>
    </View>
  );
}
