import { limitPeriodKey, type MallItemResponse, type MallListRequest, type MallListResponse, type MallSection, type TierLevel } from '@cakeday/shared';
import { isValidObjectId, Types, type QueryFilter } from 'mongoose';
import { CouponTemplateModel } from '../coupons/CouponTemplate.model';
import { notFound } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { MallItemModel, type MallItem } from './MallItem.model';
import { presentMallItemDetail, presentMallItemSummary } from './presentMallItem';
import { RedemptionLimitModel } from './RedemptionLimit.model';

type Viewer = { balance: number; tierLevel: TierLevel } | null;

async function viewerOf(memberId: string | undefined): Promise<Viewer> {
  if (!memberId) return null;
  const [member, account] = await Promise.all([
    MemberModel.findOne({ _id: memberId, status: 'active' }, { tier: 1 }).lean(),
    PointsAccountModel.findById(memberId, { balance: 1 }).lean(),
  ]);
  return member ? { balance: account?.balance ?? 0, tierLevel: member.tier.level } : null;
}

function visibleNow(now: Date): QueryFilter<MallItem> {
  return {
    status: 'active',
    $and: [{ $or: [{ visibleFrom: null }, { visibleFrom: { $lte: now } }] }, { $or: [{ visibleTo: null }, { visibleTo: { $gt: now } }] }],
  };
}

/** The same split as mallSectionOf: cash-only items are gifts, everything else is redeemed with points. */
function inSection(section: MallSection | undefined): QueryFilter<MallItem> {
  if (section === 'gifts') return { pointsPrice: 0, cashFen: { $gt: 0 } };
  if (section === 'points') return { $or: [{ pointsPrice: { $gt: 0 } }, { cashFen: 0 }] };
  return {};
}

/** The catalog, ordered by sortOrder then id; the cursor is the offset (the catalog is small and curated). */
export async function listMall(input: MallListRequest, memberId: string | undefined, now: Date): Promise<MallListResponse> {
  const filter = { ...visibleNow(now), ...(input.kind ? { kind: input.kind } : {}), ...inSection(input.section) };
  const offset = input.cursor && /^\d+$/.test(input.cursor) ? Number(input.cursor) : 0;
  const [rows, viewer] = await Promise.all([
    MallItemModel.find(filter).sort({ sortOrder: 1, _id: 1 }).skip(offset).limit(input.limit + 1).lean(),
    viewerOf(memberId),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((item) => presentMallItemSummary(item, viewer?.tierLevel ?? null)),
    nextCursor: rows.length > input.limit ? String(offset + input.limit) : null,
    viewer,
  };
}

export async function describeMallItem(itemId: string, memberId: string | undefined, now: Date): Promise<MallItemResponse> {
  if (!isValidObjectId(itemId)) throw notFound();
  const item = await MallItemModel.findOne({ _id: new Types.ObjectId(itemId), ...visibleNow(now) }).lean();
  if (!item) throw notFound();
  const [viewer, template] = await Promise.all([
    viewerOf(memberId),
    item.couponTemplateCode ? CouponTemplateModel.findOne({ code: item.couponTemplateCode }).lean() : null,
  ]);
  let remainingForMe: number | null = null;
  if (viewer && memberId) {
    const counter = await RedemptionLimitModel.findById(`${memberId}:${itemId}:${limitPeriodKey(item.limitPeriod, now)}`).lean();
    remainingForMe = Math.max(0, Math.min(item.stock, item.limitPerMember - (counter?.count ?? 0)));
  }
  return { item: presentMallItemDetail(item, viewer?.tierLevel ?? null, template), viewer, remainingForMe };
}
