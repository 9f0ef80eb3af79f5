import { Agent, request as httpRequest } from 'node:http';
import { ResponseTally, type Measurement } from './measurement';

export interface PlannedRequest {
  /** Index into the load's targets (an instance behind the load balancer). */
  target: number;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PlannedLoad {
  targets: readonly string[];
  requests: readonly PlannedRequest[];
  connections: number;
  expectStatus?: (status: number) => boolean;
  /** Sees every answer's status and parsed JSON body (for the scenario's exact counts). */
  onAnswer?: (request: PlannedRequest, status: number, body: unknown) => void;
}

const PLANNED_REQUEST_TIMEOUT_MS = 120_000;

function send(agent: Agent, base: string, planned: PlannedRequest): Promise<{ status: number; text: string }> {
  const url = new URL(planned.path, base);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(planned.body), ...planned.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    // The exact checks count answers: on an overloaded machine (a load average of 15) a contended checkout took
    // over 30 s and was dropped while the server still answered it, failing a count that held on the server.
    outgoing.setTimeout(PLANNED_REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    outgoing.end(planned.body);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends every planned request exactly once, `connections` at a time over keep-alive connections (split over the
 * targets), and measures them. For scenarios whose outcome is counted exactly (contention, goals), where a load
 * tool's pre-built, never-sent requests would skew the plan.
 */
export async function plannedLoad(load: PlannedLoad): Promise<Measurement> {
  const tally = new ResponseTally(load.expectStatus ?? ((status) => status === 200));
  const perTarget = Math.max(1, Math.floor(load.connections / load.targets.length));
  const agents = load.targets.map(() => new Agent({ keepAlive: true, maxSockets: perTarget }));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < load.requests.length; index = next++) {
      const planned = load.requests[index];
      if (!planned) continue;
      const base = load.targets[planned.target % load.targets.length] ?? '';
      const agent = agents[planned.target % agents.length] as Agent;
      const sentAt = process.hrtime.bigint();
      try {
        const { status, text } = await send(agent, base, planned);
        tally.answer(status, Number(process.hrtime.bigint() - sentAt) / 1e6);
        load.onAnswer?.(planned, status, parse(text));
      } catch (error) {
        tally.failure(error);
      }
    }
  };
  const startedAt = process.hrtime.bigint();
  try {
    await Promise.all(Array.from({ length: load.connections }, worker));
  } finally {
    agents.forEach((agent) => agent.destroy());
  }
  return tally.measurement(Number(process.hrtime.bigint() - startedAt) / 1e9);
}
