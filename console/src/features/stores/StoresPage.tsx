import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { STORE_STATUSES, type OpsStore } from '@cakeday/shared';
import { Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { opsCall } from '../../api/opsClient';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { StoreModal } from './StoreModal';
import { openingHoursText } from './storeValues';

type Search = { current?: number; pageSize?: number; query?: unknown; status?: unknown };
const statusEnum = { open: { text: '营业中', status: 'Success' }, closed: { text: '已停业', status: 'Default' } };

/** 门店: the stores (a store manager sees only theirs), create and edit for those allowed. */
export function StoresPage() {
  const table = useRef<ActionType>();
  const [editing, setEditing] = useState<OpsStore | 'new' | null>(null);
  const showError = useRequestErrorMessage();
  const columns: ProColumns<OpsStore>[] = [
    { title: '关键词', dataIndex: 'query', hideInTable: true, fieldProps: { placeholder: '名称或编码' } },
    { title: '编码', dataIndex: 'code', hideInSearch: true },
    { title: '名称', dataIndex: 'name', hideInSearch: true },
    { title: '地址', dataIndex: 'address', hideInSearch: true, ellipsis: true },
    { title: '电话', dataIndex: 'phone', hideInSearch: true, render: (_dom, store) => store.phone ?? '—' },
    { title: '营业时间', dataIndex: 'openingHours', hideInSearch: true, render: (_dom, store) => openingHoursText(store.openingHours) },
    { title: '店员', dataIndex: 'activeStaff', hideInSearch: true, render: (_dom, store) => <Link to={`/store-staff?storeId=${store.id}`}>{store.activeStaff} 人</Link> },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, store) => (
        <Can I="update" a="Store">
          <Typography.Link onClick={() => setEditing(store)}>编辑</Typography.Link>
        </Can>
      ),
    },
  ];
  const request = async (search: Search) => {
    const status = STORE_STATUSES.find((candidate) => candidate === search.status);
    return tableData(await opsCall('ops.stores.list', { ...pageInput(search), query: filterValue(search.query), status }));
  };
  return (
    <>
      <ProTable<OpsStore, Search>
        headerTitle="门店"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="create" a="Store">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建门店
            </Button>
          </Can>,
        ]}
      />
      {editing ? (
        <StoreModal
          store={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void table.current?.reload();
          }}
        />
      ) : null}
    </>
  );
}
