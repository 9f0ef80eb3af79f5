import { consentTexts, EXPORT_TOTAL_HEADER } from '@cakeday/shared';
import { AuditEntryModel } from '../../audit/AuditEntry.model';
import { HelpCampaignModel } from '../../help/HelpCampaign.model';
import { ReferralModel } from '../../referral/Referral.model';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../../test/factories';
import { buildMallItem } from '../../test/mallFactories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { useWechatSandbox } from '../../test/wechatSandbox';
import type { Member } from '../Member.model';
import { deleteMember } from '../deleteMember';
import { revealMember } from './revealMember';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') }; // 12:00 on 10 May in Shanghai
let app: TestApp;
const cookies = { ops: '', analyst: '' };

/** A member who logged in, bound a phone through WeChat and set a birthday (with its consent) in the mini-program. */
async function memberWithPhone(phone: string, overrides: Partial<Member> = {}): Promise<Member> {
  const member = await buildMember({ createdAt: new Date('2025-09-01T02:00:00.000Z'), ...overrides });
  const auth = await sessionFor(member, { now: clock.now });
  const code = await sandbox.control().phoneCode({ openid: member.openid }, phone);
  expect((await app.http.post('/api/members.bindPhone').set('Authorization', auth).send({ code })).status).toBe(200);
  const birthday = { month: 8, day: 17, year: 1990, consentVersion: consentTexts.birthday.version };
  expect((await app.http.post('/api/members.setBirthday').set('Authorization', auth).send(birthday)).status).toBe(200);
  return member;
}

const call = (name: string, body: object, cookie = cookies.ops) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);

let alice: Member;
let bob: Member;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now, config: sandbox.config() });
  cookies.ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  cookies.analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  alice = await memberWithPhone('13812341234', { nickname: '王小明' });
  bob = await memberWithPhone('13900005678', { nickname: 'a.b*c' });
});

describe('ops.members.search', () => {
  it('finds exactly the member by phone, typed in any usual form; another phone finds nobody', async () => {
    for (const phone of ['13812341234', '138 1234 1234', '+86-138-1234-1234']) {
      const found = await call('ops.members.search', { phone });
      expect([phone, found.status, found.body.total, found.body.items.map((row: { id: string }) => row.id)]).toEqual([phone, 200, 1, [alice._id.toHexString()]]);
    }
    const nobody = await call('ops.members.search', { phone: '13812341235' });
    expect([nobody.status, nobody.body.total, nobody.body.items]).toEqual([200, 0, []]);
  });

  it('shows each row masked: phone, nickname; never openid or hashes', async () => {
    await buildPointsLot({ member: alice, points: 300, earnedAt: clock.now });
    const found = await call('ops.members.search', { memberId: alice._id.toHexString() });
    expect(found.body.items).toEqual([
      {
        id: alice._id.toHexString(),
        nicknameMasked: '王*明',
        phoneMasked: '138****1234',
        tier: 'basic',
        tierName: '普卡',
        pointsBalance: 300,
        status: 'active',
        memberSince: '2025-09-01T10:00:00+08:00',
      },
    ]);
    const text = JSON.stringify(found.body);
    for (const secret of ['13812341234', '王小明', alice.openid]) expect(text).not.toContain(secret);
  });

  it('matches a nickname as literal text, ignoring case; pages; filters by tier, status and join date', async () => {
    const literal = await call('ops.members.search', { nickname: 'A.B*' });
    expect(literal.body.items.map((row: { id: string }) => row.id)).toEqual([bob._id.toHexString()]);
    // A regex metacharacter matches only itself, not every nickname.
    expect((await call('ops.members.search', { nickname: '.' })).body.items.map((row: { id: string }) => row.id)).toEqual([bob._id.toHexString()]);
    expect((await call('ops.members.search', { nickname: '小明' })).body.total).toBe(1);

    for (let n = 0; n < 3; n += 1) await buildMember({ nickname: `分页${n}`, tier: { level: 'gold', since: clock.now, reviewedAt: null }, createdAt: new Date(`2026-0${n + 1}-15T02:00:00.000Z`) });
    const firstPage = await call('ops.members.search', { nickname: '分页', page: 1, pageSize: 2 });
    expect([firstPage.body.total, firstPage.body.items.length, firstPage.body.page, firstPage.body.pageSize]).toEqual([3, 2, 1, 2]);
    // Newest first.
    expect(firstPage.body.items.map((row: { memberSince: string }) => row.memberSince.slice(0, 7))).toEqual(['2026-03', '2026-02']);
    expect((await call('ops.members.search', { nickname: '分页', page: 2, pageSize: 2 })).body.items).toHaveLength(1);
    expect((await call('ops.members.search', { tier: 'gold' })).body.total).toBe(3);
    expect((await call('ops.members.search', { tier: 'gold', joinedFrom: '2026-02-01T00:00:00+08:00', joinedTo: '2026-03-01T00:00:00+08:00' })).body.total).toBe(1);
    expect((await call('ops.members.search', { memberId: alice._id.toHexString(), status: 'deleted' })).body.total).toBe(0);
  });

  it('400 on malformed input; an analyst may search (masked)', async () => {
    expect((await call('ops.members.search', { memberId: 'nope' })).status).toBe(400);
    expect((await call('ops.members.search', { phone: 'call me' })).status).toBe(400);
    expect((await call('ops.members.search', { pageSize: 1000 })).status).toBe(400);
    const asAnalyst = await call('ops.members.search', { phone: '13812341234' }, cookies.analyst);
    expect([asAnalyst.status, asAnalyst.body.items[0]?.phoneMasked]).toEqual([200, '138****1234']);
  });
});

