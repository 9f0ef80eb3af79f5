import { ProTable, type ProColumns } from '@ant-design/pro-components';
import type { OpsPurchase } from '@cakeday/shared';
import { Typography } from 'antd';
import { useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { StoreScopePicker } from '../../components/StoreScopePicker';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { businessDayRange, formatBusinessDateTime } from '../../format/businessTime';
import { useStoreScope } from '../../session/useStoreScope';
import { PurchaseDetailDrawer } from './PurchaseDetailDrawer';
import { pointsText, purchaseStateNames, tierChangeText, yuan } from './purchaseText';

type Search = { current?: number; pageSize?: number; receiptNo?: unknown; memberId?: unknown; purchasedAt?: unknown; storeId?: string | null };

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** 消费记录: till and online-shop purchases by store (a store manager's own only), member, receipt and business days. */
export function PurchasesPage() {
  const scope = useStoreScope();
  const showError = useRequestErrorMessage();
  const [opened, setOpened] = useState<string | null>(null);
  const columns: ProColumns<OpsPurchase>[] = [
    { title: '消费时间', dataIndex: 'purchasedAt', valueType: 'dateRange', fieldProps: { placeholder: ['开始日期', '结束日期'] }, render: (_dom, row) => formatBusinessDateTime(row.purchasedAt) },
    { title: '小票号', dataIndex: 'receiptNo' },
    { title: '会员 ID', dataIndex: 'memberId', render: (_dom, row) => <Typography.Text copyable>{row.memberId}</Typography.Text> },
    { title: '门店 / 渠道', dataIndex: 'store', hideInSearch: true, render: (_dom, row) => (row.store ? row.store.name : '线上商城') },
    { title: '实付', dataIndex: 'paidFen', hideInSearch: true, render: (_dom, row) => yuan(row.paidFen) },
    { title: '积分', dataIndex: 'pointsEarned', hideInSearch: true, render: (_dom, row) => pointsText(row) },
    { title: '等级', dataIndex: 'tierAfter', hideInSearch: true, render: (_dom, row) => tierChangeText(row) },
    { title: '退款', dataIndex: 'refundedFen', hideInSearch: true, render: (_dom, row) => (row.refundedFen > 0 ? yuan(row.refundedFen) : '—') },
    { title: '状态', dataIndex: 'state', hideInSearch: true, render: (_dom, row) => purchaseStateNames[row.state] },
    { title: '操作', valueType: 'option', render: (_dom, row) => <Typography.Link onClick={() => setOpened(row.id)}>详情</Typography.Link> },
  ];
  const request = async (search: Search) => {
    const memberId = filterValue(search.memberId);
    const receiptNo = filterValue(search.receiptNo);
    return tableData(
      await opsCall('ops.purchases.list', {
        ...pageInput(search),
        ...businessDayRange(search.purchasedAt),
        ...(search.storeId ? { storeId: search.storeId } : {}),
        ...(memberId && OBJECT_ID.test(memberId) ? { memberId } : {}),
        ...(receiptNo ? { receiptNo } : {}),
      }),
    );
  };
  return (
    <>
      <StoreScopePicker />
      <ProTable<OpsPurchase, Search>
        headerTitle="消费记录（门店收银与线上商城）"
        rowKey="id"
        params={{ storeId: scope.storeId }}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
      />
      {opened ? <PurchaseDetailDrawer purchaseId={opened} onClose={() => setOpened(null)} /> : null}
    </>
  );
}
