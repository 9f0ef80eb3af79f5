import { COMMUNITY_ACTIVITY, communityActivityNames, type OpsInsightsActivityResponse } from '@cakeday/shared';
import { Alert, Card, Col, Row, Space, Table } from 'antd';
import { useMemo } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import { percentOf } from '../analytics/analyticsRange';
import { communityChartOption, messagesChartOption, OUTCOME_NAMES, reasonsChartOption } from './activityChartOptions';
import { InsightsRangeBar, useInsightsRange } from './InsightsRangeBar';

type DayRow = OpsInsightsActivityResponse['days'][number];
const count = (value: number) => value.toLocaleString('zh-CN');

/** 消息与社区: messages sent, failed and skipped (by channel and reason) and community activity, each chart with its table. */
export function ActivityPanel() {
  const { days, setDays, range } = useInsightsRange(30);
  const activity = useOpsQuery('ops.insights.activity', range);
  const data = activity.data;
  const options = useMemo(() => (data ? { messages: messagesChartOption(data), reasons: reasonsChartOption(data), community: communityChartOption(data) } : null), [data]);
  if (activity.error) return <Alert type="error" showIcon message={activity.error.message} />;
  const newestFirst = data ? [...data.days].reverse() : [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <InsightsRangeBar days={days} onChange={setDays} range={range}>
        <Can I="export" a="Dashboard">
          <ExportCsvButton route="ops.insights.activityExport" input={() => range} noun="天的消息与社区数据" />
        </Can>
      </InsightsRangeBar>
      <Card size="small" title="消息发送结果" loading={!data}>
        {options ? <EChart label="每日消息发送结果" option={options.messages} /> : null}
        <Table<DayRow>
          size="small"
          rowKey="day"
          dataSource={newestFirst}
          pagination={{ pageSize: 7, showSizeChanger: false }}
          columns={[{ title: '日期', dataIndex: 'day' }, ...(['sent', 'failed', 'skipped'] as const).map((outcome) => ({ title: OUTCOME_NAMES[outcome], dataIndex: outcome, align: 'right' as const, render: count }))]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="失败与跳过原因" loading={!data}>
            {options ? <EChart label="失败与跳过原因" option={options.reasons} /> : null}
            <Table
              size="small"
              rowKey={(row) => `${row.outcome}:${row.reason}`}
              dataSource={data?.reasons ?? []}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: '结果', dataIndex: 'outcome', render: (outcome: keyof typeof OUTCOME_NAMES) => OUTCOME_NAMES[outcome] },
                { title: '原因', dataIndex: 'reason' },
                { title: '条数', dataIndex: 'count', align: 'right', render: count },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="各渠道触达率" loading={!data}>
            <Table
              size="small"
              rowKey="channel"
              dataSource={data?.channels ?? []}
              pagination={false}
              columns={[
                { title: '渠道', dataIndex: 'channel' },
                { title: '发送成功', dataIndex: 'sent', align: 'right', render: count },
                { title: '发送失败', dataIndex: 'failed', align: 'right', render: count },
                { title: '跳过', dataIndex: 'skipped', align: 'right', render: count },
                { title: '触达率', dataIndex: 'reachPermille', align: 'right', render: percentOf },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="社区活跃" loading={!data}>
        {options ? <EChart label="每日社区活跃" option={options.community} /> : null}
        <Table<DayRow>
          size="small"
          rowKey="day"
          dataSource={newestFirst}
          pagination={{ pageSize: 7, showSizeChanger: false }}
          columns={[{ title: '日期', dataIndex: 'day' }, ...COMMUNITY_ACTIVITY.map((name) => ({ title: communityActivityNames[name], dataIndex: name, align: 'right' as const, render: count }))]}
        />
      </Card>
    </Space>
  );
}
