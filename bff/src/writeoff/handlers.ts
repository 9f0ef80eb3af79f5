import { toBusinessIso } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { assertCouponUsableAtStore } from './assertCouponUsableAtStore';
import { describeSubject } from './describeSubject';
import { presentWriteoff } from './presentWriteoff';
import { redeemWriteoff } from './redeemWriteoff';
import { findStaff, requireStaff } from './staffOf';
import { WriteoffRecordModel } from './WriteoffRecord.model';

type WriteoffRoutes = 'writeoff.staffProfile' | 'writeoff.preview' | 'writeoff.redeem' | 'writeoff.history';

export const writeoffHandlers: Pick<RouteHandlers, WriteoffRoutes> = {
  'writeoff.staffProfile': async (_input, { principal }) => {
    const staff = await findStaff(requireMember(principal));
    return { isStaff: staff !== null, store: staff ? { id: staff.store._id.toHexString(), code: staff.store.code, name: staff.store.name } : null };
  },
  'writeoff.preview': async (input, { deps, principal }) => {
    const staff = await requireStaff(principal);
    const now = deps.now();
    const scanned = await describeSubject(input.token, now, deps.config.SESSION_SECRET);
    if (scanned.kind === 'coupon') await assertCouponUsableAtStore(scanned.coupon, staff.store, { now, settings: (await deps.settings.at(now)).settings });
    return { subject: scanned.view, expiresAt: toBusinessIso(scanned.expiresAt) };
  },
  'writeoff.redeem': async (input, { deps, principal }) => {
    const staff = await requireStaff(principal);
    const now = deps.now();
    const settings = (await deps.settings.at(now)).settings;
    return { record: presentWriteoff(await redeemWriteoff(input.token, staff, { now, secret: deps.config.SESSION_SECRET, settings })) };
  },
  'writeoff.history': async (input, { principal }) => {
    const staff = await requireStaff(principal);
    const filter: Record<string, unknown> = { storeId: staff.store._id };
    if (input.cursor && isValidObjectId(input.cursor)) filter._id = { $lt: new Types.ObjectId(input.cursor) };
    const rows = await WriteoffRecordModel.find(filter).sort({ _id: -1 }).limit(input.limit + 1).lean();
    const page = rows.slice(0, input.limit);
    return { items: page.map(presentWriteoff), nextCursor: rows.length > input.limit ? (page[page.length - 1]?._id.toHexString() ?? null) : null };
  },
};
