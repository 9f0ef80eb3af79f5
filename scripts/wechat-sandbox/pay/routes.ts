import { randomUUID, X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxHandler } from '../handler';
import type { PayKeyMaterial } from './keys';
import { randomAlphanumeric } from './keys';
import { PayApiError, presentRefund, presentTransaction, type PayLedger } from './ledger';
import type { Signer } from './notifier';
import { beijingTime } from '../beijingTime';
import { encryptResource, parseAuthorization, requestMessage, responseMessage, signSha256Rsa, verifySha256Rsa } from './signing';
import { checkJsapi, checkRefund, isObject, type Body } from './validation';

export type PayOperation = 'jsapi' | 'query' | 'close' | 'refund' | 'refundQuery' | 'certificates';

export interface PayFault {
  status: number;
  code: string;
  message: string;
  remaining: number;
}

export interface PayRouteContext {
  keys: PayKeyMaterial;
  ledger: PayLedger;
  signer: () => Signer;
  now: () => Date;
  faults: Map<PayOperation, PayFault>;
}

const REQUEST_WINDOW_SECONDS = 300;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  operation: PayOperation;
  run: (context: PayRouteContext, match: string[], body: Body, url: URL) => { status: number; body?: Record<string, unknown> };
}

function requireMchid(context: PayRouteContext, value: unknown, location: 'body' | 'query'): void {
  if (value === undefined || value === null || value === '') {
    throw new PayApiError(400, 'PARAM_ERROR', '参数错误：mchid必填', { field: '/mchid', location });
  }
  if (value !== context.keys.mchid) throw new PayApiError(400, 'MCH_NOT_EXISTS', '商户号不存在或与请求签名的商户号不一致');
}

const routes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v3\/pay\/transactions\/jsapi$/,
    operation: 'jsapi',
    run: (context, _match, body) => {
      const problem = checkJsapi(body);
      if (problem) throw new PayApiError(400, 'PARAM_ERROR', `参数错误：${problem.field} ${problem.issue}`, { ...problem, location: 'body' });
      requireMchid(context, body.mchid, 'body');
      if (body.appid !== context.keys.appid) throw new PayApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
      const order = context.ledger.prepay(body);
      return { status: 200, body: { prepay_id: order.prepayId } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/,
    operation: 'query',
    run: (context, match, _body, url) => {
      requireMchid(context, url.searchParams.get('mchid'), 'query');
      return { status: 200, body: presentTransaction(context.ledger.requireOrder(decodeURIComponent(match[1] ?? ''))) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v3\/pay\/transactions\/id\/([^/]+)$/,
    operation: 'query',
    run: (context, match, _body, url) => {
      requireMchid(context, url.searchParams.get('mchid'), 'query');
      const order = [...context.ledger.orders.values()].find((candidate) => candidate.transactionId === match[1]);
      if (!order) throw new PayApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
      return { status: 200, body: presentTransaction(order) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/,
    operation: 'close',
    run: (context, match, body) => {
      requireMchid(context, body.mchid, 'body');
      context.ledger.close(decodeURIComponent(match[1] ?? ''));
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    pattern: /^\/v3\/refund\/domestic\/refunds$/,
    operation: 'refund',
    run: (context, _match, body) => {
      const problem = checkRefund(body);
      if (problem) throw new PayApiError(400, 'PARAM_ERROR', `参数错误：${problem.field} ${problem.issue}`, { ...problem, location: 'body' });
      const refund = context.ledger.refund(body, (order) => order.notifyUrl);
      return { status: 200, body: presentRefund(refund) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/,
    operation: 'refundQuery',
    run: (context, match) => ({ status: 200, body: presentRefund(context.ledger.requireRefund(decodeURIComponent(match[1] ?? ''))) }),
  },
  {
    method: 'GET',
    pattern: /^\/v3\/certificates$/,
    operation: 'certificates',
    run: (context) => {
      const certificate = new X509Certificate(context.keys.platform.certificatePem);
      return {
        status: 200,
        body: {
          data: [
            {
              serial_no: context.keys.platform.serial,
              effective_time: beijingTime(new Date(certificate.validFrom)),
              expire_time: beijingTime(new Date(certificate.validTo)),
              encrypt_certificate: encryptResource(context.keys.platform.certificatePem, context.keys.apiV3Key, 'certificate'),
            },
          ],
        },
      };
    },
  },
];

/** Every answer is signed like WeChat Pay's: 3-line message, Wechatpay-* headers, the serial of the current key mode. */
function reply(context: PayRouteContext, response: ServerResponse, status: number, body?: Record<string, unknown>): void {
  const text = body ? JSON.stringify(body) : '';
  const signer = context.signer();
  const timestamp = String(Math.floor(context.now().getTime() / 1000));
  const nonce = randomAlphanumeric(32);
  response.writeHead(status, {
    ...(body ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Request-ID': randomUUID(),
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': signer.serial,
    'Wechatpay-Signature': signSha256Rsa(responseMessage(timestamp, nonce, text), signer.privateKeyPem),
  });
  response.end(text);
}

function authenticate(context: PayRouteContext, request: IncomingMessage, rawBody: Buffer, canonicalUrl: string): void {
  const auth = parseAuthorization(request.headers.authorization);
  const message = auth && requestMessage(request.method ?? 'GET', canonicalUrl, auth.timestamp, auth.nonce_str, rawBody.toString('utf8'));
  const fresh = auth && Math.abs(context.now().getTime() / 1000 - Number(auth.timestamp)) <= REQUEST_WINDOW_SECONDS;
  const valid =
    auth &&
    message &&
    fresh &&
    auth.mchid === context.keys.mchid &&
    auth.serial_no === context.keys.merchant.serial &&
    verifySha256Rsa(message, auth.signature, context.keys.merchant.certificatePem);
  if (!valid) {
    throw new PayApiError(401, 'SIGN_ERROR', '签名错误', {
      detail: { issue: 'sign not match' },
      sign_information: {
        method: request.method,
        url: canonicalUrl,
        truncated_sign_message: message ? `${message.slice(0, 40)}...` : '',
      },
    });
  }
}

/** Serves `/v3/...` like api.mch.weixin.qq.com; passes on every other path. */
export function createPayApiHandler(context: PayRouteContext): SandboxHandler {
  return async (request, response, rawBody, url) => {
    if (!url.pathname.startsWith('/v3/')) return false;
    const canonicalUrl = request.url ?? `${url.pathname}${url.search}`;
    try {
      authenticate(context, request, rawBody, canonicalUrl);
      const route = routes.find((candidate) => candidate.method === request.method && candidate.pattern.test(url.pathname));
      if (!route) throw new PayApiError(404, 'NOT_FOUND', '接口不存在');
      const fault = context.faults.get(route.operation);
      if (fault && fault.remaining > 0) {
        fault.remaining -= 1;
        throw new PayApiError(fault.status, fault.code, fault.message);
      }
      let body: Body = {};
      if (rawBody.length > 0) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawBody.toString('utf8'));
        } catch {
          throw new PayApiError(400, 'PARAM_ERROR', '请求体不是合法的JSON');
        }
        if (!isObject(parsed)) throw new PayApiError(400, 'PARAM_ERROR', '请求体应为JSON对象');
        body = parsed;
      }
      const result = route.run(context, route.pattern.exec(url.pathname) ?? [], body, url);
      reply(context, response, result.status, result.body);
    } catch (error) {
      if (!(error instanceof PayApiError)) throw error;
      reply(context, response, error.status, { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
    }
    return true;
  };
}
