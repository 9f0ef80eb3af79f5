import { Space, Tag, Typography } from 'antd';
import { useStoreScope } from '../session/useStoreScope';
import { StoreSelect } from './StoreSelect';

/** Above a store-scoped table: a store manager's own store as a label, everyone else a picker (empty = all stores). */
export function StoreScopePicker({ allLabel = '全部门店' }: { allLabel?: string }) {
  const scope = useStoreScope();
  return (
    <Space style={{ marginBottom: 16 }}>
      <Typography.Text>门店：</Typography.Text>
      {scope.fixedStoreName ? (
        <Tag color="blue">{scope.fixedStoreName}</Tag>
      ) : (
        <StoreSelect value={scope.storeId} onChange={(storeId) => scope.pick(storeId ?? null)} allowClear placeholder={allLabel} />
      )}
    </Space>
  );
}
