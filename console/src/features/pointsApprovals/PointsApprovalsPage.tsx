import { ProTable, type ActionType } from '@ant-design/pro-components';
import { POINTS_ADJUSTMENT_STATES, type PointsAdjustmentView } from '@cakeday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App } from 'antd';
import { useRef, useState } from 'react';
import { opsCall } from '../../api/opsClient';
import { errorText } from '../../api/opsApiError';
import { filterValue, pageInput, tableData } from '../../components/serverTable';
import { useRequestErrorMessage } from '../../components/useRequestErrorMessage';
import { signedPoints } from '../members/memberLabels';
import { adjustmentColumns } from './adjustmentColumns';
import { RejectAdjustmentModal } from './RejectAdjustmentModal';

type Search = { current?: number; pageSize?: number; state?: unknown; memberId?: unknown };
type Limits = { dailyLimit: number; usedToday: number; approvalThreshold: number };

/** 积分调整审批: the four-eyes queue (pending first by default), approve or reject someone else's adjustment. */
export function PointsApprovalsPage() {
  const table = useRef<ActionType>();
  const [limits, setLimits] = useState<Limits | null>(null);
  const [rejecting, setRejecting] = useState<PointsAdjustmentView | null>(null);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useRequestErrorMessage();
  const reload = (): void => {
    void table.current?.reload();
    void queryClient.invalidateQueries({ predicate: (query) => /^ops\.(members\.get|points\.)/.test(String(query.queryKey[0])) });
  };

  const approve = (adjustment: PointsAdjustmentView): void => {
    void modal.confirm({
      title: `批准 ${signedPoints(adjustment.points)} 积分？`,
      content: `申请人：${adjustment.requestedBy.displayName}；原因：${adjustment.reason}。批准后立即入账。`,
      okText: '批准',
      onOk: async () => {
        try {
          const approved = await opsCall('ops.points.adjustments.approve', { id: adjustment.id });
          void message.success(`已批准：${approved.stateLabel}`);
        } catch (error) {
          void message.error(errorText(error));
        }
        reload();
      },
    });
  };
  const columns = adjustmentColumns({ approve, reject: setRejecting });

  const request = async (search: Search) => {
    const state = POINTS_ADJUSTMENT_STATES.find((candidate) => candidate === search.state);
    const answer = await opsCall('ops.points.adjustments.list', { ...pageInput(search), state, memberId: filterValue(search.memberId) });
    setLimits(answer.limits);
    return tableData(answer);
  };

  return (
    <>
      {limits ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`我的今日额度：已调整 ${limits.usedToday} / ${limits.dailyLimit} 积分`}
          description={`单次调整超过 ${limits.approvalThreshold} 积分须另一位运营人员审批；不能审批自己提交的调整。`}
        />
      ) : null}
      <ProTable<PointsAdjustmentView, Search>
        headerTitle="积分调整审批"
        rowKey="id"
        actionRef={table}
        columns={columns}
        request={request}
        onRequestError={showError}
        form={{ initialValues: { state: 'pending' } }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
      />
      {rejecting ? (
        <RejectAdjustmentModal
          adjustment={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setRejecting(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
