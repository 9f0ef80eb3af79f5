import request from 'supertest';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { metricValue, observations } from '../test/metricValues';
import { usePaySandbox } from '../test/paySandbox';
import { signedPayNotification, paidTransactionResource } from '../test/payNotifications';
import { MemberModel } from '../members/Member.model';
import { runJobOnce } from '../jobs/scheduler';
import { httpRequests } from './metrics';

useTestDatabase();
const sandbox = usePaySandbox();
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config) });
  sandbox().serve(app.server);
});

describe('what /metrics counts', () => {
  it('requests by route name and status, errors by code; never by raw path', async () => {
    const before = {
      me401: await metricValue('cakeday_http_requests_total', { route: 'members.me', status: '401' }),
      unauthenticated: await metricValue('cakeday_http_errors_total', { route: 'members.me', code: 'UNAUTHENTICATED' }),
      healthz: await metricValue('cakeday_http_requests_total', { route: '/healthz', status: '200' }),
      unmatched: await metricValue('cakeday_http_requests_total', { route: 'unmatched', status: '404' }),
      timed: await observations('cakeday_http_request_duration_seconds', { route: 'members.me' }),
    };
    await app.http.post('/api/members.me').send({});
    await app.http.post('/api/members.me').send({});
    await app.http.get('/healthz');
    await app.http.get('/api/orders/65f0c0ffee0000000000abcd');

    expect(await metricValue('cakeday_http_requests_total', { route: 'members.me', status: '401' })).toBe(before.me401 + 2);
    expect(await metricValue('cakeday_http_errors_total', { route: 'members.me', code: 'UNAUTHENTICATED' })).toBe(before.unauthenticated + 2);
    expect(await metricValue('cakeday_http_requests_total', { route: '/healthz', status: '200' })).toBe(before.healthz + 1);
    expect(await metricValue('cakeday_http_requests_total', { route: 'unmatched', status: '404' })).toBe(before.unmatched + 1);
    expect(await observations('cakeday_http_request_duration_seconds', { route: 'members.me' })).toBe(before.timed + 2);
    const routes = (await httpRequests.get()).values.map((value) => String(value.labels.route));
    expect(routes.some((route) => route.includes('65f0c0ffee'))).toBe(false);
  });

  it('job runs by job and outcome', async () => {
    const ok = { name: 'metrics-test.ok', intervalMs: 60_000, run: async () => 'done' };
    const failing = { name: 'metrics-test.failing', intervalMs: 60_000, run: async () => Promise.reject(new Error('boom')) };
    expect(await runJobOnce(ok, app.deps)).toBe(true);
    expect(await runJobOnce(failing, app.deps)).toBe(true);
    expect(await metricValue('cakeday_job_runs_total', { job: 'metrics-test.ok', outcome: 'ok' })).toBe(1);
    expect(await metricValue('cakeday_job_runs_total', { job: 'metrics-test.failing', outcome: 'failed' })).toBe(1);
    expect(await metricValue('cakeday_job_runs_total', { job: 'metrics-test.failing', outcome: 'ok' })).toBe(0);
    expect(await observations('cakeday_job_duration_seconds', { job: 'metrics-test.ok' })).toBe(1);
  });

  it('WeChat calls by endpoint, outcome and errcode', async () => {
    const control = sandbox().sandbox.control;
    const before = {
      ok: await metricValue('cakeday_wechat_calls_total', { endpoint: 'jscode2session', outcome: 'ok', errcode: '0' }),
      invalid: await metricValue('cakeday_wechat_calls_total', { endpoint: 'jscode2session', outcome: 'errcode', errcode: '40029' }),
    };
    const { code } = await control.loginCode({ user: 'metrics-alice' });
    await app.deps.wechat.login.code2Session(code);
    await expect(app.deps.wechat.login.code2Session(code)).rejects.toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    expect(await metricValue('cakeday_wechat_calls_total', { endpoint: 'jscode2session', outcome: 'ok', errcode: '0' })).toBe(before.ok + 1);
    expect(await metricValue('cakeday_wechat_calls_total', { endpoint: 'jscode2session', outcome: 'errcode', errcode: '40029' })).toBe(before.invalid + 1);
  });

  it('a WeChat that does not answer counts as unavailable', async () => {
    const unreachable = buildTestApp({ config: testConfig({ WECHAT_API_BASE: 'http://127.0.0.1:1', WECHAT_TIMEOUT_MS: '1000' }) });
    const before = await metricValue('cakeday_wechat_calls_total', { endpoint: 'jscode2session', outcome: 'unavailable' });
    await expect(unreachable.deps.wechat.login.code2Session('any-code')).rejects.toMatchObject({ code: 'WECHAT_UNAVAILABLE' });
    expect(await metricValue('cakeday_wechat_calls_total', { endpoint: 'jscode2session', outcome: 'unavailable' })).toBe(before + 1);
  });

  it('WeChat Pay calls by operation and outcome, and pay notifications by verdict', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 1500 });
    const { member } = await buildPointsLot({ points: 500 });
    const before = {
      prepay: await metricValue('cakeday_wechatpay_calls_total', { operation: 'prepay', outcome: 'ok' }),
      fulfilled: await metricValue('cakeday_pay_notifications_total', { verdict: 'fulfilled' }),
      rejected: await metricValue('cakeday_pay_notifications_total', { verdict: 'rejected' }),
      unknown: await metricValue('cakeday_pay_notifications_total', { verdict: 'unknown_order' }),
      notFound: await metricValue('cakeday_wechatpay_calls_total', { operation: 'query', outcome: 'error', errcode: 'ORDER_NOT_EXIST' }),
    };
    const redeemed = await app.http
      .post('/api/mall.redeem')
      .set('Authorization', await sessionFor(member))
      .send({ itemId: item._id.toHexString(), idempotencyKey: 'metrics-cash-1' });
    expect(redeemed.body.order.status).toBe('awaiting_payment');
    expect(await metricValue('cakeday_wechatpay_calls_total', { operation: 'prepay', outcome: 'ok' })).toBe(before.prepay + 1);

    const { notificationId } = sandbox().pay.pay(redeemed.body.order.orderNo);
    await sandbox().pay.settled(notificationId);
    expect(await metricValue('cakeday_pay_notifications_total', { verdict: 'fulfilled' })).toBe(before.fulfilled + 1);

    const keys = sandbox().keys;
    const openid = (await MemberModel.findById(member._id).lean())?.openid ?? '';
    const forged = signedPayNotification(keys, {
      eventType: 'TRANSACTION.SUCCESS',
      originalType: 'transaction',
      resource: paidTransactionResource(keys, { outTradeNo: redeemed.body.order.orderNo, amountFen: 1500, openid }),
      signingKeyPem: keys.merchant.privateKeyPem,
    });
    expect((await request(app.server).post('/wechat/pay/notify').set(forged.headers).send(forged.body)).status).toBe(401);
    expect(await metricValue('cakeday_pay_notifications_total', { verdict: 'rejected' })).toBe(before.rejected + 1);

    const stranger = signedPayNotification(keys, {
      eventType: 'TRANSACTION.SUCCESS',
      originalType: 'transaction',
      resource: paidTransactionResource(keys, { outTradeNo: 'M000000000000NOSUCHORDER', amountFen: 1500, openid }),
    });
    expect((await request(app.server).post('/wechat/pay/notify').set(stranger.headers).send(stranger.body)).status).toBe(204);
    expect(await metricValue('cakeday_pay_notifications_total', { verdict: 'unknown_order' })).toBe(before.unknown + 1);

    expect(await app.deps.wechat.pay.queryByOutTradeNo('M000000000000NOSUCHORDER')).toBeNull();
    expect(await metricValue('cakeday_wechatpay_calls_total', { operation: 'query', outcome: 'error', errcode: 'ORDER_NOT_EXIST' })).toBe(before.notFound + 1);
  });

  it('database pool use from the driver: connections open, none left checked out, checkouts timed', async () => {
    await Promise.all(Array.from({ length: 5 }, () => MemberModel.findOne({}).lean()));
    expect(await metricValue('cakeday_db_pool_connections', { state: 'open' })).toBeGreaterThanOrEqual(1);
    expect(await metricValue('cakeday_db_pool_connections', { state: 'in_use' })).toBe(0);
    expect(await metricValue('cakeday_db_pool_max_connections')).toBe(100);
    expect(await observations('cakeday_db_pool_checkout_wait_seconds')).toBeGreaterThanOrEqual(5);
  });
});
