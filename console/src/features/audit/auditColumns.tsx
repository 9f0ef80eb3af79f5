import type { ProColumns } from '@ant-design/pro-components';
import type { AuditEntry } from '@cakeday/shared';
import { AutoComplete, Typography } from 'antd';
import { opsCall } from '../../api/opsClient';
import { formatBusinessDateTime } from '../../format/businessTime';
import { actionName, actionOptions, auditOutcomeNames, auditSubjectNames } from './auditLabels';

const subjectOptions = Object.entries(auditSubjectNames).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

/** Operators to filter by; the list is an admin's, like the log itself. */
async function operatorOptions(): Promise<{ label: string; value: string }[]> {
  const { items } = await opsCall('ops.operators.list', { page: 1, pageSize: 100 });
  return items.map((operator) => ({ label: `${operator.displayName}（${operator.loginName}）`, value: operator.id }));
}

/** The table's columns; the hidden ones are the route's filters in the search form. */
export const auditColumns: ProColumns<AuditEntry>[] = [
  { title: '序号', dataIndex: 'seq', hideInSearch: true, width: 80 },
  {
    title: '时间',
    dataIndex: 'at',
    valueType: 'dateTimeRange',
    render: (_dom, entry) => formatBusinessDateTime(entry.at),
    search: { transform: (range: [string, string]) => ({ from: range[0], to: range[1] }) },
    fieldProps: { placeholder: ['开始时间（北京时间）', '结束时间'] },
  },
  {
    title: '操作人',
    dataIndex: 'actorId',
    valueType: 'select',
    request: operatorOptions,
    fieldProps: { showSearch: true, optionFilterProp: 'label' },
    render: (_dom, entry) => entry.actor.name,
  },
  {
    title: '操作',
    dataIndex: 'action',
    renderFormItem: () => <AutoComplete options={actionOptions} placeholder="如 ops.settings.update" allowClear filterOption />,
    render: (_dom, entry) => (
      <>
        {actionName(entry.action)}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entry.action}
        </Typography.Text>
      </>
    ),
  },
  {
    title: '对象类型',
    dataIndex: 'subjectType',
    renderFormItem: () => <AutoComplete options={subjectOptions} placeholder="如 Operator" allowClear filterOption />,
    render: (_dom, entry) => auditSubjectNames[entry.subject.type] ?? entry.subject.type,
  },
  { title: '对象 ID', dataIndex: 'subjectId', render: (_dom, entry) => entry.subject.id ?? '—', copyable: true },
  { title: '原因', dataIndex: 'reason', hideInSearch: true, ellipsis: true, render: (_dom, entry) => entry.reason ?? '—' },
  { title: '结果', dataIndex: 'outcome', hideInSearch: true, valueEnum: auditOutcomeNames, width: 100 },
];
