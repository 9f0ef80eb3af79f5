import { Form, Input, InputNumber } from 'antd';
import { OnDutyOperatorsInput } from './OnDutyOperatorsInput';
import type { SettingsField } from './settingsFields';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One setting in the form, in the unit operators read: yuan with fen precision, 积分/元 to the thousandth; disabled
 * when the operator may not change its section.
 */
export function SettingsFieldInput({ field, readOnly = false }: { field: SettingsField; readOnly?: boolean }) {
  const name = field.path.split('.');
  if (field.kind === 'operators') return <OnDutyOperatorsInput field={field} readOnly={readOnly} />;
  const required = { required: true, message: `请填写${field.label}` };
  if (field.kind === 'text') {
    return (
      <Form.Item label={field.label} name={name} extra={field.help} rules={[required, { max: 64, whitespace: true }]}>
        <Input disabled={readOnly} />
      </Form.Item>
    );
  }
  if (field.kind === 'clock') {
    return (
      <Form.Item label={field.label} name={name} extra={field.help ?? '北京时间，格式 HH:mm'} rules={[required, { pattern: CLOCK, message: '格式为 HH:mm，如 21:00' }]}>
        <Input placeholder="HH:mm" style={{ width: 120 }} disabled={readOnly} />
      </Form.Item>
    );
  }
  const numberProps =
    field.kind === 'yuan'
      ? { precision: 2, step: 1, prefix: '¥', suffix: '元' }
      : field.kind === 'rate'
        ? { precision: 3, step: 0.1, suffix: '积分/元' }
        : { precision: 0, step: 1, suffix: field.unit };
  return (
    <Form.Item label={field.label} name={name} extra={field.help} rules={[required]}>
      <InputNumber min={field.min ?? 0} max={field.max} style={{ width: '100%' }} disabled={readOnly} {...numberProps} />
    </Form.Item>
  );
}
