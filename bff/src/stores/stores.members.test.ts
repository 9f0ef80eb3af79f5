import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { StoreModel } from '../writeoff/Store.model';

useTestDatabase();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') }; // 12:00 in Shanghai
let http: TestApp['http'];
beforeAll(() => {
  http = buildTestApp({ now: () => clock.now }).http;
});
beforeEach(async () => {
  await StoreModel.deleteMany({});
});

const peoplesSquare = { latitude: 31.2304, longitude: 121.4737 };
const jingan = { latitude: 31.2235, longitude: 121.4453 };
const lujiazui = { latitude: 31.2397, longitude: 121.4998 };

const list = (body: object) => http.post('/api/stores.list').send(body);

describe('stores.list (门店, public)', () => {
  it('400 on a position off the globe or unexpected input', async () => {
    expect((await list({ near: { latitude: 91, longitude: 0 } })).status).toBe(400);
    expect((await list({ storeId: 'x' })).status).toBe(400);
  });

  it('lists the stores still trading with address, phone, hours and whether they are open now; closed stores stay out', async () => {
    await buildStore({ code: 'SH-002', name: '静安店', address: '上海市静安区南京西路 1 号', phone: '021-5555-0002', openingHours: { opens: '08:00', closes: '22:00' }, location: jingan });
    await buildStore({ code: 'SH-001', name: '人民广场店', phone: null, openingHours: { opens: '14:00', closes: '02:00' } });
    await buildStore({ code: 'SH-009', name: '已停业店', status: 'closed', location: peoplesSquare });

    const response = await list({});
    expect(response.status).toBe(200);
    expect(response.body.stores).toEqual([
      expect.objectContaining({ name: '人民广场店', phone: null, openingHours: { opens: '14:00', closes: '02:00' }, location: null, distanceMeters: null, openNow: false }),
      {
        id: expect.any(String),
        name: '静安店',
        address: '上海市静安区南京西路 1 号',
        phone: '021-5555-0002',
        openingHours: { opens: '08:00', closes: '22:00' },
        location: jingan,
        distanceMeters: null,
        openNow: true,
        offersPickup: true,
      },
    ]);
  });

  it('nearest first when the member shares where they are; stores without a location come last', async () => {
    await buildStore({ code: 'A-1', name: '无坐标店' });
    await buildStore({ code: 'A-2', name: '陆家嘴店', location: lujiazui });
    await buildStore({ code: 'A-3', name: '静安店', location: jingan });

    const response = await list({ near: { latitude: 31.2240, longitude: 121.4460 } });

    expect(response.body.stores.map((store: { name: string }) => store.name)).toEqual(['静安店', '陆家嘴店', '无坐标店']);
    const [nearest, farther] = response.body.stores as { distanceMeters: number }[];
    expect(nearest!.distanceMeters).toBeLessThan(200);
    expect(farther!.distanceMeters).toBeGreaterThan(5_000);
  });

  it('a member session works too, and a store that ops move on the map moves in the list', async () => {
    const member = await buildMember();
    const store = await buildStore({ code: 'B-1', name: '新店', location: null });
    const admin = await opsCookieFor(http, await buildOperator({ roles: ['admin'] }));
    const moved = await http
      .post('/api/ops.stores.update')
      .set('Cookie', admin)
      .send({ id: store._id.toHexString(), version: 0, location: peoplesSquare, reason: '补充门店位置' });
    expect(moved.status).toBe(200);
    expect(moved.body.location).toEqual(peoplesSquare);

    const response = await http.post('/api/stores.list').set('Authorization', await sessionFor(member, { now: clock.now })).send({ near: peoplesSquare });
    expect(response.body.stores).toEqual([expect.objectContaining({ name: '新店', distanceMeters: 0 })]);
  });
});
