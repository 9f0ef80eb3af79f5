import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { TopicModal } from './TopicModal';
import { ToggleTopicModal } from './ToggleTopicModal';
import type { OpsTopic } from './topicValues';

/** 社区话题: the topics members post under, in their order; create, edit, reorder, take online or offline. */
export function CommunityTopicsPage() {
  const table = useRef<ActionType>();
  const [editing, setEditing] = useState<OpsTopic | 'new' | null>(null);
  const [toggling, setToggling] = useState<OpsTopic | null>(null);
  const showError = useRequestErrorMessage();
  const saved = (): void => {
    setEditing(null);
    setToggling(null);
    void table.current?.reload();
  };
  const columns: ProColumns<OpsTopic>[] = [
    { title: '排序', dataIndex: 'sort', width: 80 },
    { title: '话题', dataIndex: 'name', render: (_dom, topic) => `#${topic.name}#` },
    { title: '编码', dataIndex: 'code' },
    { title: '说明', dataIndex: 'description', ellipsis: true, render: (_dom, topic) => topic.description ?? '—' },
    { title: '状态', dataIndex: 'active', render: (_dom, topic) => (topic.active ? <Tag color="green">已上线</Tag> : <Tag>已下线</Tag>) },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, topic) => (
        <Can I="update" a="CommunityRules">
          <Space>
            <Typography.Link onClick={() => setEditing(topic)}>编辑</Typography.Link>
            <Typography.Link type={topic.active ? 'danger' : undefined} onClick={() => setToggling(topic)}>
              {topic.active ? '下线' : '上线'}
            </Typography.Link>
          </Space>
        </Can>
      ),
    },
  ];
  return (
    <>
      <ProTable<OpsTopic>
        headerTitle="社区话题"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={async () => {
          const { items } = await opsCall('ops.community.topics.list', {});
          return { data: items, total: items.length, success: true };
        }}
        onRequestError={showError}
        search={false}
        pagination={false}
        toolBarRender={() => [
          <Can key="create" I="update" a="CommunityRules">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建话题
            </Button>
          </Can>,
        ]}
      />
      {editing ? <TopicModal topic={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={saved} /> : null}
      {toggling ? <ToggleTopicModal topic={toggling} onClose={() => setToggling(null)} onSaved={saved} /> : null}
    </>
  );
}
