import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import { OPERATOR_ROLES, type Operator } from '@cakeday/shared';
import { Button } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { CreateOperatorModal } from './CreateOperatorModal';
import { EditOperatorModal } from './EditOperatorModal';
import { OneTimePasswordModal, type OneTimePassword } from './OneTimePasswordModal';
import { operatorColumns } from './operatorColumns';
import { ResetPasswordModal } from './ResetPasswordModal';

const OPERATOR_STATUSES: readonly Operator['status'][] = ['active', 'disabled'];

type Search = { current?: number; pageSize?: number; query?: unknown; role?: unknown; status?: unknown };

/** 运营人员 (admins): the list paged on the server, create, edit roles/store/status, reset password. */
export function OperatorsPage() {
  const table = useRef<ActionType>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Operator | null>(null);
  const [resetting, setResetting] = useState<Operator | null>(null);
  const [shown, setShown] = useState<OneTimePassword | null>(null);
  const showError = useRequestErrorMessage();
  const columns = useMemo(() => operatorColumns({ edit: setEditing, resetPassword: setResetting }), []);
  const reload = (): void => void table.current?.reload();

  const request = async (params: Search) => {
    const role = OPERATOR_ROLES.find((candidate) => candidate === params.role);
    const status = OPERATOR_STATUSES.find((candidate) => candidate === params.status);
    return tableData(await opsCall('ops.operators.list', { ...pageInput(params), query: filterValue(params.query), role, status }));
  };

  return (
    <>
      <ProTable<Operator, Search>
        headerTitle="运营人员"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="create" a="Operator">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建运营人员
            </Button>
          </Can>,
        ]}
      />
      <CreateOperatorModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(password) => {
          setCreating(false);
          setShown(password);
          reload();
        }}
      />
      {editing ? (
        <EditOperatorModal
          operator={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordModal
          operator={resetting}
          onClose={() => setResetting(null)}
          onReset={(password) => {
            setResetting(null);
            setShown(password);
          }}
        />
      ) : null}
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
