import type { ServerResponse } from 'node:http';
import type { SandboxHandler } from '../handler';
import { PayApiError } from './ledger';
import type { PayKeyMode, PaySandboxControl, RequestPaymentInput } from './paySandbox';
import type { PayOperation } from './routes';
import { isObject, type Body } from './validation';

const PREFIX = '/__sandbox/pay';

// The H5 build calls the control API from the browser (its wx.requestPayment stand-in).
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...CORS });
  response.end(JSON.stringify(body));
}

type ControlRoute = [method: string, pattern: RegExp, run: (match: string[], body: Body) => unknown];

/** The pay part of the control API, `/__sandbox/pay/...`; documented in pay/README.md. */
export function createPayControlHandler(control: PaySandboxControl): SandboxHandler {
  const routes: ControlRoute[] = [
    ['GET', /^\/keys$/, () => ({
      appid: control.keys.appid,
      mchid: control.keys.mchid,
      merchantSerial: control.keys.merchant.serial,
      keyMode: control.keyMode(),
      platformSerial: control.keys.platform.serial,
      platformCertificatePem: control.keys.platform.certificatePem,
      publicKeyId: control.keys.wechatpayPublicKey.id,
      publicKeyPem: control.keys.wechatpayPublicKey.publicKeyPem,
    })],
    ['POST', /^\/key-mode$/, (_match, body) => {
      if (body.mode !== 'publicKey' && body.mode !== 'platformCertificate') throw new PayApiError(400, 'PARAM_ERROR', 'mode: publicKey | platformCertificate');
      control.setKeyMode(body.mode as PayKeyMode);
      return { keyMode: control.keyMode() };
    }],
    ['GET', /^\/orders\/([^/]+)$/, ([, ref = '']) => control.order(ref) ?? null],
    ['POST', /^\/orders\/([^/]+)\/pay$/, ([, ref = '']) => control.pay(ref)],
    ['POST', /^\/request-payment$/, (_match, body) => control.requestPayment(body as unknown as RequestPaymentInput)],
    ['GET', /^\/refunds\/([^/]+)$/, ([, ref = '']) => control.refund(ref) ?? null],
    ['POST', /^\/refunds\/([^/]+)\/settle$/, ([, ref = ''], body) => {
      if (body.status !== 'SUCCESS' && body.status !== 'ABNORMAL' && body.status !== 'CLOSED') throw new PayApiError(400, 'PARAM_ERROR', 'status: SUCCESS | ABNORMAL | CLOSED');
      return control.settleRefund(ref, body.status);
    }],
    ['POST', /^\/faults$/, (_match, body) => {
      control.failNext(body.operation as PayOperation, { status: Number(body.status), code: String(body.code), message: body.message as string | undefined }, Number(body.times ?? 1));
      return { ok: true };
    }],
    ['POST', /^\/notifications\/([^/]+)\/duplicate$/, ([, id = '']) => control.duplicate(id === 'last' ? undefined : id)],
    ['POST', /^\/notifications\/([^/]+)\/replay$/, ([, id = ''], body) => control.replay(id === 'last' ? undefined : id, body.ageSeconds === undefined ? undefined : Number(body.ageSeconds))],
    ['POST', /^\/notifications\/([^/]+)\/probe$/, ([, id = '']) => control.probe(id === 'last' ? undefined : id)],
    ['GET', /^\/deliveries$/, () => control.deliveries()],
    ['POST', /^\/reset$/, () => {
      control.reset();
      return { ok: true };
    }],
  ];

  return async (request, response, rawBody, url) => {
    if (!url.pathname.startsWith(`${PREFIX}/`)) return false;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS);
      response.end();
      return true;
    }
    const path = url.pathname.slice(PREFIX.length);
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
    if (!route) {
      json(response, 404, { code: 'NOT_FOUND', message: `no control route ${request.method} ${url.pathname}` });
      return true;
    }
    try {
      const parsed: unknown = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
      const match = (route[1].exec(path) ?? []).map((part) => decodeURIComponent(part));
      json(response, 200, await route[2](match, isObject(parsed) ? parsed : {}));
    } catch (error) {
      if (error instanceof PayApiError) json(response, error.status, { code: error.code, message: error.message });
      else if (error instanceof SyntaxError) json(response, 400, { code: 'PARAM_ERROR', message: 'body is not JSON' });
      else throw error;
    }
    return true;
  };
}
