import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import { MALL_ITEM_KINDS, MALL_ITEM_STATUSES, type OpsMallItem } from '@cakeday/shared';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { useWriteFeedback } from '../../components/useWriteFeedback';
import { Can } from '../../session/currentSession';
import { mallItemColumns } from './mallItemColumns';
import { MallItemImageModal } from './MallItemImageModal';
import { MallItemModal } from './MallItemModal';
import { StockAdjustModal } from './StockAdjustModal';

type Search = { current?: number; pageSize?: number; query?: unknown; kind?: unknown; status?: unknown };

/** 商城商品: the catalog paged on the server; create, edit, 库存调整 and on/off sale, each on the loaded version. */
export function MallItemsPage() {
  const table = useRef<ActionType>();
  const [editing, setEditing] = useState<OpsMallItem | 'new' | null>(null);
  const [stocking, setStocking] = useState<OpsMallItem | null>(null);
  const [imaging, setImaging] = useState<OpsMallItem | null>(null);
  const { message } = App.useApp();
  const showError = useRequestErrorMessage();
  const writeFailed = useWriteFeedback();
  const reload = (): void => void table.current?.reload();

  const toggleSale = async (item: OpsMallItem): Promise<void> => {
    const status = item.status === 'active' ? 'inactive' : 'active';
    try {
      await opsCall('ops.mallItems.update', { id: item.id, version: item.version, status });
      void message.success(status === 'active' ? `已上架：${item.title}` : `已下架：${item.title}`);
      reload();
    } catch (error) {
      writeFailed(error, reload);
    }
  };
  const columns = mallItemColumns({ edit: setEditing, adjustStock: setStocking, toggleSale: (item) => void toggleSale(item), editImage: setImaging });

  const request = async (search: Search) => {
    const kind = MALL_ITEM_KINDS.find((candidate) => candidate === search.kind);
    const status = MALL_ITEM_STATUSES.find((candidate) => candidate === search.status);
    return tableData(await opsCall('ops.mallItems.list', { ...pageInput(search), query: filterValue(search.query), kind, status }));
  };
  const saved = (): void => {
    setEditing(null);
    setStocking(null);
    reload();
  };

  return (
    <>
      <ProTable<OpsMallItem, Search>
        headerTitle="商城商品"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="create" a="MallItem">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建商品
            </Button>
          </Can>,
        ]}
      />
      {editing ? <MallItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={saved} /> : null}
      {stocking ? <StockAdjustModal item={stocking} onClose={() => setStocking(null)} onSaved={saved} /> : null}
      {imaging ? <MallItemImageModal item={imaging} onClose={() => setImaging(null)} onChanged={reload} /> : null}
    </>
  );
}
