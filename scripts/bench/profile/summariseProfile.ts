import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile (node --cpu-prof) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  /** Share of the busy time (idle excluded). */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  /** Self time by function (name and file:line). */
  functions: ProfileLine[];
  /** Self time by where the code lives: a package, a bff/src folder, Node internals, GC. */
  areas: ProfileLine[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** node_modules/<pkg> (scoped too), bff/src/<folder>, shared, node:internal, or the pseudo-frames V8 reports. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  const bff = /bff\/(?:dist|src)\/([^/]+)\//.exec(url);
  if (bff) return `bff/${bff[1]}`;
  if (/bff\/(?:dist|src)\/[^/]+$/.test(url)) return 'bff';
  if (url.includes('/shared/')) return 'shared';
  if (url.startsWith('node:')) return url.split('/')[0] === 'node:internal' ? `node:${url.split('/')[1] ?? 'internal'}` : url;
  return path.basename(url);
}

function shortUrl(url: string): string {
  const cut = url.lastIndexOf('node_modules/');
  if (cut >= 0) return url.slice(cut + 'node_modules/'.length);
  const bff = url.indexOf('bff/');
  return bff >= 0 ? url.slice(bff) : url.replace(/^file:\/\//, '');
}

/** Self time per function and per area over one or more profiles, the busiest first. */
export function summariseProfiles(profiles: readonly CpuProfile[], top = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id);
      const micros = Math.max(0, profile.timeDeltas[index] ?? 0);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      if (IDLE.has(functionName)) {
        idle += micros;
        return;
      }
      busy += micros;
      const name = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
      const area = areaOf(url, functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + micros);
    });
  }
  const lines = (map: Map<string, number>): ProfileLine[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: busy > 0 ? Number((micros / busy).toFixed(3)) : 0 }));
  return { busyMs: Math.round(busy / 1000), idleMs: Math.round(idle / 1000), functions: lines(byFunction), areas: lines(byArea) };
}

/** The profiles in `dir` (those whose file name passes `which`, when given). */
export function readProfiles(dir: string, which: (name: string) => boolean = () => true): CpuProfile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile') && which(name))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CpuProfile);
}

export function renderProfile(summary: ProfileSummary): string {
  const line = (entry: ProfileLine): string => `${(entry.share * 100).toFixed(1).padStart(5)}%  ${String(entry.ms).padStart(6)} ms  ${entry.name}`;
  return [
    `busy ${summary.busyMs} ms, idle ${summary.idleMs} ms (self time; idle = waiting for I/O)`,
    '',
    'by area:',
    ...summary.areas.map(line),
    '',
    'by function:',
    ...summary.functions.map(line),
  ].join('\n');
}
