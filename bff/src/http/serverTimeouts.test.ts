import { createServer } from 'node:http';
import { loadConfig } from '../config/config';
import { applyServerTimeouts } from './serverTimeouts';

describe('keep-alive connections behind a load balancer', () => {
  it('are kept idle for HTTP_KEEP_ALIVE_TIMEOUT_MS (65 s by default, past a balancer\'s 60 s), not Node\'s 5 s', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/cakeday' });
    expect(config.HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
    const server = createServer();
    expect(server.keepAliveTimeout).toBe(5000);
    applyServerTimeouts(server, config);
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });
});
