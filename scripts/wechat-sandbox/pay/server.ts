import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPaySandbox, type PaySandboxControl, type PaySandboxOptions } from './paySandbox';

export interface RunningPaySandbox {
  /** WECHATPAY_API_BASE for the BFF; the control API is under `${url}/__sandbox/pay`. */
  url: string;
  control: PaySandboxControl;
  stop(): Promise<void>;
}

/** The pay sandbox on its own port, for tests that need only WeChat Pay (the full sandbox includes it too). */
export async function startPaySandbox(options: PaySandboxOptions & { port?: number; host?: string } = {}): Promise<RunningPaySandbox> {
  const sandbox = createPaySandbox(options);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://sandbox.local');
      void (async () => {
        for (const handler of [sandbox.controlHandler, sandbox.handler]) {
          if (await handler(request, response, Buffer.concat(chunks), url)) return;
        }
        response.writeHead(404, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'NOT_FOUND', message: `no route ${request.method} ${url.pathname}` }));
      })().catch((error: unknown) => {
        console.error('pay sandbox:', error);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统错误' }));
      });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    control: sandbox.control,
    stop: async () => {
      await sandbox.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
