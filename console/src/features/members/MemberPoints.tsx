import type { OpsLedgerEntry, OpsMembersGetResponse } from '@cakeday/shared';
import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDate, formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { MemberAdjustments } from './MemberAdjustments';
import { entryKindNames, signedPoints } from './memberLabels';

const PAGE_SIZE = 10;

type Lot = OpsMembersGetResponse['points']['lots'][number];

/** The member's points: the lots that make the balance, the whole ledger paged on the server, and manual adjustments. */
export function MemberPoints({ memberId, points }: { memberId: string; points: OpsMembersGetResponse['points'] }) {
  return (
    <>
      <Typography.Title level={5}>积分批次</Typography.Title>
      <Table<Lot>
        size="small"
        rowKey="lotId"
        pagination={false}
        dataSource={points.lots}
        locale={{ emptyText: '没有积分批次' }}
        columns={[
          { title: '获得时间', dataIndex: 'earnedAt', render: (value: string) => formatBusinessDateTime(value) },
          { title: '获得', dataIndex: 'amount' },
          { title: '剩余', dataIndex: 'remaining' },
          { title: '过期日', dataIndex: 'expiresAt', render: (value: string) => formatBusinessDate(value) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        积分明细
      </Typography.Title>
      <MemberLedger memberId={memberId} />
      <Can I="read" a="PointsAdjustment">
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          人工调整记录
        </Typography.Title>
        <MemberAdjustments memberId={memberId} />
      </Can>
    </>
  );
}

/** Every ledger line, newest first (`ops.points.ledger`). */
function MemberLedger({ memberId }: { memberId: string }) {
  const [page, setPage] = useState(1);
  const ledger = useOpsQuery('ops.points.ledger', { memberId, page, pageSize: PAGE_SIZE });
  return (
    <Table<OpsLedgerEntry>
      size="small"
      rowKey="id"
      loading={ledger.isPending}
      dataSource={ledger.data?.items ?? []}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: ledger.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      locale={{ emptyText: ledger.error ? ledger.error.message : '没有积分记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', render: (value: string) => formatBusinessDateTime(value) },
        { title: '类型', dataIndex: 'kind', render: (kind: OpsLedgerEntry['kind']) => entryKindNames[kind] },
        { title: '积分', dataIndex: 'delta', render: (delta: number) => signedPoints(delta) },
        { title: '说明', dataIndex: 'reason' },
        { title: '过期日', dataIndex: 'expiresAt', render: (value: string | null) => (value ? formatBusinessDate(value) : '—') },
      ]}
    />
  );
}
