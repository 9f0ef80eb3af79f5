import { consentTexts } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { bindTestPhone, grantSmsConsent, testPhone } from '../test/smsFactories';
import { TEST_SMS_CALLBACK_TOKEN, useWechatSandbox } from '../test/wechatSandbox';
import { ConsentModel } from '../consents/Consent.model';
import { createTencentSms, SmsApiError } from './tencentSms';
import { SmsReceiptModel } from './SmsReceipt.model';
import { SmsReplyModel } from './SmsReply.model';

useTestDatabase();
const sandbox = useWechatSandbox({ push: {} });
let app: TestApp;
const now = new Date('2026-11-29T02:00:00.000Z');

beforeAll(() => {
  app = buildTestApp({ config: sandbox.config(), now: () => now });
  sandbox.serve(app.server);
});
beforeEach(() => sandbox.control().reset());

const welcome = (phone: string) => app.deps.sms.sendSms({ phoneNumbers: [`+86${phone}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: ['新人券'] });

describe('Tencent Cloud SMS: SendSms', () => {
  it('a signed request is taken: the phone gets 【signature】 + the approved template, ending with the opt-out', async () => {
    const result = await welcome(testPhone(1));
    expect(result.statuses).toEqual([expect.objectContaining({ phoneNumber: `+86${testPhone(1)}`, code: 'Ok', serialNo: expect.stringMatching(/.+/) })]);
    expect(sandbox.sms().outbox(testPhone(1)).map((message) => message.content)).toEqual(['【蛋糕日】欢迎加入蛋糕日会员！新人券已放入你的会员账户，打开小程序即可查看。拒收请回复R']);
  });

  it('a request signed with another key, or from an unknown SecretId, is refused and sends nothing', async () => {
    const wrongKey = createTencentSms({ ...app.deps.config, SMS_SECRET_KEY: 'someoneElsesSecretKey000000000000' });
    await expect(wrongKey.sendSms({ phoneNumbers: [`+86${testPhone(2)}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: ['新人券'] })).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure', answered: true });
    const unknownId = createTencentSms({ ...app.deps.config, SMS_SECRET_ID: 'AKIDunknown0000000000' });
    await expect(unknownId.sendSms({ phoneNumbers: [`+86${testPhone(2)}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: ['新人券'] })).rejects.toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
    // Signed at a time Tencent does not accept (more than 5 minutes away).
    const stale = createTencentSms(app.deps.config, () => new Date(Date.now() - 10 * 60_000));
    await expect(stale.sendSms({ phoneNumbers: [`+86${testPhone(2)}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: ['新人券'] })).rejects.toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    expect(sandbox.sms().outbox()).toEqual([]);
  });

  it('unapproved signatures and templates, and the wrong number of variables, are refused', async () => {
    const sms = app.deps.sms;
    await expect(createTencentSms({ ...app.deps.config, SMS_SIGN_NAME: '别人家' }).sendSms({ phoneNumbers: [`+86${testPhone(3)}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: ['x'] })).rejects.toMatchObject({ code: 'FailedOperation.SignatureIncorrectOrUnapproved' });
    await expect(sms.sendSms({ phoneNumbers: [`+86${testPhone(3)}`], templateId: '1234', params: ['x'] })).rejects.toMatchObject({ code: 'FailedOperation.TemplateIncorrectOrUnapproved' });
    await expect(sms.sendSms({ phoneNumbers: [`+86${testPhone(3)}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: [] })).rejects.toBeInstanceOf(SmsApiError);
  });

  it('per-number frequency limits: the same content twice within 30 seconds is refused for that number only', async () => {
    expect((await welcome(testPhone(4))).statuses[0]?.code).toBe('Ok');
    const again = await app.deps.sms.sendSms({ phoneNumbers: [`+86${testPhone(4)}`, `+86${testPhone(5)}`], templateId: app.deps.config.SMS_TEMPLATE_WELCOME, params: ['新人券'] });
    expect(again.statuses.map((status) => status.code)).toEqual(['LimitExceeded.PhoneNumberThirtySecondLimit', 'Ok']);
    sandbox.sms().configure({ limits: { sameContentPerThirtySeconds: 10, sameContentPerHour: 10, perDay: 1 } });
    expect((await welcome(testPhone(4))).statuses[0]?.code).toBe('LimitExceeded.PhoneNumberDailyLimit');
  });
});

