import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echartsCore';

const DEFAULT_WIDTH = 720;

/**
 * One ECharts chart drawn as SVG (crisp, and jsdom renders it too), sized to its box and redrawn when `option`
 * changes. `label` names the chart for screen readers; its numbers are always in a table beside it as well.
 */
export function EChart({ option, label, height = 240 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'svg', width: element.clientWidth || DEFAULT_WIDTH, height });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize({ width: element.clientWidth || DEFAULT_WIDTH, height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, height]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
