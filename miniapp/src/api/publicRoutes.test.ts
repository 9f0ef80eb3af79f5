import { routes, type RouteName } from '@cakeday/shared';
import { PUBLIC_ROUTES } from './publicRoutes';

describe('PUBLIC_ROUTES', () => {
  it('names exactly the routes the route table serves without a session, but the ops console’s', () => {
    // ops.* routes belong to the ops console and its own client; the mini-program never calls them.
    const publicInTable = (Object.keys(routes) as RouteName[]).filter((name) => routes[name].auth === 'public' && !name.startsWith('ops.'));

    expect([...PUBLIC_ROUTES].sort()).toEqual(publicInTable.sort());
  });
});
