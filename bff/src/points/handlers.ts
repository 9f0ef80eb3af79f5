import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { PointsAccountModel } from './PointsAccount.model';
import { pointsHistory } from './pointsHistory';
import { presentPointsEntry } from './presentPointsEntry';

export const pointsHandlers: Pick<RouteHandlers, 'points.history'> = {
  'points.history': async (input, { principal }) => {
    const { memberId } = requireMember(principal);
    const [page, account] = await Promise.all([
      pointsHistory(memberId, { cursor: input.cursor, limit: input.limit }),
      PointsAccountModel.findById(memberId, { balance: 1 }).lean(),
    ]);
    return { balance: account?.balance ?? 0, items: page.entries.map(presentPointsEntry), nextCursor: page.nextCursor };
  },
};
