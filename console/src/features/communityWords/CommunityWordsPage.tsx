import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { DeleteWordModal } from './DeleteWordModal';
import { WordModal } from './WordModal';
import { actionText, wordActionColors, type OpsWord } from './wordValues';

type Search = { current?: number; pageSize?: number; query?: unknown };

/**
 * 敏感词库: our own word list, checked before WeChat's msgSecCheck on every text a member writes (posts, comments,
 * nicknames, wishes): block refuses, review holds for the queue, replace rewrites.
 */
export function CommunityWordsPage() {
  const table = useRef<ActionType>();
  const [editing, setEditing] = useState<OpsWord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<OpsWord | null>(null);
  const showError = useRequestErrorMessage();
  const done = (): void => {
    setEditing(null);
    setDeleting(null);
    void table.current?.reload();
  };
  const columns: ProColumns<OpsWord>[] = [
    { title: '关键词', dataIndex: 'query', hideInTable: true, fieldProps: { placeholder: '包含的文字' } },
    { title: '敏感词', dataIndex: 'word', hideInSearch: true },
    { title: '处理方式', dataIndex: 'action', hideInSearch: true, render: (_dom, word) => <Tag color={wordActionColors[word.action]}>{actionText(word)}</Tag> },
    { title: '更新时间', dataIndex: 'updatedAt', hideInSearch: true, render: (_dom, word) => formatBusinessDateTime(word.updatedAt) },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, word) => (
        <Can I="update" a="CommunityRules">
          <Space>
            <Typography.Link onClick={() => setEditing(word)}>编辑</Typography.Link>
            <Typography.Link type="danger" onClick={() => setDeleting(word)}>
              删除
            </Typography.Link>
          </Space>
        </Can>
      ),
    },
  ];
  const request = async (search: Search) => tableData(await opsCall('ops.community.words.list', { ...pageInput(search), query: filterValue(search.query) }));
  return (
    <>
      <ProTable<OpsWord, Search>
        headerTitle="敏感词库"
        tooltip="会员发布的帖子、评论、昵称和心愿先按词库检查，再送微信内容安全检测"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="update" a="CommunityRules">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              添加敏感词
            </Button>
          </Can>,
        ]}
      />
      {editing ? <WordModal word={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={done} /> : null}
      {deleting ? <DeleteWordModal word={deleting} onClose={() => setDeleting(null)} onDeleted={done} /> : null}
    </>
  );
}
