import { ProTable } from '@ant-design/pro-components';
import type { OpsOrderFilters, OpsOrderSummary } from '@cakeday/shared';
import { useRef } from 'react';
import { opsCall } from '../../api/opsClient';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { orderColumns } from './orderColumns';
import { orderFilters, type OrderSearch } from './orderFilters';

/** Orders filtered and paged on the server, exported under the same filters; `flaggedOnly` makes it the work queue. */
export function OrdersTable({ title, memberId, flaggedOnly = false }: { title: string; memberId?: string; flaggedOnly?: boolean }) {
  const applied = useRef<OpsOrderFilters>({ flaggedOnly });
  const showError = useRequestErrorMessage();
  const request = async (search: OrderSearch) => {
    applied.current = orderFilters(search, flaggedOnly);
    return tableData(await opsCall('ops.orders.list', { ...pageInput(search), ...applied.current }));
  };
  return (
    <ProTable<OpsOrderSummary, OrderSearch>
      headerTitle={title}
      rowKey="id"
      columns={orderColumns({ queueOnly: flaggedOnly })}
      request={request}
      onRequestError={showError}
      form={{ initialValues: memberId ? { buyerMemberId: memberId } : {} }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      search={{ labelWidth: 'auto' }}
      toolBarRender={() => [
        <Can key="export" I="export" a="Order">
          <ExportCsvButton route="ops.orders.export" input={() => applied.current} noun="订单" />
        </Can>,
      ]}
    />
  );
}
