import { Form, Input } from 'antd';

/** The operator's reason (2–200 characters, kept in the audit log); optional where the route allows none. */
export function ReasonField({ label = '原因', name = 'reason', required = true, placeholder = '将记入操作日志' }: { label?: string; name?: string; required?: boolean; placeholder?: string }) {
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[...(required ? [{ required: true, whitespace: true, message: '请填写 2–200 字的原因' }] : []), { min: 2, max: 200, message: '请填写 2–200 字的原因' }]}
    >
      <Input.TextArea rows={2} placeholder={placeholder} />
    </Form.Item>
  );
}

/** An optional reason as the routes take it: absent rather than empty. */
export function optionalReason(reason: string | undefined): { reason?: string } {
  const trimmed = reason?.trim();
  return trimmed ? { reason: trimmed } : {};
}
