import { Image, Text, View } from '@tarojs/components';
import { type Person } from '@cakeday/shared';
import './Avatar.scss';
import { imageAlt } from './imageAlt';

/** A person's avatar, or the first character of the nickname on the theme's rose. */
export function Avatar({ person, size }: { person: Person; size: 'small' | 'large' }): JSX.Element {
  return (
    <View className={`avatar avatar--${size}`} aria-label={person.nickname}>
      {person.avatarUrl ? (
        <Image className='avatar__image' src={person.avatarUrl} mode='aspectFill' {...imageAlt(`${person.nickname}的头像`)} />
      ) : (
        <Text>{person.nickname.slice(0, 1)}</Text>
      )}
    </View>
  );
}
