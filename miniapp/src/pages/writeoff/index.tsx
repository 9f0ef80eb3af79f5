import { Text, View } from '@tarojs/components';
import { CardSkeleton } from '../../components/CardSkeleton';
import { RemoteView } from '../../components/RemoteView';
import { EmptyView } from '../../components/StateViews';
import { TokenSource } from '../../components/TokenSource';
import { useStaffProfile, useWriteoff, type StaffProfile } from '../../hooks/useWriteoff';
import { WriteoffResult } from './WriteoffResult';
import './index.scss';

function StaffDesk({ profile }: { profile: StaffProfile }): JSX.Element {
  const writeoff = useWriteoff();
  if (!profile.isStaff || !profile.store) {
    return <EmptyView title='你还不是门店店员' description='门店核销仅对已授权的店员开放，如需开通请联系门店负责人' />;
  }
  return (
    <>
      <View className='writeoff__card'>
        <Text className='writeoff__store'>{profile.store.name}</Text>
        <Text className='writeoff__hint'>扫描顾客出示的优惠券或订单二维码，确认后完成核销</Text>
        <TokenSource pending={writeoff.inspect.pending} onToken={(token) => void writeoff.inspect.run(token)} />
      </View>
      <WriteoffResult writeoff={writeoff} />
    </>
  );
}

export function WriteoffPage(): JSX.Element {
  const profile = useStaffProfile();
  return (
    <View className='writeoff'>
      <RemoteView remote={profile} skeleton={<CardSkeleton cards={1} />}>
        {(data) => <StaffDesk profile={data} />}
      </RemoteView>
    </View>
  );
}

export default WriteoffPage;
