import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { CAMPAIGN_STATES, type Campaign, type CampaignAction } from '@cakeday/shared';
import { App, Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can, useOpsAbility } from '../../session/currentSession';
import { ACTION_LABELS, lifecycleKnob, STATE_LABELS, triggerText } from './campaignLabels';
import { TuneLifecycleModal } from './TuneLifecycleModal';
import { CampaignInsights } from './CampaignInsights';
import { CampaignResults } from './CampaignResults';
import { CampaignModal } from './CampaignModal';

type Search = { current?: number; pageSize?: number; state?: unknown };
type OperatorAction = Exclude<CampaignAction, 'complete'>;


/** 营销活动: the campaigns, their state and what may be done next (submit, approve, start, pause, stop), dry run and report. */
export function CampaignsPage() {
  const table = useRef<ActionType>();
  const [creating, setCreating] = useState(false);
  const [inspecting, setInspecting] = useState<Campaign | null>(null);
  const [measuring, setMeasuring] = useState<Campaign | null>(null);
  const [tuning, setTuning] = useState<Campaign | null>(null);
  const showError = useRequestErrorMessage();
  const ability = useOpsAbility();
  const { message } = App.useApp();
  const move = async (campaign: Campaign, action: OperatorAction): Promise<void> => {
    try {
      await opsCall(`ops.campaigns.${action}`, { id: campaign.id });
      void message.success(`${ACTION_LABELS[action]}：${campaign.name}`);
    } catch (error) {
      showError(error as Error);
    }
    void table.current?.reload();
  };
  const allowed = (action: OperatorAction): boolean => ability.can(action === 'approve' || action === 'reject' ? 'approve' : 'update', 'Campaign');
  const columns: ProColumns<Campaign>[] = [
    { title: '名称', dataIndex: 'name', hideInSearch: true },
    { title: '触发', dataIndex: 'trigger', hideInSearch: true, render: (_dom, campaign) => triggerText(campaign.trigger) },
    { title: '模板', dataIndex: ['message', 'inboxTitle'], hideInSearch: true },
    { title: '受众', dataIndex: 'audienceSize', hideInSearch: true, render: (_dom, campaign) => (campaign.audienceSize === null ? '—' : `${campaign.audienceSize} 人`) },
    { title: '状态', dataIndex: 'state', valueType: 'select', valueEnum: STATE_LABELS },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, campaign) => (
        <Space wrap>
          <Typography.Link onClick={() => setInspecting(campaign)}>试运行与报表</Typography.Link>
          <Typography.Link onClick={() => setMeasuring(campaign)}>活动效果</Typography.Link>
          {campaign.state === 'draft' && lifecycleKnob(campaign.trigger) && ability.can('update', 'Campaign') ? <Typography.Link onClick={() => setTuning(campaign)}>调整参数</Typography.Link> : null}
          {campaign.actions
            .filter((action): action is OperatorAction => action !== 'complete' && allowed(action))
            .map((action) => (
              <Typography.Link key={action} type={action === 'stop' ? 'danger' : undefined} onClick={() => void move(campaign, action)}>
                {ACTION_LABELS[action]}
              </Typography.Link>
            ))}
        </Space>
      ),
    },
  ];
  const request = async (search: Search) => {
    const state = CAMPAIGN_STATES.find((candidate) => candidate === search.state);
    return tableData(await opsCall('ops.campaigns.list', { ...pageInput(search), state }));
  };
  return (
    <>
      <ProTable<Campaign, Search>
        headerTitle="营销活动"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        pagination={{ defaultPageSize: 20 }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Can key="create" I="create" a="Campaign">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建活动
            </Button>
          </Can>,
        ]}
      />
      {creating ? (
        <CampaignModal
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            void table.current?.reload();
          }}
        />
      ) : null}
      {inspecting ? <CampaignInsights campaign={inspecting} onClose={() => setInspecting(null)} /> : null}
      {measuring ? <CampaignResults campaign={measuring} onClose={() => setMeasuring(null)} /> : null}
      {tuning ? (
        <TuneLifecycleModal
          campaign={tuning}
          onClose={() => setTuning(null)}
          onSaved={() => {
            setTuning(null);
            void table.current?.reload();
          }}
        />
      ) : null}
    </>
  );
}
