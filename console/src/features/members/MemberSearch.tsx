import { ProTable } from '@ant-design/pro-components';
import type { OpsMemberRow, OpsMembersExportRequest } from '@cakeday/shared';
import { useRef } from 'react';
import { opsCall } from '../../api/opsClient';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { memberColumns } from './memberColumns';
import { memberFilters, type MemberSearchForm } from './memberFilters';

/** 会员: found by phone (exact), member id or nickname, filtered and paged on the server; all personal data masked. */
export function MemberSearch() {
  const applied = useRef<OpsMembersExportRequest>({});
  const showError = useRequestErrorMessage();
  const request = async (search: MemberSearchForm) => {
    applied.current = memberFilters(search);
    return tableData(await opsCall('ops.members.search', { ...pageInput(search), ...applied.current }));
  };
  return (
    <ProTable<OpsMemberRow, MemberSearchForm>
      headerTitle="会员"
      rowKey="id"
      columns={memberColumns}
      request={request}
      onRequestError={showError}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      search={{ labelWidth: 'auto', defaultCollapsed: false }}
      toolBarRender={() => [
        <Can key="export" I="export" a="Member">
          <ExportCsvButton route="ops.members.export" input={() => applied.current} noun="会员" />
        </Can>,
      ]}
    />
  );
}
