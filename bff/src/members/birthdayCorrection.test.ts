import { consentTexts } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { saveTestSettings } from '../test/settings';
import { useWechatSandbox } from '../test/wechatSandbox';
import type { Member } from './Member.model';

// Its own file (and database): the settings versions these tests save stay in force for the tests after them.
useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') }; // 12:00 on 10 May in Shanghai
let app: TestApp;
let http: TestApp['http'];
beforeAll(() => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
  http = app.http;
});
const birthdayVersion = consentTexts.birthday.version;

beforeEach(() => {
  clock.now = new Date('2026-05-10T04:00:00.000Z');
});

async function signedIn(): Promise<{ auth: string; member: Member }> {
  const member = await buildMember({ createdAt: new Date('2025-09-01T02:00:00.000Z') });
  await sandbox.control().visit({ openid: member.openid });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

describe('members.setBirthday under the settings birthday correction rules', () => {
  const set = (auth: string, body: object) => http.post('/api/members.setBirthday').set('Authorization', auth).send(body);

  it('follows the correction rules of the settings in force: how many, how long after first setting, how close', async () => {
    await saveTestSettings(app.deps, { birthday: { maxCorrections: 2, correctionWindowDays: 10, correctionBlackoutDays: 5 } });
    const { member, auth } = await signedIn();
    const first = await set(auth, { month: 9, day: 15, consentVersion: birthdayVersion });
    expect(first.body.birthdayLock).toEqual({ state: 'correctable', correctableUntil: '2026-05-21T00:00:00+08:00', correctionsLeft: 2 });
    const rules = await http.post('/api/settings.rules').send({});
    expect(rules.body.birthday.correction).toMatchObject({ windowDays: 10, maxCorrections: 2, blackoutDays: 5 });
    expect(rules.body.birthday.correction.rules[0]).toBe('生日设置后10天内可以修改2次，之后生日锁定，如需修改请联系客服');

    // 15 May is 5 days away: inside a 5-day blackout; 16 May is not.
    const tooClose = await set(auth, { month: 5, day: 15, consentVersion: birthdayVersion });
    expect([tooClose.status, tooClose.body.error.code]).toEqual([409, 'BIRTHDAY_TOO_CLOSE']);
    const once = await set(auth, { month: 5, day: 16, consentVersion: birthdayVersion });
    expect(once.body.birthdayLock).toMatchObject({ state: 'correctable', correctionsLeft: 1 });
    const me = await http.post('/api/members.me').set('Authorization', auth).send({});
    expect(me.body.birthdayLock).toMatchObject({ state: 'correctable', correctionsLeft: 1 });

    clock.now = new Date('2026-05-21T04:00:00.000Z'); // the 11th day after first setting
    const late = await set(await sessionFor(member, { now: clock.now }), { month: 10, day: 1, consentVersion: birthdayVersion });
    expect([late.status, late.body.error.code]).toEqual([409, 'BIRTHDAY_LOCKED']);
  });

  it('allows no correction at all when the settings say none', async () => {
    await saveTestSettings(app.deps, { birthday: { maxCorrections: 0 } });
    const { auth } = await signedIn();
    const first = await set(auth, { month: 9, day: 15, consentVersion: birthdayVersion });
    expect(first.body.birthdayLock).toEqual({ state: 'locked', correctableUntil: null, correctionsLeft: 0 });
    const refused = await set(auth, { month: 10, day: 15, consentVersion: birthdayVersion });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'BIRTHDAY_LOCKED']);
  });

});
