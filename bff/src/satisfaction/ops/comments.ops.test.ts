import { Types } from 'mongoose';
import { AuditEntryModel } from '../../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildMember, sessionFor } from '../../test/factories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { buildMallOrders } from '../../test/orderFactories';
import { useWechatSandbox } from '../../test/wechatSandbox';
import { RatingModel } from '../Rating.model';

useTestDatabase();
const sandbox = useWechatSandbox();
const clock = { now: new Date('2026-11-20T02:00:00Z') };
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
});

const later = (minutes: number) => {
  clock.now = new Date(clock.now.getTime() + minutes * 60_000);
};

async function rateOrder(stars: number, comment: string) {
  const member = await buildMember();
  await sandbox.control().visit({ openid: member.openid });
  const auth = await sessionFor(member, { now: clock.now });
  const [order] = await buildMallOrders(1, { buyerMemberId: member._id, status: 'fulfilled' });
  const rated = await app.http
    .post('/api/satisfaction.rate')
    .set('Authorization', auth)
    .send({ subject: { type: 'order', id: order?._id.toHexString() }, stars, comment });
  expect(rated.status).toBe(200);
  return { member, auth };
}

const ops = (cookie: string, route: string, body: object) => app.http.post(`/api/${route}`).set('Cookie', cookie).send(body);

describe('ops.satisfaction.comments and hideComment', () => {
  it('the latest published comments newest first with a masked member id; a moderator hides one, audited; a second hide is 409', async () => {
    const { member: first } = await rateOrder(5, '非常好吃，推荐给朋友');
    later(1);
    await rateOrder(2, '奶油不新鲜，蛋糕太甜了');
    later(1);
    const npsMember = await buildMember();
    await sandbox.control().visit({ openid: npsMember.openid });
    expect((await app.http.post('/api/satisfaction.nps').set('Authorization', await sessionFor(npsMember, { now: clock.now })).send({ score: 9, comment: '店员很热情' })).status).toBe(200);
    // A comment held for a moderator never reaches this list.
    await RatingModel.create({ key: 'held', memberId: new Types.ObjectId(), subject: { type: 'order', id: new Types.ObjectId().toHexString() }, stars: 1, comment: '等待审核的评语', commentState: 'reviewing', sentiment: null, createdAt: clock.now });

    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const listed = await ops(analyst, 'ops.satisfaction.comments', {});
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { comment: string }) => item.comment)).toEqual(['店员很热情', '奶油不新鲜，蛋糕太甜了', '非常好吃，推荐给朋友']);
    expect(listed.body.items[0]).toMatchObject({ kind: 'nps', score: 9, subjectType: null, sentiment: 'positive' });
    expect(listed.body.items[1]).toMatchObject({ kind: 'rating', score: 2, subjectType: 'order', sentiment: 'negative' });
    const firstId = first._id.toHexString();
    expect(listed.body.items[2].member).toBe(`${firstId.slice(0, 4)}****${firstId.slice(-4)}`);
    expect(JSON.stringify(listed.body)).not.toContain(firstId);
    expect(JSON.stringify(listed.body)).not.toContain(first.openid);
    const negative = await ops(analyst, 'ops.satisfaction.comments', { sentiment: 'negative' });
    expect(negative.body.items.map((item: { comment: string }) => item.comment)).toEqual(['奶油不新鲜，蛋糕太甜了']);

    // Analysts read; only moderators (and admins) hide.
    const complaint = listed.body.items[1] as { id: string };
    expect((await ops(analyst, 'ops.satisfaction.hideComment', { kind: 'rating', id: complaint.id, reason: '含有人身攻击' })).status).toBe(403);
    const moderator = await opsCookieFor(app.http, await buildOperator({ roles: ['moderator'] }));
    expect((await ops(moderator, 'ops.satisfaction.moderationComments', {})).body.items).toHaveLength(3);
    expect((await ops(moderator, 'ops.satisfaction.hideComment', { kind: 'nps', id: complaint.id, reason: '含有人身攻击' })).status).toBe(404);
    const hidden = await ops(moderator, 'ops.satisfaction.hideComment', { kind: 'rating', id: complaint.id, reason: '含有人身攻击' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.comment).toMatchObject({ id: complaint.id, commentState: 'hidden' });
    const entry = await AuditEntryModel.findOne({ action: 'ops.satisfaction.hideComment', 'subject.id': complaint.id }).lean();
    expect(entry).toMatchObject({ subject: { type: 'SatisfactionRating' }, outcome: 'applied', reason: '含有人身攻击', before: { commentState: 'published' }, after: { commentState: 'hidden' } });
    expect((await RatingModel.findById(complaint.id).lean())?.auditSeqs).toEqual([entry?._id]);
    const again = await ops(moderator, 'ops.satisfaction.hideComment', { kind: 'rating', id: complaint.id, reason: '含有人身攻击' });
    expect([again.status, again.body.error.code]).toEqual([409, 'SATISFACTION_COMMENT_NOT_PUBLISHED']);
    expect((await ops(analyst, 'ops.satisfaction.comments', {})).body.items.map((item: { comment: string }) => item.comment)).toEqual(['店员很热情', '非常好吃，推荐给朋友']);
  });
});
