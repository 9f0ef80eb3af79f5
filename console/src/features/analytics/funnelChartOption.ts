import { funnelStepNames, type OpsAnalyticsFunnelResponse } from '@cakeday/shared';
import type { ChartOption } from '../../components/charts/echartsCore';
import { percentOf } from './analyticsRange';

type Step = OpsAnalyticsFunnelResponse['steps'][number];

/** The funnel's steps as bars, first step on top, each labelled with its members and the conversion from the step before. */
export function funnelChartOption(steps: readonly Step[]): ChartOption {
  const topDown = [...steps].reverse();
  return {
    grid: { left: 72, right: 120, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: topDown.map((step) => funnelStepNames[step.step]) },
    series: [
      {
        name: '人数',
        type: 'bar',
        data: topDown.map((step) => step.members),
        label: {
          show: true,
          position: 'right',
          formatter: ({ dataIndex }: { dataIndex: number }) => {
            const step = topDown[dataIndex];
            if (!step) return '';
            const members = step.members.toLocaleString('zh-CN');
            return step.fromPreviousPermille === null ? members : `${members}（${percentOf(step.fromPreviousPermille)}）`;
          },
        },
      },
    ],
  };
}
