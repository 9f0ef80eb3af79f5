import { ProTable } from '@ant-design/pro-components';
import type { AuditEntry } from '@cakeday/shared';
import { useRef } from 'react';
import { opsCall } from '../../api/opsClient';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { AuditChanges } from './AuditChanges';
import { auditColumns } from './auditColumns';
import { auditFilters, type AuditFilters, type AuditSearch } from './auditFilters';
import { ExportAuditButton } from './ExportAuditButton';
import { VerifyAuditButton } from './VerifyAuditButton';

/** 操作日志: filtered and paged on the server, each entry's before/after on expanding it, export and chain check. */
export function AuditPage() {
  const applied = useRef<AuditFilters>({});
  const showError = useRequestErrorMessage();
  const request = async (search: AuditSearch) => {
    applied.current = auditFilters(search);
    return tableData(await opsCall('ops.audit.list', { ...pageInput(search), ...applied.current }));
  };
  return (
    <ProTable<AuditEntry, AuditSearch>
      headerTitle="操作日志"
      rowKey="seq"
      columns={auditColumns}
      request={request}
      onRequestError={showError}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      search={{ labelWidth: 'auto', defaultCollapsed: false }}
      expandable={{ expandedRowRender: (entry) => <AuditChanges entry={entry} /> }}
      toolBarRender={() => [
        <VerifyAuditButton key="verify" />,
        <Can key="export" I="export" a="AuditLog">
          <ExportAuditButton filters={() => applied.current} />
        </Can>,
      ]}
    />
  );
}
