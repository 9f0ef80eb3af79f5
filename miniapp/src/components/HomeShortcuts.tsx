import { Text, View } from '@tarojs/components';
import './HomeShortcuts.scss';

const shortcuts = [
  { emoji: '💳', label: '会员码', url: '/pages/member-code/index' },
  { emoji: '📝', label: '心愿清单', url: '/pages/wishlist/index' },
  { emoji: '🤝', label: '生日助力', url: '/pages/help/index' },
  { emoji: '💌', label: '邀请好友', url: '/pages/referral/index' },
  { emoji: '🎫', label: '我的券', url: '/pages/coupons/index' },
] as const;

/** The birthday features one tap from home. */
export function HomeShortcuts({ onOpen }: { onOpen(url: string): void }): JSX.Element {
  return (
    <View className='home-shortcuts'>
      {shortcuts.map((shortcut) => (
        <View key={shortcut.url} className='home-shortcuts__item' onClick={() => onOpen(shortcut.url)}>
          <Text className='home-shortcuts__emoji'>{shortcut.emoji}</Text>
          <Text className='home-shortcuts__label'>{shortcut.label}</Text>
        </View>
      ))}
    </View>
  );
}
