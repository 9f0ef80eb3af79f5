import type { Campaign } from '@cakeday/shared';
import { Descriptions, Modal, Spin, Typography } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import { NEITHER_LABELS, SKIP_LABELS } from './campaignLabels';

const counts = (record: Record<string, number | undefined>, labels: Record<string, string> = SKIP_LABELS): string =>
  Object.entries(record)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => `${labels[reason] ?? reason} ${count}`)
    .join('，') || '无';

/** 试运行 (nothing is sent) and the delivery report of one campaign. */
export function CampaignInsights({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const dryRun = useOpsQuery('ops.campaigns.dryRun', { id: campaign.id });
  const report = useOpsQuery('ops.campaigns.report', { id: campaign.id });
  return (
    <Modal open title={`${campaign.name}：试运行与投递报表`} footer={null} onCancel={onClose} width={640}>
      {dryRun.data ? (
        <Descriptions column={1} size="small" title="试运行（不发送）">
          <Descriptions.Item label="受众人数">{dryRun.data.audienceSize}</Descriptions.Item>
          <Descriptions.Item label="将发送">{dryRun.data.wouldSend}</Descriptions.Item>
          <Descriptions.Item label="将跳过">{counts(dryRun.data.skipped)}</Descriptions.Item>
          <Descriptions.Item label="订阅消息">{`${dryRun.data.channels.subscription} 人`}</Descriptions.Item>
          <Descriptions.Item label="短信（无订阅次数时）">{`${dryRun.data.channels.sms} 人`}</Descriptions.Item>
          <Descriptions.Item label="均不可达（仅消息中心）">{counts(dryRun.data.channels.neither, NEITHER_LABELS)}</Descriptions.Item>
          <Descriptions.Item label="将获赠券">{`${dryRun.data.benefits} 人（随消息发放，含仅消息中心）`}</Descriptions.Item>
          {dryRun.data.sample.map((sample) => (
            <Descriptions.Item key={sample.memberId} label="消息样例">
              <Typography.Text code>{Object.values(sample.data).join(' / ')}</Typography.Text>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <Spin />
      )}
      {report.data ? (
        <Descriptions column={1} size="small" title="投递报表">
          <Descriptions.Item label="按状态">
            {`排队 ${report.data.byState.queued}，发送中 ${report.data.byState.sending}，已发送 ${report.data.byState.sent}，失败 ${report.data.byState.failed}，跳过 ${report.data.byState.skipped}，结果未知 ${report.data.byState.unknown}`}
          </Descriptions.Item>
          <Descriptions.Item label="已打开">{`${report.data.opened}（落地页按投递计一次）`}</Descriptions.Item>
          <Descriptions.Item label="赠券">{`已发放 ${report.data.benefits.granted} 张，已使用 ${report.data.benefits.used} 张`}</Descriptions.Item>
          <Descriptions.Item label="7天内后续">{`领取权益 ${report.data.followUps.claimedBenefit} 人，下单 ${report.data.followUps.placedOrder} 人`}</Descriptions.Item>
          <Descriptions.Item label="跳过原因">{counts(report.data.skippedByReason)}</Descriptions.Item>
          <Descriptions.Item label="失败错误码">{counts(report.data.failedByErrcode)}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Modal>
  );
}
