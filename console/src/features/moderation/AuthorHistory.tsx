import { ArrowLeftOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import type { ModerationAction, ModerationItem } from '@cakeday/shared';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { opsCall } from '../../api/opsClient';
import type { OpsResponse } from '../../api/opsRoutes';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { moderationColumns } from './moderationColumns';
import { ModerateModal } from './ModerateModal';
import { MuteModal } from './MuteModal';

type AuthorSummary = OpsResponse<'ops.community.author'>['author'];

/**
 * An author's record (`ops.community.author`), reached from the queue: their posts and comments newest first with
 * their states and reports, what was removed, how their reports were judged, and their mute; moderators act here too.
 */
export function AuthorHistory() {
  const memberId = useParams().memberId ?? '';
  const table = useRef<ActionType>();
  const [author, setAuthor] = useState<AuthorSummary | null>(null);
  const [moderating, setModerating] = useState<{ item: ModerationItem; action: ModerationAction } | null>(null);
  const [muting, setMuting] = useState(false);
  const showError = useRequestErrorMessage();
  const reload = (): void => void table.current?.reload();

  const columns = moderationColumns({ moderate: (item, action) => setModerating({ item, action }) }).filter(
    (column) => !column.hideInTable && column.dataIndex !== 'author',
  );
  const request = async (params: { current?: number; pageSize?: number }) => {
    const answer = await opsCall('ops.community.author', { memberId, ...pageInput(params) });
    setAuthor(answer.author);
    return tableData(answer);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/moderation">
        <ArrowLeftOutlined /> 返回审核队列
      </Link>
      <Card
        title={`作者：${author ? (author.nickname ?? '（未设置昵称）') : ''}`}
        extra={
          author ? (
            <Can I="update" a="Moderation">
              <Button danger={!author.mutedUntil} onClick={() => setMuting(true)}>
                {author.mutedUntil ? '修改禁言' : '禁言作者'}
              </Button>
            </Can>
          ) : null
        }
      >
        {author ? <AuthorFacts author={author} /> : null}
      </Card>
      <ProTable<ModerationItem>
        headerTitle="发帖与评论记录"
        rowKey={(item) => `${item.kind}:${item.id}`}
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        search={false}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
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
      {muting && author ? (
        <MuteModal
          author={author}
          onClose={() => setMuting(false)}
          onDone={() => {
            setMuting(false);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function AuthorFacts({ author }: { author: AuthorSummary }) {
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label="会员 ID">
        <Link to={`/members/${author.memberId}`}>{author.memberId}</Link>
      </Descriptions.Item>
      <Descriptions.Item label="帖子">{author.posts}</Descriptions.Item>
      <Descriptions.Item label="评论">{author.comments}</Descriptions.Item>
      <Descriptions.Item label="被下架">{author.removed}</Descriptions.Item>
      <Descriptions.Item label="被举报（成立 / 驳回）">
        {author.reportsUpheld} / {author.reportsDismissed}
      </Descriptions.Item>
      <Descriptions.Item label="禁言">
        {author.mutedUntil ? <Tag color="red">禁言至 {formatBusinessDateTime(author.mutedUntil)}</Tag> : <Tag>未禁言</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}
