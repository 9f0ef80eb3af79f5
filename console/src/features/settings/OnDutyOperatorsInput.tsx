import { Form, Select } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import { useOpsAbility } from '../../session/currentSession';
import type { SettingsField } from './settingsFields';

/**
 * The on-duty roster: operators chosen from the active operators (whoever may read the operators list: the admins who
 * edit it). Others see how many are on duty, not who.
 */
export function OnDutyOperatorsInput({ field, readOnly }: { field: SettingsField; readOnly: boolean }) {
  const canList = useOpsAbility().can('read', 'Operator');
  const operators = useOpsQuery('ops.operators.list', { status: 'active', page: 1, pageSize: 100 }, { enabled: canList });
  const options = (operators.data?.items ?? []).map((operator) => ({ value: operator.id, label: `${operator.displayName}（${operator.loginName}）` }));
  return (
    <Form.Item label={field.label} name={field.path.split('.')} extra={field.help}>
      <Select
        mode="multiple"
        allowClear
        placeholder="未安排值班运营"
        options={options}
        optionFilterProp="label"
        loading={canList && operators.isPending}
        disabled={readOnly}
        {...(canList ? {} : { maxTagCount: 0, maxTagPlaceholder: (omitted: unknown[]) => `${omitted.length} 位运营` })}
      />
    </Form.Item>
  );
}
