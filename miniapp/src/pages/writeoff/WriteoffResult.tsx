import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { type WriteoffState } from '../../hooks/useWriteoff';
import { formatBusinessDateTime } from '../../format/dates';

const subjectKind = { coupon: '优惠券', order: '自提订单' } as const;

/** What was scanned, the confirm button, then the record: which coupon or order, at which store, when. */
export function WriteoffResult({ writeoff }: { writeoff: WriteoffState }): JSX.Element | null {
  const { preview, record } = writeoff;
  const subject = record?.subject ?? preview?.subject;
  if (!subject) return null;
  return (
    <View className={`writeoff__card writeoff__result${record ? ' writeoff__result--done' : ''}`}>
      <Text className='writeoff__result-state'>{record ? '✅ 核销成功' : '待核销'}</Text>
      <Text className='writeoff__result-kind'>{subjectKind[subject.kind]}</Text>
      <Text className='writeoff__result-title'>{subject.title}</Text>
      <Text className='writeoff__result-detail'>{subject.detail}</Text>
      <Text className='writeoff__result-detail'>顾客：{subject.memberName}</Text>
      {record ? (
        <>
          <Text className='writeoff__result-detail'>门店：{record.store.name}</Text>
          <Text className='writeoff__result-detail'>
            时间：{formatBusinessDateTime(record.at)} · 店员 {record.staffName}
          </Text>
          <Button block fill='outline' className='writeoff__next' onClick={writeoff.reset}>
            继续核销
          </Button>
        </>
      ) : (
        <Button block type='primary' className='writeoff__next' loading={writeoff.confirm.pending} onClick={() => void writeoff.confirm.run()}>
          确认核销
        </Button>
      )}
    </View>
  );
}
