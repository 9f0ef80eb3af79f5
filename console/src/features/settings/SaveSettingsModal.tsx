import type { ProgramSettings, SettingsChange } from '@cakeday/shared';
import { Alert, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isOpsError } from '../../api/opsApiError';
import { useOpsMutation } from '../../api/useOps';
import { businessIsoFromWallTime } from '../../format/businessTime';
import { SettingsDiff } from './SettingsDiff';

export interface SettingsDraft {
  basedOnVersion: number;
  settings: ProgramSettings;
  changes: SettingsChange[];
}

interface SaveValues {
  reason: string;
  effectiveFrom?: Dayjs | null;
}

/**
 * The diff against the version being edited, the reason (audited) and an optional start, then the save. A save on
 * top of a version someone else has since replaced is refused (STALE_VERSION): the operator reloads and redoes it.
 */
export function SaveSettingsModal({
  draft,
  onClose,
  onSaved,
  onReload,
}: {
  draft: SettingsDraft;
  onClose: () => void;
  onSaved: (version: number) => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<SaveValues>();
  const save = useOpsMutation('ops.settings.update', { onSuccess: (saved) => onSaved(saved.version) });
  const stale = isOpsError(save.error, 'STALE_VERSION');
  const submit = (values: SaveValues): void => {
    const effectiveFrom = values.effectiveFrom ? businessIsoFromWallTime(values.effectiveFrom.format('YYYY-MM-DD HH:mm:ss')) : null;
    save.mutate({ basedOnVersion: draft.basedOnVersion, reason: values.reason, settings: draft.settings, ...(effectiveFrom ? { effectiveFrom } : {}) });
  };
  return (
    <Modal
      open
      width={720}
      title={`确认修改（基于版本 ${draft.basedOnVersion}）`}
      onCancel={onClose}
      footer={
        stale
          ? [<Button key="reload" type="primary" onClick={onReload}>重新加载最新设置</Button>]
          : [
              <Button key="cancel" onClick={onClose}>返回修改</Button>,
              <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()}>确认保存</Button>,
            ]
      }
    >
      <Typography.Paragraph>以下 {draft.changes.length} 项将被修改：</Typography.Paragraph>
      <SettingsDiff changes={draft.changes} />
      {stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          message="设置已被他人修改，本次修改未保存"
          description="在你编辑期间，已有其他运营人员保存了新的版本。请重新加载最新设置，确认后再修改。"
        />
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 16 }} onFinish={submit} disabled={save.isPending}>
          {save.error ? <Alert type="error" showIcon message={save.error.message} style={{ marginBottom: 16 }} /> : null}
          <Form.Item label="修改原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '请填写 2–200 字的原因' }]}>
            <Input.TextArea rows={2} placeholder="将记入操作日志" />
          </Form.Item>
          <Form.Item label="生效时间（北京时间）" name="effectiveFrom" extra="留空则保存后立即生效">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
