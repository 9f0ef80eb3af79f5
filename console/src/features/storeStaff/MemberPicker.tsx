import type { OpsMemberRow } from '@cakeday/shared';
import { Button, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';

type Search = { phone?: string; memberId?: string; nickname?: string };

/** What the operator typed as the member search's filter: a phone, a member id, or part of a nickname. */
function searchOf(text: string): Search | null {
  const value = text.trim();
  if (!value) return null;
  if (/^[0-9a-fA-F]{24}$/.test(value)) return { memberId: value };
  if (/^\+?[\d\s-]{5,24}$/.test(value)) return { phone: value };
  return { nickname: value.slice(0, 20) };
}

/** Finds the member to add (`ops.members.search`, masked) and hands their id to the form. */
export function MemberPicker({ onPick }: { onPick: (member: OpsMemberRow) => void }) {
  const [search, setSearch] = useState<Search | null>(null);
  const found = useOpsQuery('ops.members.search', { page: 1, pageSize: 5, ...search }, { enabled: search !== null });
  return (
    <div style={{ marginBottom: 16 }}>
      <Input.Search placeholder="查找会员：手机号、会员编号或昵称" enterButton="查找" onSearch={(text) => setSearch(searchOf(text))} allowClear />
      {search ? (
        <List<OpsMemberRow>
          size="small"
          loading={found.isFetching}
          dataSource={found.data?.items ?? []}
          locale={{ emptyText: found.error ? found.error.message : '没有找到会员' }}
          renderItem={(member) => (
            <List.Item actions={[<Button key="pick" size="small" onClick={() => onPick(member)}>选择</Button>]}>
              <Typography.Text>
                {member.nicknameMasked ?? '—'} · {member.phoneMasked ?? '未绑定手机'} · {member.id}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
