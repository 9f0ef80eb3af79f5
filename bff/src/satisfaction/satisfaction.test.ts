import { analyticsDay } from '@cakeday/shared';
import { Types } from 'mongoose';
import { consumeEvents, EVENT_SETTLE_MS } from '../events/consumeEvents';
import { EventModel } from '../events/Event.model';
import { insightsConsumerFor } from '../insights/insightsConsumer';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { buildMallOrders } from '../test/orderFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { WriteoffRecordModel } from '../writeoff/WriteoffRecord.model';
import { RatingModel } from './Rating.model';

useTestDatabase();
const sandbox = useWechatSandbox();
const clock = { now: new Date() };
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
});

async function member() {
  const built = await buildMember();
  // msgSecCheck answers only for a user who visited within two hours, as WeChat does.
  await sandbox.control().visit({ openid: built.openid });
  return { member: built, auth: await sessionFor(built, { now: clock.now }) };
}
const call = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};

describe('satisfaction.rate', () => {
  it('401; 400 off the scale; 404 another’s order; 409 before fulfilment; 200 once, the retry answered, another rating 409', async () => {
    const { member: buyer, auth } = await member();
    const [pending] = await buildMallOrders(1, { buyerMemberId: buyer._id });
    const [fulfilled] = await buildMallOrders(1, { buyerMemberId: buyer._id, status: 'fulfilled' });
    const [others] = await buildMallOrders(1, { status: 'fulfilled' });
    const subject = { type: 'order', id: fulfilled?._id.toHexString() };
    expect((await call('satisfaction.rate', null, { subject, stars: 5 })).status).toBe(401);
    expect((await call('satisfaction.rate', auth, { subject, stars: 6 })).status).toBe(400);
    expect((await call('satisfaction.rate', auth, { subject: { type: 'order', id: others?._id.toHexString() }, stars: 5 })).status).toBe(404);
    const early = await call('satisfaction.rate', auth, { subject: { type: 'order', id: pending?._id.toHexString() }, stars: 5 });
    expect([early.status, early.body.error.code]).toEqual([409, 'SATISFACTION_NOT_RATEABLE']);

    const rated = await call('satisfaction.rate', auth, { subject, stars: 2, comment: '奶油不新鲜，蛋糕太甜了' });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ subject, stars: 2, comment: '奶油不新鲜，蛋糕太甜了', commentState: 'published' });
    expect((await call('satisfaction.rate', auth, { subject, stars: 2, comment: '奶油不新鲜，蛋糕太甜了' })).status).toBe(200);
    const again = await call('satisfaction.rate', auth, { subject, stars: 5 });
    expect([again.status, again.body.error.code]).toEqual([409, 'SATISFACTION_ALREADY_RATED']);
    expect((await call('satisfaction.ratingOf', auth, { subject })).body).toMatchObject({ canRate: false, rating: { stars: 2 } });
    const stored = await RatingModel.findOne({ memberId: buyer._id }).lean();
    expect(stored?.sentiment).toMatchObject({ class: 'negative' });
    const events = await EventModel.find({ type: 'rating.submitted', memberId: buyer._id }).lean();
    expect(events.map((event) => event.props)).toEqual([{ kind: 'order', stars: 2, sentiment: 'negative', complaints: expect.stringContaining('太甜') }]);
  });

  it('a write-off of theirs may be rated; a comment WeChat calls risky is refused (422) and nothing is stored', async () => {
    const { member: owner, auth } = await member();
    const writeoff = await WriteoffRecordModel.create({ subjectKind: 'coupon', subjectId: new Types.ObjectId(), title: '生日券', detail: '', memberName: '会员', memberId: owner._id, storeId: new Types.ObjectId(), storeCode: 'SH-001', storeName: '人民广场店', staffMemberId: new Types.ObjectId(), staffName: '店员', at: clock.now });
    const subject = { type: 'writeoff', id: writeoff._id.toHexString() };
    expect((await call('satisfaction.ratingOf', auth, { subject })).body).toEqual({ canRate: true, rating: null });
    const risky = await call('satisfaction.rate', auth, { subject, stars: 1, comment: '来赌博吧' });
    expect([risky.status, risky.body.error.code]).toEqual([422, 'SATISFACTION_COMMENT_REJECTED']);
    expect(await RatingModel.countDocuments({ memberId: owner._id })).toBe(0);
    expect((await call('satisfaction.rate', auth, { subject, stars: 5, comment: '店员很热情，核销很快' })).body.rating).toMatchObject({ stars: 5, commentState: 'published' });
  });
});

