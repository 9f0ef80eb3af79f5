import type { ProColumns } from '@ant-design/pro-components';
import { POINTS_ADJUSTMENT_STATES, pointsAdjustmentStateLabels, type PointsAdjustmentView } from '@cakeday/shared';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatBusinessDateTime } from '../../format/businessTime';
import { signedPoints } from '../members/memberLabels';

const stateEnum = Object.fromEntries(POINTS_ADJUSTMENT_STATES.map((state) => [state, { text: pointsAdjustmentStateLabels[state] }]));
const stateColors: Record<PointsAdjustmentView['state'], string> = { pending: 'gold', approved: 'blue', applied: 'green', rejected: 'default', failed: 'red' };

export interface AdjustmentActions {
  approve: (adjustment: PointsAdjustmentView) => void;
  reject: (adjustment: PointsAdjustmentView) => void;
}

/** The queue's columns; 状态 and 会员编号 double as the search form. */
export function adjustmentColumns(actions: AdjustmentActions): ProColumns<PointsAdjustmentView>[] {
  return [
    { title: '申请时间', dataIndex: 'requestedAt', hideInSearch: true, render: (_dom, row) => formatBusinessDateTime(row.requestedAt) },
    {
      title: '会员编号',
      dataIndex: 'memberId',
      formItemProps: { rules: [{ pattern: /^[0-9a-fA-F]{24}$/, message: '会员编号为 24 位字符' }] },
      render: (_dom, row) => <Link to={`/members/${row.memberId}`}>{row.memberId}</Link>,
    },
    { title: '积分', dataIndex: 'points', hideInSearch: true, render: (_dom, row) => signedPoints(row.points) },
    { title: '原因', dataIndex: 'reason', hideInSearch: true },
    { title: '会员看到', dataIndex: 'memberText', hideInSearch: true },
    { title: '申请人', dataIndex: 'requestedBy', hideInSearch: true, render: (_dom, row) => row.requestedBy.displayName },
    { title: '状态', dataIndex: 'state', valueType: 'select', valueEnum: stateEnum, render: (_dom, row) => <StateCell row={row} /> },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, row) =>
        // The BFF says who may decide: someone else's pending adjustment, to an operator allowed to approve.
        row.canDecide ? (
          <Space>
            <Typography.Link onClick={() => actions.approve(row)}>批准</Typography.Link>
            <Typography.Link type="danger" onClick={() => actions.reject(row)}>
              驳回
            </Typography.Link>
          </Space>
        ) : row.state === 'pending' ? (
          <Typography.Text type="secondary">待他人审批</Typography.Text>
        ) : null,
    },
  ];
}

function StateCell({ row }: { row: PointsAdjustmentView }) {
  const decided = row.decidedBy ? `${row.decidedBy.displayName}${row.decidedAt ? ` · ${formatBusinessDateTime(row.decidedAt)}` : ''}` : null;
  return (
    <>
      <Tag color={stateColors[row.state]}>{row.stateLabel}</Tag>
      {decided ? <div style={{ fontSize: 12 }}>{decided}</div> : null}
      {row.rejectReason ? <div style={{ fontSize: 12 }}>驳回原因：{row.rejectReason}</div> : null}
      {row.failure ? <div style={{ fontSize: 12 }}>未入账：余额不足</div> : null}
    </>
  );
}
