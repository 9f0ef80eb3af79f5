import { routes, type RouteName } from '@cakeday/shared';
import { PUBLIC_ROUTES } from './publicRoutes';

describe('PUBLIC_ROUTES', () => {
  it('names exactly the routes the route table serves without a session (the ops console\'s login is not the mini-program\'s)', () => {
    const publicInTable = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].auth === 'public' && !name.startsWith('ops.'));

    expect([...PUBLIC_ROUTES].sort()).toEqual(publicInTable.sort());
  });
});
