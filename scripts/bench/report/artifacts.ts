import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './report';

export interface WrittenArtifacts {
  json: string;
  svg: string;
  history: string;
}

/** The previous run's report, if one was written and still reads as one. */
export function readPrevious(dir: string): BenchReport | null {
  const file = path.join(dir, 'latest.json');
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
    return parsed.version === 1 && Array.isArray(parsed.rows) ? parsed : null;
  } catch {
    return null;
  }
}

/** latest.json and latest.svg (what the next run compares with), plus a copy of the JSON under runs/ by date. */
export function writeArtifacts(dir: string, report: BenchReport, svg: string): WrittenArtifacts {
  mkdirSync(path.join(dir, 'runs'), { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const written = { json: path.join(dir, 'latest.json'), svg: path.join(dir, 'latest.svg'), history: path.join(dir, 'runs', `${stamp}.json`) };
  writeFileSync(written.json, json);
  writeFileSync(written.history, json);
  writeFileSync(written.svg, svg);
  return written;
}
