import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import type { OpsStoreStaff } from '@cakeday/shared';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { pageInput, tableData } from '../../components/serverTable';
import { StoreScopePicker } from '../../components/StoreScopePicker';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { useWriteFeedback } from '../../components/useWriteFeedback';
import { Can, useOpsAbility } from '../../session/currentSession';
import { useStoreScope } from '../../session/useStoreScope';
import { AddStaffModal } from './AddStaffModal';
import { staffColumns } from './staffColumns';

type Search = { current?: number; pageSize?: number; active?: unknown; storeId?: string | null };

/** 店员: who may write off at a store (a store manager sees and manages only their own store's), add by member id, deactivate. */
export function StoreStaffPage() {
  const table = useRef<ActionType>();
  const scope = useStoreScope();
  const [adding, setAdding] = useState(false);
  const { message, modal } = App.useApp();
  const showError = useRequestErrorMessage();
  const writeFailed = useWriteFeedback();
  const canReadMembers = useOpsAbility().can('read', 'Member');
  const reload = (): void => void table.current?.reload();

  const deactivate = (staff: OpsStoreStaff): void => {
    void modal.confirm({
      title: `停用店员「${staff.name}」？`,
      content: '停用后立即失去核销权限。',
      okText: '停用',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await opsCall('ops.storeStaff.deactivate', { id: staff.id, version: staff.version });
          void message.success(`已停用：${staff.name}`);
          reload();
        } catch (error) {
          writeFailed(error, reload);
        }
      },
    });
  };

  const request = async (search: Search) => {
    const active = search.active === 'true' ? true : search.active === 'false' ? false : undefined;
    return tableData(await opsCall('ops.storeStaff.list', { ...pageInput(search), active, ...(search.storeId ? { storeId: search.storeId } : {}) }));
  };

  return (
    <>
      <StoreScopePicker />
      <ProTable<OpsStoreStaff, Search>
        headerTitle="店员"
        rowKey="id"
        actionRef={table}
        params={{ storeId: scope.storeId }}
        columns={staffColumns({ deactivate, linkMembers: canReadMembers })}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="add" I="create" a="StoreStaff">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              添加店员
            </Button>
          </Can>,
        ]}
      />
      {adding ? (
        <AddStaffModal
          storeId={scope.storeId}
          fixedStore={scope.fixedStoreName !== null}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