describe('Tencent Cloud SMS: callbacks', () => {
  it('401 without the token or with a wrong one; nothing is recorded', async () => {
    const receipt = [{ user_receive_time: '2026-11-29 10:00:00', nationcode: '86', mobile: testPhone(6), report_status: 'SUCCESS', errmsg: 'DELIVRD', description: '', sid: 'forged-1' }];
    for (const path of ['/sms/callbacks/status', `/sms/callbacks/status?token=${TEST_SMS_CALLBACK_TOKEN}x`, '/sms/callbacks/status?token=']) {
      const refused = await app.http.post(path).send(receipt);
      expect([refused.status, refused.body.error?.code]).toEqual([401, 'SMS_CALLBACK_INVALID']);
    }
    const reply = await app.http.post('/sms/callbacks/reply').send({ mobile: testPhone(6), nationcode: '86', sign: '蛋糕日', text: 'R', time: 1 });
    expect(reply.status).toBe(401);
    expect(await SmsReceiptModel.countDocuments({})).toBe(0);
    expect(await SmsReplyModel.countDocuments({})).toBe(0);
  });

  it('delivery receipts are recorded once by sid however often Tencent posts them', async () => {
    const member = await buildMember();
    await bindTestPhone(member, testPhone(7), app.deps.config);
    await welcome(testPhone(7));
    const delivery = await sandbox.sms().deliverReports();
    expect(delivery).toMatchObject({ accepted: true, answer: JSON.stringify({ result: 0, errmsg: 'OK' }) });
    for (let times = 0; times < 3; times += 1) expect((await sandbox.sms().repeatLast()).accepted).toBe(true);
    const receipts = await SmsReceiptModel.find({}).lean();
    expect(receipts).toEqual([expect.objectContaining({ memberId: member._id, delivered: true, statusCode: 'DELIVRD' })]);
  });

  it('a reply of R (or TD) withdraws the SMS consent at once, with the reply as evidence; repeats and other replies change nothing', async () => {
    const member = await buildMember();
    await bindTestPhone(member, testPhone(8), app.deps.config);
    await grantSmsConsent([member]);
    const auth = await sessionFor(member, { now });

    expect((await sandbox.sms().reply(testPhone(8), '谢谢，蛋糕很好吃')).accepted).toBe(true);
    expect((await app.http.post('/api/consents.list').set('Authorization', auth).send({})).body.consents).toContainEqual(expect.objectContaining({ purpose: 'sms_marketing', granted: true }));

    const optOut = await sandbox.sms().reply(testPhone(8), ' td ', Date.UTC(2026, 10, 29, 1, 30));
    expect(optOut.accepted).toBe(true);
    const list = await app.http.post('/api/consents.list').set('Authorization', auth).send({});
    expect(list.body.consents).toContainEqual(expect.objectContaining({ purpose: 'sms_marketing', granted: false }));
    expect(list.body.records[0]).toEqual({ purpose: 'sms_marketing', action: 'withdraw', version: consentTexts.sms_marketing.version, at: '2026-11-29T09:30:00+08:00', via: 'sms_reply' });
    expect(await ConsentModel.findOne({ memberId: member._id, action: 'withdraw' }).lean()).toMatchObject({ via: 'sms_reply', ip: null });

    await sandbox.sms().repeatLast();
    expect(await ConsentModel.countDocuments({ memberId: member._id, purpose: 'sms_marketing' })).toBe(2);
    // Tencent keeps the number on the signature's unsubscribe list too: marketing SMS to it are refused.
    expect((await welcome(testPhone(8))).statuses[0]?.code).toBe('FailedOperation.PhoneNumberInBlacklist');
  });

  it('a reply stamped in the same second as the grant it answers still withdraws it (Tencent’s times are in seconds)', async () => {
    const member = await buildMember();
    await bindTestPhone(member, testPhone(10), app.deps.config);
    await grantSmsConsent([member], new Date('2026-11-29T01:50:00.700Z'));
    const auth = await sessionFor(member, { now });
    expect((await sandbox.sms().reply(testPhone(10), 'R', Date.parse('2026-11-29T01:50:00.700Z'))).accepted).toBe(true);
    const list = await app.http.post('/api/consents.list').set('Authorization', auth).send({});
    expect(list.body.consents).toContainEqual(expect.objectContaining({ purpose: 'sms_marketing', granted: false, withdrawnVia: 'sms_reply' }));
  });

  it('the member sees the 退订 by reply where they toggle the SMS consent, and may agree again in the app (time-stamped, the text’s version)', async () => {
    const member = await buildMember();
    await bindTestPhone(member, testPhone(9), app.deps.config);
    const auth = await sessionFor(member, { now });
    const sms = async () => ((await app.http.post('/api/consents.list').set('Authorization', auth).send({})).body.consents as { purpose: string }[]).find((status) => status.purpose === 'sms_marketing');

    // Agreed earlier (as consents.grant recorded it), then replies R to an SMS this morning.
    await grantSmsConsent([member], new Date('2026-11-01T02:00:00.000Z'));
    expect(await sms()).toMatchObject({ granted: true, grantedAt: '2026-11-01T10:00:00+08:00', text: consentTexts.sms_marketing.text, withdrawnAt: null, withdrawnVia: null });

    expect((await sandbox.sms().reply(testPhone(9), 'R', Date.UTC(2026, 10, 29, 1, 45))).accepted).toBe(true);
    expect(await sms()).toMatchObject({ granted: false, grantedAt: null, withdrawnAt: '2026-11-29T09:45:00+08:00', withdrawnVia: 'sms_reply' });

    const again = await app.http.post('/api/consents.grant').set('Authorization', auth).send({ purpose: 'sms_marketing', version: consentTexts.sms_marketing.version });
    expect(again.body).toMatchObject({ granted: true, grantedVersion: consentTexts.sms_marketing.version, grantedAt: '2026-11-29T10:00:00+08:00', withdrawnAt: null, withdrawnVia: null });
    const withdrawn = await app.http.post('/api/consents.withdraw').set('Authorization', auth).send({ purpose: 'sms_marketing' });
    expect(withdrawn.body).toMatchObject({ granted: false, withdrawnAt: '2026-11-29T10:00:00+08:00', withdrawnVia: 'app' });
  });
});
