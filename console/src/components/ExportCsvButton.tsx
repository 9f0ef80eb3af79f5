import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/opsApiError';
import { opsExport, type ExportProgress } from '../api/opsExport';
import type { OpsExportName, OpsInput } from '../api/opsRoutes';

/**
 * Streams an export under the table's current filters to a CSV file, showing the rows received against the total
 * the BFF announced. `noun` names what is exported: 已导出 12 条{noun}.
 */
export function ExportCsvButton<N extends OpsExportName>({ route, input, noun }: { route: N; input: () => OpsInput<N>; noun: string }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const { message } = App.useApp();
  const start = async (): Promise<void> => {
    setProgress({ rows: 0, total: null });
    try {
      const { rows } = await opsExport(route, input(), setProgress);
      void message.success(`已导出 ${rows} 条${noun}`);
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
      <Modal open={progress !== null} title={`正在导出${noun}`} footer={null} closable={false} maskClosable={false}>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">
          已接收 {progress?.rows ?? 0}
          {progress?.total !== null && progress?.total !== undefined ? ` / ${progress.total}` : ''} 条
        </Typography.Text>
      </Modal>
    </>
  );
}
