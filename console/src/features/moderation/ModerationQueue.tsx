import { ProTable, type ActionType } from '@ant-design/pro-components';
import { MODERATION_VIEWS, type ModerationAction, type ModerationItem } from '@cakeday/shared';
import { Button } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { opsCall } from '../../api/opsClient';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { moderationColumns } from './moderationColumns';
import { ModerateModal } from './ModerateModal';
import { MuteModal } from './MuteModal';

type Search = { current?: number; pageSize?: number; view?: unknown; kind?: unknown };

/**
 * 社区审核: the moderation queue (held for review by default; also awaiting WeChat, reported, and by state), posts
 * or comments with their photos, verdicts and reports; approve / remove / restore with a reason, mute the author.
 */
export function ModerationQueue() {
  const table = useRef<ActionType>();
  const [moderating, setModerating] = useState<{ item: ModerationItem; action: ModerationAction } | null>(null);
  const [muting, setMuting] = useState<ModerationItem | null>(null);
  const showError = useRequestErrorMessage();
  const reload = (): void => void table.current?.reload();

  const columns = moderationColumns({ moderate: (item, action) => setModerating({ item, action }), mute: setMuting });
  const request = async (search: Search) => {
    const view = MODERATION_VIEWS.find((candidate) => candidate === search.view) ?? 'review';
    const kind = search.kind === 'comment' ? 'comment' : 'post';
    return tableData(await opsCall('ops.community.queue', { ...pageInput(search), view, kind }));
  };

  return (
    <>
      <ProTable<ModerationItem, Search>
        headerTitle="社区审核"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        form={{ initialValues: { view: 'review', kind: 'post' } }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Link key="comments" to="comments">
            <Button>评价评语</Button>
          </Link>,
        ]}
      />
      {moderating ? (
        <ModerateModal
          item={moderating.item}
          action={moderating.action}
          onClose={() => setModerating(null)}
          onDone={() => {
            setModerating(null);
            reload();
          }}
        />
      ) : null}
      {muting ? (
        <MuteModal
          author={muting.author}
          onClose={() => setMuting(null)}
          onDone={() => {
            setMuting(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
