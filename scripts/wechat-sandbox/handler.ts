import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One part of the sandbox (the mini-program APIs, the control API, WeChat Pay). The server reads the body once
 * and offers each request to its handlers in turn; a handler answers and returns true, or returns false to pass.
 */
export type SandboxHandler = (request: IncomingMessage, response: ServerResponse, rawBody: Buffer, url: URL) => Promise<boolean>;
