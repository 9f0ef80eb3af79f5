import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { INTEGRATION_STATUSES, integrationKindLabels, type OpsIntegration } from '@cakeday/shared';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { CreateIntegrationModal } from './CreateIntegrationModal';
import { RevokeIntegrationModal } from './RevokeIntegrationModal';
import { RotateIntegrationModal } from './RotateIntegrationModal';
import { SecretModal } from './SecretModal';

type Search = { current?: number; pageSize?: number; status?: unknown };
const statusEnum = { active: { text: '使用中', status: 'Success' }, revoked: { text: '已停用', status: 'Default' } };
const time = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

/** 近7日 usage: requests, and errors with their rate (the last error's code on hover). */
function usageText(row: OpsIntegration) {
  const { usage } = row;
  if (usage.requests === 0) return '—';
  const rate = `${usage.errors} 次错误（${usage.errorRatePercent ?? 0}%）`;
  return (
    <>
      {usage.requests} 次
      <br />
      {usage.lastErrorCode ? (
        <Tooltip title={`最近错误：${usage.lastErrorCode}，${time(usage.lastErrorAt)}`}>
          <Typography.Text type={usage.errorRatePercent !== null && usage.errorRatePercent >= 5 ? 'danger' : 'secondary'}>{rate}</Typography.Text>
        </Tooltip>
      ) : (
        <Typography.Text type="secondary">{rate}</Typography.Text>
      )}
    </>
  );
}

/**
 * 接入管理: the keys of store tills and the online shop (admins only): create and rotate (the secret shown once),
 * revoke; last use and the last 7 days' requests and error rate per key.
 */
export function IntegrationsPage() {
  const table = useRef<ActionType>();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ integration: OpsIntegration; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<OpsIntegration | null>(null);
  const [rotating, setRotating] = useState<OpsIntegration | null>(null);
  const showError = useRequestErrorMessage();
  const columns: ProColumns<OpsIntegration>[] = [
    { title: '名称', dataIndex: 'name', hideInSearch: true },
    { title: '类型', dataIndex: 'kind', hideInSearch: true, render: (_dom, row) => integrationKindLabels[row.kind] },
    { title: '门店', dataIndex: 'store', hideInSearch: true, render: (_dom, row) => (row.store ? `${row.store.name}（${row.store.code}）` : '—') },
    { title: '密钥 ID', dataIndex: 'keyId', hideInSearch: true, render: (_dom, row) => <Typography.Text code>{row.keyId}</Typography.Text> },
    {
      title: '密钥尾号',
      dataIndex: 'secretHint',
      hideInSearch: true,
      render: (_dom, row) => (
        <>
          {row.secretHint}
          {row.previousSecretValidUntil ? (
            <>
              <br />
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                旧密钥有效至 {time(row.previousSecretValidUntil)}
              </Typography.Text>
            </>
          ) : null}
        </>
      ),
    },
    { title: '最近使用', dataIndex: 'lastSeenAt', hideInSearch: true, render: (_dom, row) => time(row.lastSeenAt) },
    { title: '近7日请求', dataIndex: 'usage', hideInSearch: true, render: (_dom, row) => usageText(row) },
    { title: '创建时间', dataIndex: 'createdAt', hideInSearch: true, render: (_dom, row) => time(row.createdAt) },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, row) =>
        row.status === 'active' ? (
          <Can I="update" a="Integration">
            <Space>
              <Typography.Link onClick={() => setRotating(row)}>轮换密钥</Typography.Link>
              <Typography.Link type="danger" onClick={() => setRevoking(row)}>
                停用
              </Typography.Link>
            </Space>
          </Can>
        ) : null,
    },
  ];
  const request = async (search: Search) => {
    const status = INTEGRATION_STATUSES.find((candidate) => candidate === search.status);
    return tableData(await opsCall('ops.integrations.list', { ...pageInput(search), status }));
  };
  return (
    <>
      <ProTable<OpsIntegration, Search>
        headerTitle="接入管理（门店收银与线上商城）"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="create" a="Integration">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建接入
            </Button>
          </Can>,
        ]}
      />
      {creating ? (
        <CreateIntegrationModal
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
            void table.current?.reload();
          }}
        />
      ) : null}
      <SecretModal shown={secret} onClose={() => setSecret(null)} />
      {rotating ? (
        <RotateIntegrationModal
          integration={rotating}
          onClose={() => setRotating(null)}
          onRotated={(rotated) => {
            setRotating(null);
            setSecret(rotated);
            void table.current?.reload();
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeIntegrationModal
          integration={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            void table.current?.reload();
          }}
        />
      ) : null}
    </>
  );
}
