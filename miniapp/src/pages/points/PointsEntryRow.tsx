import { Text, View } from '@tarojs/components';
import { type PointsEntry } from '@cakeday/shared';
import { formatBusinessDate, formatBusinessDateTime } from '../../format/dates';

/** One ledger line: why, when, how many, and for earnings when they expire. */
export function PointsEntryRow({ entry }: { entry: PointsEntry }): JSX.Element {
  const positive = entry.delta > 0;
  return (
    <View className='points__entry'>
      <View className='points__entry-main'>
        <Text className='points__reason'>{entry.reason}</Text>
        <Text className='points__time'>{formatBusinessDateTime(entry.at)}</Text>
        {entry.expiresAt && entry.kind === 'earn' ? (
          <Text className='points__expiry'>{formatBusinessDate(entry.expiresAt)} 过期</Text>
        ) : null}
      </View>
      <Text className={`points__delta points__delta--${positive ? 'plus' : 'minus'}`}>
        {positive ? `+${entry.delta}` : entry.delta}
      </Text>
    </View>
  );
}
