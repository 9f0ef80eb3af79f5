import { PlusOutlined } from '@ant-design/icons';
import type { Segment } from '@cakeday/shared';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useOpsMutation, useOpsQuery } from '../../api/useOps';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { describeConditions } from './segmentLabels';
import { SegmentModal } from './SegmentModal';

/** 会员分群: the built-in RFM levels and ops' own segments, each with its size now; a segment can be a campaign's audience. */
export function SegmentsPage() {
  const segments = useOpsQuery('ops.segments.list', {});
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const showError = useRequestErrorMessage();
  const { message } = App.useApp();
  const remove = useOpsMutation('ops.segments.delete', {
    onSuccess: () => {
      void message.success('分群已删除');
      void segments.refetch();
    },
    onError: showError,
  });
  return (
    <Card
      title="会员分群"
      extra={
        <Can I="create" a="Segment">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建分群
          </Button>
        </Can>
      }
    >
      <Table<Segment>
        rowKey="id"
        loading={segments.isLoading}
        dataSource={segments.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name', render: (name: string, segment) => (segment.builtIn ? <Space>{name}<Tag>内置</Tag></Space> : name) },
          { title: '条件', key: 'conditions', render: (_value, segment) => describeConditions(segment.conditions) },
          { title: '人数', dataIndex: 'size', align: 'right', render: (size: number) => `${size.toLocaleString('zh-CN')} 人` },
          { title: '更新', dataIndex: 'updatedAt', render: (updatedAt: string | null, segment) => (updatedAt ? `${formatBusinessDateTime(updatedAt)} ${segment.createdBy?.displayName ?? ''}` : '—') },
          {
            title: '操作',
            key: 'actions',
            render: (_value, segment) =>
              segment.builtIn ? null : (
                <Space>
                  <Can I="update" a="Segment">
                    <Typography.Link onClick={() => setEditing(segment)}>编辑</Typography.Link>
                  </Can>
                  <Can I="delete" a="Segment">
                    <Popconfirm title={`删除分群「${segment.name}」？`} onConfirm={() => remove.mutate({ id: segment.id, version: segment.version })}>
                      <Typography.Link type="danger">删除</Typography.Link>
                    </Popconfirm>
                  </Can>
                </Space>
              ),
          },
        ]}
      />
      {segments.data ? <Typography.Text type="secondary">人数按 {formatBusinessDateTime(segments.data.sizedAt)} 的会员分层计算</Typography.Text> : null}
      {editing ? (
        <SegmentModal
          segment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void segments.refetch();
          }}
        />
      ) : null}
    </Card>
  );
}
