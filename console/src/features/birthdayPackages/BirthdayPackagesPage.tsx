import { TIER_LEVELS, tierNames, type OpsBirthdayPackage, type TierLevel } from '@cakeday/shared';
import { Alert, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { BirthdayPackageModal } from './BirthdayPackageModal';

type TierFilter = TierLevel | 'all';
const tierOptions: { value: TierFilter; label: string }[] = [{ value: 'all', label: '全部等级' }, ...TIER_LEVELS.map((tier) => ({ value: tier, label: tierNames[tier] }))];

/** 生日礼包: the packages per tier (a few, listed whole), each edited on the version loaded. */
export function BirthdayPackagesPage() {
  const [tier, setTier] = useState<TierFilter>('all');
  const [editing, setEditing] = useState<OpsBirthdayPackage | null>(null);
  const packages = useOpsQuery('ops.birthdayPackages.list', tier === 'all' ? {} : { tier });
  return (
    <Card title="生日礼包" extra={<Segmented<TierFilter> value={tier} onChange={setTier} options={tierOptions} />}>
      {packages.error ? <Alert type="error" showIcon message={packages.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<OpsBirthdayPackage>
        rowKey="id"
        loading={packages.isFetching}
        dataSource={packages.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '没有生日礼包' }}
        columns={[
          {
            title: '礼包',
            dataIndex: 'title',
            render: (title: string, pkg) => (
              <>
                {title}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pkg.code}
                </Typography.Text>
              </>
            ),
          },
          { title: '适用等级', dataIndex: 'tiers', render: (tiers: TierLevel[]) => tiers.map((level) => <Tag key={level}>{tierNames[level]}</Tag>) },
          { title: '礼品', dataIndex: 'items', render: (items: OpsBirthdayPackage['items']) => items.map((item) => item.title).join('、') },
          { title: '领取时间', dataIndex: 'windowText' },
          { title: '状态', dataIndex: 'active', render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: '更新时间', dataIndex: 'updatedAt', render: (value: string) => formatBusinessDateTime(value) },
          {
            title: '操作',
            render: (_value, pkg) => (
              <Can I="update" a="BirthdayPackage">
                <Space>
                  <Typography.Link onClick={() => setEditing(pkg)}>编辑</Typography.Link>
                </Space>
              </Can>
            ),
          },
        ]}
      />
      {editing ? (
        <BirthdayPackageModal
          pkg={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void packages.refetch();
          }}
        />
      ) : null}
    </Card>
  );
}
