import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { RemoteView } from '../../components/RemoteView';
import { formatBusinessDateTime } from '../../format/dates';
import { useAccountDeletion } from '../../hooks/useAccountDeletion';
import { useConsents, type ConsentStatusView } from '../../hooks/useConsents';
import { useDataExport } from '../../hooks/useDataExport';
import { ConsentItem } from './ConsentItem';
import './index.scss';

interface Withdrawal {
  status: ConsentStatusView;
}

export function PrivacyPage(): JSX.Element {
  const consents = useConsents();
  const dataExport = useDataExport();
  const deletion = useAccountDeletion();
  const [withdrawal, setWithdrawal] = useState<Withdrawal | null>(null);
  const [confirmingDeletion, setConfirmingDeletion] = useState(false);

  const change = (status: ConsentStatusView, granted: boolean): void => {
    // Withdrawing the birthday consent deletes the stored birthday: ask first.
    if (!granted && status.purpose === 'birthday') setWithdrawal({ status });
    else void consents.setGranted.run(status, granted);
  };

  return (
    <View className='privacy'>
      <Text className='privacy__section'>我的授权</Text>
      <RemoteView remote={consents} skeleton={<CardSkeleton cards={2} />}>
        {(list) => (
          <View className='privacy__card'>
            {list.consents.map((status) => (
              <ConsentItem
                key={status.purpose}
                status={status}
                pending={consents.setGranted.pending}
                onChange={(granted) => change(status, granted)}
              />
            ))}
          </View>
        )}
      </RemoteView>

      <Text className='privacy__section'>我的数据</Text>
      <View className='privacy__card'>
        <Text className='privacy__explain'>导出我们保存的你的全部个人数据（资料、等级、积分明细、授权记录）。</Text>
        {dataExport.result ? (
          <Text className='privacy__exported'>
            已导出（{formatBusinessDateTime(dataExport.result.exportedAt)}）：积分记录 {dataExport.result.points.entries.length} 条，授权记录{' '}
            {dataExport.result.consents.length} 条
          </Text>
        ) : null}
        <Button block type='primary' fill='outline' loading={dataExport.exportData.pending} onClick={() => void dataExport.exportData.run()}>
          导出我的数据
        </Button>
      </View>

      <View className='privacy__card'>
        <Text className='privacy__explain'>注销后，你的资料、积分、等级和生日信息将被删除且无法恢复。</Text>
        <Button block type='danger' loading={deletion.pending} onClick={() => setConfirmingDeletion(true)}>
          注销账号
        </Button>
      </View>

      <Dialog
        visible={withdrawal !== null}
        title='撤回生日授权'
        content='撤回后我们将删除你已保存的生日，并停止发放生日礼等生日权益。确定撤回吗？'
        confirmText='确定撤回'
        cancelText='再想想'
        onConfirm={() => {
          if (withdrawal) void consents.setGranted.run(withdrawal.status, false);
          setWithdrawal(null);
        }}
        onCancel={() => setWithdrawal(null)}
      />
      <Dialog
        visible={confirmingDeletion}
        title='确定注销账号？'
        content='注销后，你的积分、等级、生日与授权记录将全部删除，且无法恢复。'
        confirmText='确认注销'
        cancelText='取消'
        onConfirm={() => {
          setConfirmingDeletion(false);
          void deletion.run();
        }}
        onCancel={() => setConfirmingDeletion(false)}
      />
    </View>
  );
}

export default PrivacyPage;
