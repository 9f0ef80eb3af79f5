/** Field checks for the v3 request bodies; the first problem becomes 400 PARAM_ERROR naming the field. */
export interface FieldProblem {
  field: string;
  issue: string;
}

export type Body = Record<string, unknown>;

export const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
// The real service requires HTTPS; the sandbox also takes plain HTTP on the loopback so tests need no TLS.
const NOTIFY_URL = /^(https:\/\/[^\s?#]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/[^\s?#]*)?)$/;

class Checker {
  problem: FieldProblem | null = null;

  fail(field: string, issue: string): void {
    this.problem ??= { field, issue };
  }

  string(body: Body, field: string, options: { required: boolean; max?: number; maxBytes?: number; pattern?: RegExp }, prefix = ''): void {
    const value = body[field];
    const name = `/${prefix}${field}`;
    if (value === undefined) {
      if (options.required) this.fail(name, '必填字段缺失');
      return;
    }
    if (typeof value !== 'string' || value.length === 0) return this.fail(name, '应为非空字符串');
    if (options.max !== undefined && [...value].length > options.max) this.fail(name, `长度不能超过${options.max}`);
    if (options.maxBytes !== undefined && Buffer.byteLength(value) > options.maxBytes) this.fail(name, `长度不能超过${options.maxBytes}字节`);
    if (options.pattern && !options.pattern.test(value)) this.fail(name, '格式不正确');
  }

  positiveInteger(body: Body, field: string, prefix: string): void {
    const value = body[field];
    if (value === undefined) return this.fail(`/${prefix}${field}`, '必填字段缺失');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) this.fail(`/${prefix}${field}`, '应为正整数（单位：分）');
  }

  currency(body: Body, prefix: string): void {
    if (body.currency !== undefined && body.currency !== 'CNY') this.fail(`/${prefix}currency`, '仅支持CNY');
  }
}

export function checkJsapi(body: Body): FieldProblem | null {
  const check = new Checker();
  check.string(body, 'appid', { required: true, max: 32 });
  check.string(body, 'mchid', { required: true, max: 32 });
  check.string(body, 'description', { required: true, max: 127 });
  check.string(body, 'out_trade_no', { required: true, pattern: OUT_TRADE_NO });
  check.string(body, 'time_expire', { required: false, pattern: RFC3339 });
  if (typeof body.time_expire === 'string' && Number.isNaN(Date.parse(body.time_expire))) check.fail('/time_expire', '格式不正确');
  check.string(body, 'attach', { required: false, max: 128 });
  check.string(body, 'notify_url', { required: true, max: 255, pattern: NOTIFY_URL });
  if (!isObject(body.amount)) check.fail('/amount', '必填字段缺失');
  else {
    check.positiveInteger(body.amount, 'total', 'amount/');
    check.currency(body.amount, 'amount/');
  }
  if (!isObject(body.payer)) check.fail('/payer', '必填字段缺失');
  else check.string(body.payer, 'openid', { required: true, max: 128 }, 'payer/');
  return check.problem;
}

export function checkRefund(body: Body): FieldProblem | null {
  const check = new Checker();
  if ((body.transaction_id === undefined) === (body.out_trade_no === undefined)) {
    check.fail('/out_trade_no', 'transaction_id与out_trade_no必须且只能填写一个');
  }
  check.string(body, 'transaction_id', { required: false, max: 32 });
  check.string(body, 'out_trade_no', { required: false, max: 32 });
  check.string(body, 'out_refund_no', { required: true, pattern: OUT_REFUND_NO });
  check.string(body, 'reason', { required: false, maxBytes: 80 });
  check.string(body, 'notify_url', { required: false, max: 256, pattern: NOTIFY_URL });
  if (body.funds_account !== undefined && body.funds_account !== 'AVAILABLE' && body.funds_account !== 'UNSETTLED') {
    check.fail('/funds_account', '取值不正确');
  }
  if (!isObject(body.amount)) check.fail('/amount', '必填字段缺失');
  else {
    check.positiveInteger(body.amount, 'refund', 'amount/');
    check.positiveInteger(body.amount, 'total', 'amount/');
    if (body.amount.currency === undefined) check.fail('/amount/currency', '必填字段缺失');
    check.currency(body.amount, 'amount/');
  }
  return check.problem;
}

/** Key-order-independent form of a request body, to tell "the same request again" from "different content". */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${fingerprint(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
