import { routes, type RouteName } from '@cakeday/shared';
import { PUBLIC_ROUTES } from './publicRoutes';

describe('PUBLIC_ROUTES', () => {
  it('names exactly the routes the route table serves members without a session (ops.* belong to the console)', () => {
    const publicInTable = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].auth === 'public' && !name.startsWith('ops.'));

    expect([...PUBLIC_ROUTES].sort()).toEqual(publicInTable.sort());
  });
});
