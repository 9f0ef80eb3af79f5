import type { BenchReport, ReportRow } from './report';

const WIDTH = 960;
const LABEL = 190;
const ROW = 26;
const PANEL = (WIDTH - LABEL - 40) / 2;
const COLOURS: Record<ReportRow['kind'], string> = { ceiling: '#8c8c8c', route: '#1677ff', floor: '#52c41a' };

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function bar(x: number, y: number, width: number, colour: string, value: string, ghost?: number): string {
  const parts = [`<rect x="${x}" y="${y + 4}" width="${Math.max(1, width).toFixed(1)}" height="${ROW - 10}" fill="${colour}" rx="2"/>`];
  if (ghost !== undefined) parts.push(`<line x1="${(x + ghost).toFixed(1)}" x2="${(x + ghost).toFixed(1)}" y1="${y + 1}" y2="${y + ROW - 3}" stroke="#222" stroke-width="2" stroke-dasharray="3,2"/>`);
  // The value sits past the bar and the previous run's mark, whichever reaches further.
  parts.push(`<text x="${(x + Math.max(1, width, ghost ?? 0) + 5).toFixed(1)}" y="${y + ROW / 2 + 4}" font-size="11" fill="#333">${escape(value)}</text>`);
  return parts.join('');
}

/**
 * A two-panel bar chart: requests/s and p99 latency per row, coloured by kind (ceiling, route, floor), with the
 * previous run's value as a dashed mark. Hand-written SVG: no chart library in the bench.
 */
export function renderSvg(report: BenchReport, previous: BenchReport | null): string {
  const rows = report.rows;
  const before = new Map((previous?.rows ?? []).map((row) => [row.name, row]));
  const maxRps = Math.max(1, ...rows.map((row) => row.measurement.requestsPerSecond), ...[...before.values()].map((row) => row.measurement.requestsPerSecond));
  const maxP99 = Math.max(1, ...rows.map((row) => row.measurement.latencyMs.p99), ...[...before.values()].map((row) => row.measurement.latencyMs.p99));
  const scaleRps = (PANEL - 70) / maxRps;
  const scaleP99 = (PANEL - 70) / maxP99;
  const top = 64;
  const height = top + rows.length * ROW + 40;
  const body = rows.map((row, index) => {
    const y = top + index * ROW;
    const old = before.get(row.name);
    const colour = COLOURS[row.kind];
    return [
      `<text x="${LABEL - 8}" y="${y + ROW / 2 + 4}" font-size="12" text-anchor="end" fill="#111">${escape(row.name)}</text>`,
      bar(LABEL, y, row.measurement.requestsPerSecond * scaleRps, colour, `${row.measurement.requestsPerSecond}`, old ? old.measurement.requestsPerSecond * scaleRps : undefined),
      bar(LABEL + PANEL + 20, y, row.measurement.latencyMs.p99 * scaleP99, colour, `${row.measurement.latencyMs.p99} ms`, old ? old.measurement.latencyMs.p99 * scaleP99 : undefined),
    ].join('');
  });
  const { machine } = report;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="22" font-size="15" font-weight="bold" fill="#111">Cakeday bench ${escape(report.startedAt.slice(0, 16).replace('T', ' '))}</text>`,
    `<text x="16" y="40" font-size="11" fill="#555">${escape(`${machine.cpus} cores, ${machine.cpuModel}, Node ${machine.node}, ${machine.database}; ${report.settings.seconds} s per timed run; dashed: previous run`)}</text>`,
    `<text x="${LABEL}" y="${top - 6}" font-size="12" font-weight="bold" fill="#111">requests/s</text>`,
    `<text x="${LABEL + PANEL + 20}" y="${top - 6}" font-size="12" font-weight="bold" fill="#111">p99 latency</text>`,
    ...body,
    `<g font-size="11" fill="#333">${(['ceiling', 'route', 'floor'] as const)
      .map((kind, index) => `<rect x="${LABEL + index * 140}" y="${height - 24}" width="12" height="12" fill="${COLOURS[kind]}"/><text x="${LABEL + index * 140 + 18}" y="${height - 14}">${kind === 'floor' ? 'raw driver floor' : kind}</text>`)
      .join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
