import { Text, View } from '@tarojs/components';
import { ToggleSwitch } from '../../components/ToggleSwitch';
import { type ConsentStatusView } from '../../hooks/useConsents';
import { formatBusinessDate, formatBusinessDateTime } from '../../format/dates';

interface ConsentItemProps {
  status: ConsentStatusView;
  pending: boolean;
  onChange(granted: boolean): void;
}

function standing(status: ConsentStatusView): string {
  if (status.granted && status.needsRenewal) return '说明已更新，请重新确认';
  if (status.granted && status.grantedAt) return `已于 ${formatBusinessDate(status.grantedAt)} 同意`;
  // A reply of R/TD to an SMS withdraws at once, outside the app: say so where the member would look for it.
  if (status.withdrawnAt && status.withdrawnVia === 'sms_reply') return `已于 ${formatBusinessDateTime(status.withdrawnAt)} 回复短信退订`;
  if (status.withdrawnAt) return `已于 ${formatBusinessDate(status.withdrawnAt)} 撤回`;
  return '未同意';
}

/** One purpose: the exact text the member agrees to, its version, and the switch. */
export function ConsentItem({ status, pending, onChange }: ConsentItemProps): JSX.Element {
  return (
    <View className='privacy__consent'>
      <View className='privacy__consent-header'>
        <Text className='privacy__consent-title'>{status.title}</Text>
        <ToggleSwitch checked={status.granted && !status.needsRenewal} label={status.title} disabled={pending} onChange={onChange} />
      </View>
      <Text className='privacy__consent-text'>{status.text}</Text>
      <Text className='privacy__consent-meta'>
        {standing(status)} · 版本 {status.currentVersion}
      </Text>
    </View>
  );
}