describe('ops.members.get', () => {
  it("shows the member's page: masked profile, tier, points with lots and ledger, orders, coupons, consents, referrals, help", async () => {
    const member = await memberWithPhone('13700001111', { nickname: '李四' });
    const memberId = member._id.toHexString();
    await buildPointsLot({ member, points: 500, earnedAt: clock.now });
    const item = await buildMallItem({ pointsPrice: 100 });
    const auth = await sessionFor(member, { now: clock.now });
    const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), qty: 1, idempotencyKey: 'ops-get-order-1' });
    expect(redeemed.status).toBe(200);
    const friend = await buildMember({ nickname: '赵六' });
    await ReferralModel.create({ _id: friend._id, referrerId: member._id, shareId: 's-1', boundAt: clock.now, state: 'rewarded', orderId: 'o-1', points: 20, rewardedAt: clock.now, pointsKey: 'k', welcomeIssuedAt: clock.now });
    await ReferralModel.create({ _id: member._id, referrerId: alice._id, shareId: 's-2', boundAt: clock.now, state: 'joined', orderId: null, points: 0, rewardedAt: null, pointsKey: null, welcomeIssuedAt: null });
    await HelpCampaignModel.create({
      memberId: member._id,
      celebrationYear: 2026,
      birthday: { month: 8, day: 17 },
      goal: 5,
      gift: { title: '生日小蛋糕', description: '到店领取', templateCode: 'help-gift' },
      helpersCount: 2,
      helpers: [{ memberId: friend._id, nickname: '赵六', avatarUrl: null, at: clock.now }],
      state: 'active',
      startedAt: clock.now,
      expiresAt: new Date('2026-08-24T16:00:00.000Z'),
    });

    const page = await call('ops.members.get', { memberId });
    expect(page.status).toBe(200);
    expect(page.body.profile).toEqual({
      id: memberId,
      nicknameMasked: '李*',
      phoneMasked: '137****1111',
      birthday: { month: 8, day: 17, yearKnown: true },
      status: 'active',
      memberSince: '2025-09-01T10:00:00+08:00',
      deletedAt: null,
      unionidLinked: false,
    });
    expect(page.body.tier).toMatchObject({ level: 'basic', name: '普卡', rollingSpendFen: 0, reviewOn: '2026-09-01', next: { level: 'gold', thresholdFen: 50_000 } });
    expect(page.body.points).toMatchObject({ balance: 400, entriesTotal: 2 });
    expect(page.body.points.lots).toEqual([expect.objectContaining({ amount: 500, remaining: 400, expiresAt: '2028-01-01T00:00:00+08:00' })]);
    expect(page.body.points.latestEntries.map((entry: { kind: string; delta: number }) => [entry.kind, entry.delta])).toEqual([['spend', -100], ['earn', 500]]);
    expect(page.body.orders).toMatchObject({ total: 1, latest: [{ id: redeemed.body.order.id, itemTitle: item.title, pointsTotal: 100, status: 'fulfilled', received: false }] });
    expect(page.body.coupons).toEqual({ available: 0, total: 0, latest: [] });
    expect(page.body.consents.statuses).toContainEqual(expect.objectContaining({ purpose: 'birthday', granted: true, grantedVersion: consentTexts.birthday.version }));
    expect(page.body.consents.records).toEqual([expect.objectContaining({ purpose: 'birthday', action: 'grant' })]);
    expect(page.body.referrals).toEqual({
      referredBy: { memberId: alice._id.toHexString(), nicknameMasked: '王*明', boundAt: '2026-05-10T12:00:00+08:00', state: 'joined', points: 0 },
      invited: { total: 1, rewarded: 1, latest: [{ memberId: friend._id.toHexString(), nicknameMasked: '赵*', boundAt: '2026-05-10T12:00:00+08:00', state: 'rewarded', points: 20 }] },
    });
    expect(page.body.helpCampaigns).toEqual([expect.objectContaining({ celebrationYear: 2026, goal: 5, helpersCount: 2, state: 'active', giftTitle: '生日小蛋糕' })]);

    // Masked everywhere: not the phone, the nickname, the birth year, nor a friend's name.
    const text = JSON.stringify(page.body);
    for (const secret of ['13700001111', '李四', '1990', '赵六', member.openid]) expect(text).not.toContain(secret);

    const ledger = await call('ops.points.ledger', { memberId, page: 2, pageSize: 1 });
    expect([ledger.status, ledger.body.total, ledger.body.items.map((entry: { kind: string }) => entry.kind)]).toEqual([200, 2, ['earn']]);
  });

  it('404 for an unknown member, 400 for a malformed id; a deleted member shows anonymous', async () => {
    expect((await call('ops.members.get', { memberId: '0'.repeat(24) })).status).toBe(404);
    expect((await call('ops.members.get', { memberId: 'x' })).status).toBe(400);
    const gone = await memberWithPhone('13600002222', { nickname: '要走了' });
    await deleteMember(gone._id.toHexString(), { now: clock.now, config: app.deps.config });
    const page = await call('ops.members.get', { memberId: gone._id.toHexString() });
    expect(page.body.profile).toMatchObject({ status: 'deleted', nicknameMasked: null, phoneMasked: null, birthday: null, deletedAt: '2026-05-10T12:00:00+08:00' });
  });
});