describe('satisfaction.nps and the satisfaction dashboard', () => {
  it('one answer a quarter; the dashboard counts NPS, stars, sentiment against its targets and the complaint words', async () => {
    const answers = await Promise.all([10, 9, 7, 3].map(async (score) => ({ ...(await member()), score })));
    for (const { auth, score } of answers) {
      const comment = score >= 9 ? '非常好吃，推荐' : score <= 6 ? '奶油太腻了，服务也差' : '';
      expect((await call('satisfaction.nps', auth, { score, comment })).status).toBe(200);
    }
    const first = answers[0];
    if (!first) throw new Error('no answers');
    expect((await call('satisfaction.npsMine', first.auth, {})).body.answer).toMatchObject({ score: 10 });
    const twice = await call('satisfaction.nps', first.auth, { score: 4 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'SATISFACTION_ALREADY_ANSWERED']);

    // The consumer twice: the second run (a crash's re-delivery of everything) counts nothing again.
    const later = { now: new Date(clock.now.getTime() + EVENT_SETTLE_MS + 1) };
    await consumeEvents(insightsConsumerFor(app.deps), later);
    await consumeEvents(insightsConsumerFor(app.deps), later);
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const day = analyticsDay(clock.now);
    const dashboard = await app.http.post('/api/ops.insights.satisfaction').set('Cookie', analyst).send({ from: day, to: day });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.nps).toEqual({ responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25, target: 45 });
    // The ratings of the first describe block: 2 stars (negative), 5 stars (positive).
    expect(dashboard.body.csat).toEqual({ responses: 2, averageStars: 3.5, satisfiedPermille: 500 });
    expect(dashboard.body.sentiment.counts).toEqual({ positive: 3, neutral: 0, negative: 2, extremely_negative: 0 });
    expect(dashboard.body.sentiment.shares).toEqual({ positive: 600, neutral: 0, negative: 400, extremely_negative: 0 });
    expect(dashboard.body.sentiment.targets.positive).toBe(700);
    expect(dashboard.body.complaintWords.slice(0, 2)).toEqual(expect.arrayContaining([{ word: '奶油', count: 2 }]));
    expect(JSON.stringify(dashboard.body)).not.toContain('服务也差');

    const csv = await app.http.post('/api/ops.insights.satisfactionExport').set('Cookie', analyst).send({ from: day, to: day });
    const lines = (response: { text: string }) => response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines(csv)).toEqual([
      '日期,NPS 回答,推荐者,被动者,贬损者,NPS,评价数,平均星级,1 星,2 星,3 星,4 星,5 星,评语正面,评语中性,评语负面,评语极端负面',
      `${day},4,2,1,1,25,2,3.5,0,1,0,0,1,3,0,2,0`,
    ]);
    expect(dashboard.body.stars).toEqual([0, 1, 0, 0, 1]);
    expect(dashboard.body.days).toEqual([expect.objectContaining({ promoters: 2, passives: 1, detractors: 1, stars: [0, 1, 0, 0, 1] })]);
    const sentimentCsv = await app.http.post('/api/ops.insights.satisfactionExport').set('Cookie', analyst).send({ from: day, to: day, table: 'sentiment' });
    expect(lines(sentimentCsv)).toEqual(['情感,评语数,占比（‰）,目标（‰）', '正面,3,600,700', '中性,0,0,200', '负面,2,400,80', '极端负面,0,0,20']);
    const complaintsCsv = await app.http.post('/api/ops.insights.satisfactionExport').set('Cookie', analyst).send({ from: day, to: day, table: 'complaints' });
    expect(lines(complaintsCsv)).toContain('奶油,2');
  });
});
