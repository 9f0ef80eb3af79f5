import { connect, createServer, type Socket } from 'node:net';

export interface TcpRelay {
  /** The port the relay holds for its whole life. */
  port: number;
  /** Where new connections go from now on; null drops them. */
  retarget(port: number | null): void;
  close(): Promise<void>;
}

/**
 * Holds one local port and forwards each connection to the current target, so a test can stop a server and start
 * another without giving its port away (another process could take a port that was closed and reopened).
 */
export async function startTcpRelay(): Promise<TcpRelay> {
  let target: number | null = null;
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    client.on('error', () => client.destroy());
    if (target === null) {
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    track(upstream);
    upstream.on('error', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    port,
    retarget: (next) => {
      target = next;
    },
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
