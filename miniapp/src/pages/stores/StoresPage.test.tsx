import { act, render, screen, waitFor } from '@testing-library/react';
import { type MemberStore } from '@cakeday/shared';
import { taroStandIn } from '../../../test/taroStandIn';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { StoresPage } from './index';

const peoplesSquare: MemberStore = {
  id: 's1',
  name: '人民广场店',
  address: '上海市黄浦区人民大道 100 号',
  phone: '021-6318-0100',
  openingHours: { opens: '08:00', closes: '22:00' },
  location: { latitude: 31.2304, longitude: 121.4737 },
  distanceMeters: null,
  openNow: true,
  offersPickup: true,
};
const noFacts: MemberStore = { ...peoplesSquare, id: 's2', name: '新开店', address: '', phone: null, openingHours: null, location: null, openNow: null };

function grantPosition(position: { latitude: number; longitude: number } | null): void {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (success: (value: { coords: typeof position }) => void, failure: () => void) =>
        position ? success({ coords: position }) : failure(),
    },
  });
}

describe('StoresPage (门店)', () => {
  let opened: jest.SpyInstance;
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => null, renew: async () => null });
    opened = jest.spyOn(window, 'open').mockImplementation(() => null);
  });
  afterEach(() => opened.mockRestore());

  it('lists the stores with hours, open state and address; taps call the store and open its map', async () => {
    answerRoutes({ 'stores.list': ok({ stores: [peoplesSquare, noFacts] }) });

    render(<StoresPage />);

    expect(await screen.findByText('人民广场店')).toBeTruthy();
    expect(screen.getByText('营业中')).toBeTruthy();
    expect(screen.getByText('营业时间：08:00–22:00')).toBeTruthy();
    expect(screen.getByText('营业时间：请致电门店咨询')).toBeTruthy();
    expect(screen.getByText('地址待补充')).toBeTruthy();
    // A store without a phone or a location offers neither.
    expect(screen.getAllByText('地图导航')).toHaveLength(1);

    await act(async () => {
      screen.getByText('📞 021-6318-0100').click();
    });
    expect(opened).toHaveBeenCalledWith('tel:02163180100', '_self');
    await act(async () => {
      screen.getByText('地图导航').click();
    });
    expect(String(opened.mock.calls[1]?.[0])).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=121\.4737%2C31\.2304&name=/);
  });

  it('orders nearest first only after the member taps 离我最近 and shares where they are', async () => {
    grantPosition({ latitude: 31.23, longitude: 121.47 });
    answerRoutes({ 'stores.list': [ok({ stores: [peoplesSquare] }), ok({ stores: [{ ...peoplesSquare, distanceMeters: 1234 }] })] });

    render(<StoresPage />);
    expect(await screen.findByText('门店按编号排列')).toBeTruthy();
    expect(callsTo('stores.list').map((request) => request.data)).toEqual([{}]);

    await act(async () => {
      screen.getByText('离我最近').click();
    });

    expect(await screen.findByText('上海市黄浦区人民大道 100 号 · 距你 1.2km')).toBeTruthy();
    expect(callsTo('stores.list').map((request) => request.data)).toEqual([{}, { near: { latitude: 31.23, longitude: 121.47 } }]);
    expect(screen.getByText('已按距离由近到远排列')).toBeTruthy();
  });

  it('says so when the position is declined, and keeps the list', async () => {
    grantPosition(null);
    answerRoutes({ 'stores.list': ok({ stores: [peoplesSquare] }) });

    render(<StoresPage />);
    await screen.findByText('人民广场店');
    await act(async () => {
      screen.getByText('离我最近').click();
    });

    await waitFor(() => expect(screen.getByText('未获得位置，按门店编号排列')).toBeTruthy());
    expect(callsTo('stores.list')).toHaveLength(1);
    expect(screen.getByText('人民广场店')).toBeTruthy();
  });

  it('an empty list says so', async () => {
    answerRoutes({ 'stores.list': ok({ stores: [] }) });
    render(<StoresPage />);
    expect(await screen.findByText('暂无营业中的门店')).toBeTruthy();
  });
});
