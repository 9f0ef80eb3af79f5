import { ExportCsvButton } from '../../components/ExportCsvButton';
import type { AuditFilters } from './auditFilters';

/** Streams the log under the current filters to a CSV file, with the rows received against the announced total. */
export function ExportAuditButton({ filters }: { filters: () => AuditFilters }) {
  return <ExportCsvButton route="ops.audit.export" input={filters} noun="操作日志" />;
}
