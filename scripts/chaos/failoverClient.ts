export interface Answer {
  status: number;
  body: unknown;
}

/**
 * What the mini-program does when its request dies with the instance serving it: the same request (the same
 * idempotency key) again, through the load balancer, to whichever instance is up. Gives up after `attempts`.
 */
export async function postWithFailover(targets: () => readonly string[], path: string, headers: Record<string, string>, body: unknown, attempts = 8): Promise<Answer | null> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const up = targets();
    const base = up[(attempt + Math.floor(Math.random() * up.length)) % up.length];
    if (!base) break;
    try {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
      const text = await response.text();
      // 502/503 is the balancer's answer for a dying instance: retried like a dropped connection.
      if (response.status === 502 || response.status === 503) throw new Error(`HTTP ${response.status}`);
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
  return null;
}
