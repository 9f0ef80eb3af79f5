import { theme } from 'antd';
import { shortDay } from './analyticsRange';

export interface TrendPoint {
  day: string;
  value: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 56, right: 16, top: 16, bottom: 28 };

/**
 * A line per day, drawn as SVG (the console carries no chart library: this is the one chart it needs, and its
 * numbers are also in the table beside it). `format` writes the axis and point labels.
 */
export function TrendChart({ title, points, format }: { title: string; points: readonly TrendPoint[]; format: (value: number) => string }) {
  const { token } = theme.useToken();
  const max = Math.max(1, ...points.map((point) => point.value));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length <= 1 ? innerWidth / 2 : (index * innerWidth) / (points.length - 1));
  const y = (value: number) => PAD.top + innerHeight - (value / max) * innerHeight;
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxHeight: HEIGHT }}>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke={token.colorBorder} />
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max)} y2={y(max)} stroke={token.colorBorderSecondary} strokeDasharray="4 4" />
      <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize={11} fill={token.colorTextSecondary}>
        {format(max)}
      </text>
      <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize={11} fill={token.colorTextSecondary}>
        {format(0)}
      </text>
      <path d={path} fill="none" stroke={token.colorPrimary} strokeWidth={2} />
      {points.map((point, index) => (
        <g key={point.day}>
          <circle cx={x(index)} cy={y(point.value)} r={3} fill={token.colorPrimary}>
            <title>{`${point.day}：${format(point.value)}`}</title>
          </circle>
          {index % labelEvery === 0 ? (
            <text x={x(index)} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill={token.colorTextSecondary}>
              {shortDay(point.day)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
