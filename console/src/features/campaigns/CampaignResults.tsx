import { campaignFunnelStepNames, type Campaign, type OpsCampaignsResultsResponse } from '@cakeday/shared';
import { Alert, App, Button, Descriptions, Modal, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOpsMutation, useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { Can } from '../../session/currentSession';
import { fenToYuan } from '../../format/money';
import { liftChartOption, liftRowsOf, type LiftRow } from './liftChartOption';

type Lift = NonNullable<OpsCampaignsResultsResponse['lift']>;

const percent = (permille: number | null): string => (permille === null ? '—' : `${(permille / 10).toFixed(1)}%`);
const points = (rate: number): string => `${rate >= 0 ? '+' : ''}${(rate * 100).toFixed(1)}`;

/** `+3.2 个百分点（95% 置信区间 +0.4 ～ +6.0，p = 0.03）`, tagged significant or not. */
export function LiftText({ lift }: { lift: Lift }) {
  return (
    <span>
      {points(lift.difference)} 个百分点（95% 置信区间 {points(lift.interval[0])} ～ {points(lift.interval[1])}
      {lift.pValue === null ? '' : `，p = ${lift.pValue < 0.001 ? '< 0.001' : lift.pValue.toFixed(3)}`}）{' '}
      {lift.significant ? <Tag color="green">显著</Tag> : <Tag>尚不显著</Tag>}
    </span>
  );
}

/** 活动效果: the funnel, attributed GMV, lift against the holdout and each variant's conversion, as rolled up from the events. */
export function CampaignResults({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const results = useOpsQuery('ops.campaigns.results', { id: campaign.id });
  const data = results.data;
  const liftRows = useMemo(() => (data ? liftRowsOf(data) : []), [data]);
  const liftOption = useMemo(() => (liftRows.length > 0 ? liftChartOption(liftRows) : null), [liftRows]);
  const [allocation, setAllocation] = useState(campaign.allocation);
  const { message } = App.useApp();
  const showError = useRequestErrorMessage();
  const allocate = useOpsMutation('ops.campaigns.allocate', {
    onSuccess: (updated) => {
      setAllocation(updated.allocation);
      void message.success(updated.allocation === 'bandit' ? '已切换为智能分流：新会员将更多分到效果更好的版本' : '已改回按权重固定分流');
      void results.refetch();
    },
    onError: showError,
  });
  const finished = campaign.state === 'stopped' || campaign.state === 'completed';
  return (
    <Modal open title={`${campaign.name}：活动效果`} footer={null} onCancel={onClose} width={820}>
      {results.error ? <Alert type="error" showIcon message={results.error.message} /> : null}
      {!data ? (
        <Spin />
      ) : (
        <>
          <Table
            data-testid="campaign-funnel"
            size="small"
            rowKey="step"
            pagination={false}
            dataSource={data.funnel}
            columns={[
              { title: '步骤', dataIndex: 'step', render: (step: keyof typeof campaignFunnelStepNames) => campaignFunnelStepNames[step] },
              { title: '人数', dataIndex: 'members', align: 'right' },
              { title: '上一步转化', dataIndex: 'fromPreviousPermille', align: 'right', render: percent },
              { title: '触达转化', dataIndex: 'fromFirstPermille', align: 'right', render: percent },
            ]}
          />
          <Descriptions column={1} size="small" style={{ marginTop: 16 }} title="归因与提升">
            <Descriptions.Item label={`归因 GMV（末次触达 ${data.attributionDays} 天内）`}>
              ¥{fenToYuan(data.gmvFen).toLocaleString('zh-CN')}（{data.attributedOrders} 笔）
            </Descriptions.Item>
            <Descriptions.Item label="触达组购买">
              {data.treatment.conversions} / {data.treatment.members} 人
            </Descriptions.Item>
            <Descriptions.Item label="对照组购买">
              {data.holdout.conversions} / {data.holdout.members} 人
            </Descriptions.Item>
            <Descriptions.Item label="提升（购买率，相对对照组）">
              <span data-testid="campaign-lift">{data.lift ? <LiftText lift={data.lift} /> : '暂无（需要对照组与触达组都有会员）'}</span>
            </Descriptions.Item>
          </Descriptions>
          {liftOption ? (
            <>
              <EChart label="购买率提升与 95% 置信区间（百分点）" option={liftOption} height={Math.max(120, 60 + liftRows.length * 48)} />
              <Table<LiftRow>
                data-testid="campaign-lift-table"
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={liftRows}
                columns={[
                  { title: '对比', dataIndex: 'comparison' },
                  { title: '提升（百分点）', key: 'difference', align: 'right', render: (_value, row) => points(row.lift.difference) },
                  { title: '95% 置信区间', key: 'interval', align: 'right', render: (_value, row) => `${points(row.lift.interval[0])} ～ ${points(row.lift.interval[1])}` },
                  { title: 'p 值', key: 'pValue', align: 'right', render: (_value, row) => (row.lift.pValue === null ? '—' : row.lift.pValue < 0.001 ? '< 0.001' : row.lift.pValue.toFixed(3)) },
                  { title: '结论', key: 'significant', render: (_value, row) => (row.lift.significant ? '显著' : '尚不显著') },
                ]}
              />
            </>
          ) : null}
          <Can I="export" a="Dashboard">
            <div style={{ margin: '8px 0' }}>
              <ExportCsvButton route="ops.campaigns.resultsExport" input={() => ({ id: campaign.id })} noun="组活动效果数据" />
            </div>
          </Can>
          {data.srm?.mismatch ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`分流比例异常（样本比例检验 p = ${data.srm.pValue.toExponential(2)}）：各版本人数与设定的权重不符，结果可能有偏差`} />
          ) : null}
          {data.variants.length > 1 && !finished ? (
            <Can I="update" a="Campaign">
              <Button
                data-testid="campaign-allocate"
                loading={allocate.isPending}
                style={{ marginBottom: 8 }}
                onClick={() => allocate.mutate({ id: campaign.id, allocation: allocation === 'bandit' ? 'split' : 'bandit' })}
              >
                {allocation === 'bandit' ? '改回按权重固定分流' : '切换为智能分流（Thompson 采样）'}
              </Button>
            </Can>
          ) : null}
          {data.variants.length > 1 ? (
            <Table
              data-testid="campaign-variants"
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={data.variants}
              columns={[
                { title: '版本', dataIndex: 'name' },
                { title: '触达', dataIndex: 'reached', align: 'right' },
                { title: '购买', dataIndex: 'conversions', align: 'right' },
                { title: '购买率', key: 'rate', align: 'right', render: (_value, variant) => (variant.reached > 0 ? `${((variant.conversions * 100) / variant.reached).toFixed(1)}%` : '—') },
                { title: '相对首个版本', key: 'vsControl', render: (_value, variant) => (variant.vsControl ? <LiftText lift={variant.vsControl} /> : '—') },
                { title: '当前流量', dataIndex: 'banditSharePermille', align: 'right', render: (share: number | null) => (share === null ? '按权重' : percent(share)) },
              ]}
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            按事件增量汇总；购买、领取与核销计入分配后 {data.attributionDays} 天内（设置 → 活动效果归因）。
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