describe('ops.members.reveal', () => {
  const reveal = (body: object, cookie = cookies.ops) => call('ops.members.reveal', body, cookie);

  it('requires a reason of 2 to 200 characters', async () => {
    const memberId = alice._id.toHexString();
    for (const body of [{ memberId }, { memberId, reason: ' ' }, { memberId, reason: '查' }, { memberId, reason: '长'.repeat(201) }]) {
      expect((await reveal(body)).status).toBe(400);
    }
    expect(await AuditEntryModel.countDocuments({ action: 'ops.members.reveal' })).toBe(0);
  });

  it('answers the whole phone, birthday with its year and nickname once, audited first with the reason; nothing personal in the audit', async () => {
    const revealed = await reveal({ memberId: alice._id.toHexString(), reason: '会员来电核实身份' });
    expect(revealed.status).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    const entry = await AuditEntryModel.findOne({ action: 'ops.members.reveal', 'subject.id': alice._id.toHexString() }).lean();
    expect(revealed.body).toEqual({ memberId: alice._id.toHexString(), phone: '13812341234', nickname: '王小明', birthday: { month: 8, day: 17, year: 1990 }, auditSeq: entry?._id });
    expect(entry).toMatchObject({ subject: { type: 'Member' }, reason: '会员来电核实身份', outcome: 'applied', after: { fields: ['phone', 'birthday', 'nickname'] }, actor: { type: 'operator', roles: ['ops'] } });
    for (const secret of ['13812341234', '王小明', '1990']) expect(JSON.stringify(entry)).not.toContain(secret);

    const phoneOnly = await reveal({ memberId: bob._id.toHexString(), reason: '核对手机号', fields: ['phone'] });
    expect(phoneOnly.body).toMatchObject({ phone: '13900005678', nickname: null, birthday: null });
  });

  it('reveals nothing when its audit entry cannot be written', async () => {
    const audit = { actor: { type: 'operator' as const, id: 'op-x', name: '运营 (op-x)', roles: ['ops'] }, requestId: 'req-x', ip: null, now: clock.now };
    const blocked = { ...audit, faults: { afterEntryWritten: () => { throw new Error('database gone'); } } };
    const input = { memberId: alice._id.toHexString(), reason: '会员来电核实身份', fields: ['phone' as const] };
    await expect(revealMember(input, { audit: blocked, encryptionKey: app.deps.config.DATA_ENCRYPTION_KEY })).rejects.toMatchObject({ status: 503, code: 'AUDIT_UNAVAILABLE' });
    await expect(revealMember(input, { audit, encryptionKey: app.deps.config.DATA_ENCRYPTION_KEY })).resolves.toMatchObject({ phone: '13812341234' });
  });

  it('an analyst never gets it: 403 and no audit entry', async () => {
    const before = await AuditEntryModel.countDocuments({ action: 'ops.members.reveal' });
    const refused = await reveal({ memberId: alice._id.toHexString(), reason: '好奇' }, cookies.analyst);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(JSON.stringify(refused.body)).not.toContain('13812341234');
    expect(await AuditEntryModel.countDocuments({ action: 'ops.members.reveal' })).toBe(before);
  });

  it('404 for an unknown member and for a deleted one (nothing left to reveal)', async () => {
    expect((await reveal({ memberId: '0'.repeat(24), reason: '核实' })).status).toBe(404);
    const gone = await buildMember({ status: 'deleted', openid: 'deleted:x' });
    const refused = await reveal({ memberId: gone._id.toHexString(), reason: '核实' });
    expect([refused.status, refused.body.error.code]).toEqual([404, 'OPS_MEMBER_NO_PERSONAL_DATA']);
  });
});

describe('ops.members.export', () => {
  it('streams the matching members as masked CSV with the total first, and is audited as an export', async () => {
    const response = await call('ops.members.export', { phone: '13812341234' }).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers[EXPORT_TOTAL_HEADER.toLowerCase()]).toBe('1');
    const lines = String(response.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual(['会员编号,昵称,手机号,等级,积分余额,状态,注册时间', `${alice._id.toHexString()},王*明,138****1234,普卡,300,正常,2025-09-01T10:00:00+08:00`]);
    const entry = await AuditEntryModel.findOne({ action: 'ops.members.export' }).sort({ _id: -1 }).lean();
    expect(entry).toMatchObject({ subject: { type: 'Member', id: null }, outcome: 'applied', after: { filters: { phone: '138****1234' } } });

    const all = await call('ops.members.export', {});
    const rows = String(all.text).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows.length - 1).toBe(Number(all.headers[EXPORT_TOTAL_HEADER.toLowerCase()]));
    expect(all.text).not.toContain('13812341234');
    expect(all.text).not.toContain('王小明');
  });
});
