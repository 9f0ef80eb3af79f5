import type { ProColumns } from '@ant-design/pro-components';
import { ORDER_STATUSES, opsOrderStatusLabels, orderFlagLabel, type OpsOrderSummary } from '@cakeday/shared';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { formatBusinessDateTime } from '../../format/businessTime';

const statusEnum = Object.fromEntries(ORDER_STATUSES.map((status) => [status, { text: opsOrderStatusLabels[status] }]));

/** The order table; 订单号, 会员编号, 状态, 下单时间 and 仅看异常 double as the search form. */
export function orderColumns({ queueOnly }: { queueOnly: boolean }): ProColumns<OpsOrderSummary>[] {
  return [
    { title: '订单号', dataIndex: 'orderNo', copyable: true, render: (_dom, order) => <Link to={`/orders/${order.id}`}>{order.orderNo}</Link> },
    {
      title: '会员编号',
      dataIndex: 'buyerMemberId',
      formItemProps: { rules: [{ pattern: /^[0-9a-f]{24}$/, message: '会员编号为 24 位字符' }] },
      fieldProps: { placeholder: '购买或收礼的会员' },
      render: (_dom, order) => <Link to={`/members/${order.buyerMemberId}`}>{order.buyerMemberId}</Link>,
    },
    { title: '商品', dataIndex: 'item', hideInSearch: true, render: (_dom, order) => `${order.item.title} × ${order.qty}` },
    { title: '金额', dataIndex: 'priceText', hideInSearch: true },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum },
    {
      title: '下单时间',
      dataIndex: 'createdAt',
      valueType: 'dateRange',
      fieldProps: { placeholder: ['开始日期', '结束日期'] },
      render: (_dom, order) => formatBusinessDateTime(order.createdAt),
    },
    {
      title: '异常',
      dataIndex: 'openFlags',
      hideInSearch: true,
      render: (_dom, order) =>
        order.openFlags.length > 0
          ? order.openFlags.map((flag) => (
              <Tag key={flag} color="red">
                {orderFlagLabel(flag)}
              </Tag>
            ))
          : '—',
    },
    {
      title: '仅看待处理异常',
      dataIndex: 'flaggedOnly',
      hideInTable: true,
      hideInSearch: queueOnly,
      valueType: 'switch',
    },
    { title: '操作', valueType: 'option', render: (_dom, order) => <Link to={`/orders/${order.id}`}>查看</Link> },
  ];
}
