import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { WRITEOFF_SUBJECTS, type OpsWriteoff, type OpsWriteoffFilters } from '@cakeday/shared';
import { useRef } from 'react';
import { opsCall } from '../../api/opsClient';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { pageInput, tableData } from '../../components/serverTable';
import { StoreScopePicker } from '../../components/StoreScopePicker';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { businessDayRange, formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { useStoreScope } from '../../session/useStoreScope';

type Search = { current?: number; pageSize?: number; kind?: unknown; at?: unknown; storeId?: string | null };
const kindEnum = { coupon: { text: '优惠券' }, order: { text: '商城订单' } };

const columns: ProColumns<OpsWriteoff>[] = [
  { title: '核销时间', dataIndex: 'at', valueType: 'dateRange', fieldProps: { placeholder: ['开始日期', '结束日期'] }, render: (_dom, row) => formatBusinessDateTime(row.at) },
  { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum, render: (_dom, row) => kindEnum[row.subject.kind].text },
  { title: '内容', dataIndex: 'subject', hideInSearch: true, render: (_dom, row) => `${row.subject.title}${row.subject.detail ? ` · ${row.subject.detail}` : ''}` },
  { title: '会员', dataIndex: 'memberId', hideInSearch: true, render: (_dom, row) => row.subject.memberName },
  { title: '门店', dataIndex: 'store', hideInSearch: true, render: (_dom, row) => `${row.store.name}（${row.store.code}）` },
  { title: '店员', dataIndex: 'staffName', hideInSearch: true },
];

/** 核销记录: by store (a store manager's own only) and business-day range, paged on the server, exported as filtered. */
export function WriteoffsPage() {
  const scope = useStoreScope();
  const applied = useRef<OpsWriteoffFilters>({});
  const showError = useRequestErrorMessage();
  const request = async (search: Search) => {
    const filters: OpsWriteoffFilters = {
      ...businessDayRange(search.at),
      kind: WRITEOFF_SUBJECTS.find((kind) => kind === search.kind),
      ...(search.storeId ? { storeId: search.storeId } : {}),
    };
    applied.current = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
    return tableData(await opsCall('ops.writeoffs.list', { ...pageInput(search), ...applied.current }));
  };
  return (
    <>
      <StoreScopePicker />
      <ProTable<OpsWriteoff, Search>
        headerTitle="核销记录"
        rowKey="id"
        params={{ storeId: scope.storeId }}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="export" I="export" a="Writeoff">
            <ExportCsvButton route="ops.writeoffs.export" input={() => applied.current} noun="核销记录" />
          </Can>,
        ]}
      />
    </>
  );
}
