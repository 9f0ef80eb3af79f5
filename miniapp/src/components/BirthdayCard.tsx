import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { type Birthday } from '@cakeday/shared';
import { birthdayCountdown } from '../format/birthdayCountdown';
import { formatBirthday } from '../format/dates';
import './BirthdayCard.scss';

interface BirthdayCardProps {
  birthday: Birthday | null;
  now: Date;
  onSetBirthday(): void;
}

/** The countdown to the next birthday, or the invitation to set it. */
export function BirthdayCard({ birthday, now, onSetBirthday }: BirthdayCardProps): JSX.Element {
  if (!birthday) {
    return (
      <View className='birthday-card birthday-card--unset'>
        <Text className='birthday-card__emoji'>🎁</Text>
        <View className='birthday-card__body'>
          <Text className='birthday-card__headline'>设置生日，领取生日礼</Text>
          <Text className='birthday-card__detail'>生日月消费积分加倍，还有专属生日礼</Text>
        </View>
        <Button className='birthday-card__action' type='primary' size='small' onClick={onSetBirthday}>
          去设置
        </Button>
      </View>
    );
  }
  const countdown = birthdayCountdown(birthday, now);
  return (
    <View className='birthday-card' onClick={onSetBirthday}>
      <Text className='birthday-card__emoji'>🎂</Text>
      <View className='birthday-card__body'>
        <Text className='birthday-card__headline'>{countdown.headline}</Text>
        <Text className='birthday-card__detail'>
          {formatBirthday(birthday)} · {countdown.detail}
        </Text>
      </View>
    </View>
  );
}
