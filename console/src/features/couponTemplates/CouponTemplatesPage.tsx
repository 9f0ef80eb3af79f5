import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import type { OpsCouponTemplate } from '@cakeday/shared';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { useWriteFeedback } from '../../components/useWriteFeedback';
import { Can } from '../../session/currentSession';
import { couponTemplateColumns } from './couponTemplateColumns';
import { CouponTemplateModal } from './CouponTemplateModal';

type Search = { current?: number; pageSize?: number; query?: unknown; active?: unknown };

/** 券模板: list, create, edit and activate/deactivate (refused while an item on sale or a birthday package uses it). */
export function CouponTemplatesPage() {
  const table = useRef<ActionType>();
  const [editing, setEditing] = useState<OpsCouponTemplate | 'new' | null>(null);
  const { message } = App.useApp();
  const showError = useRequestErrorMessage();
  const writeFailed = useWriteFeedback();
  const reload = (): void => void table.current?.reload();

  const toggleActive = async (template: OpsCouponTemplate): Promise<void> => {
    try {
      await opsCall('ops.couponTemplates.update', { id: template.id, version: template.version, active: !template.active });
      void message.success(`${template.active ? '已停用' : '已启用'}：${template.title}`);
      reload();
    } catch (error) {
      writeFailed(error, reload);
    }
  };
  const columns = couponTemplateColumns({ edit: setEditing, toggleActive: (template) => void toggleActive(template) });
  // The select's values arrive as the strings 'true' / 'false'.
  const request = async (search: Search) => {
    const active = search.active === 'true' || search.active === true ? true : search.active === 'false' || search.active === false ? false : undefined;
    return tableData(await opsCall('ops.couponTemplates.list', { ...pageInput(search), query: filterValue(search.query), active }));
  };

  return (
    <>
      <ProTable<OpsCouponTemplate, Search>
        headerTitle="券模板"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="create" a="CouponTemplate">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建券模板
            </Button>
          </Can>,
        ]}
      />
      {editing ? (
        <CouponTemplateModal
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
