import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/opsApiError';
import { opsExport, type ExportProgress } from '../../api/opsExport';
import type { AuditFilters } from './auditFilters';

/** Streams the log under the current filters to a CSV file, with the rows received against the announced total. */
export function ExportAuditButton({ filters }: { filters: () => AuditFilters }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const { message } = App.useApp();
  const start = async (): Promise<void> => {
    setProgress({ rows: 0, total: null });
    try {
      const { rows } = await opsExport('ops.audit.export', filters(), setProgress);
      void message.success(`已导出 ${rows} 条操作日志`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setProgress(null);
    }
  };
  const percent = progress?.total ? Math.min(100, Math.floor((progress.rows / progress.total) * 100)) : 0;
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => void start()} loading={progress !== null}>
        导出 CSV
      </Button>
      <Modal open={progress !== null} title="正在导出操作日志" footer={null} closable={false} maskClosable={false}>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">
          已接收 {progress?.rows ?? 0}
          {progress?.total !== null && progress?.total !== undefined ? ` / ${progress.total}` : ''} 条
        </Typography.Text>
      </Modal>
    </>
  );
}
