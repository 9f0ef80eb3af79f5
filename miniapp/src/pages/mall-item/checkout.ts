import { isPickupKind, MAX_REDEEM_QTY, priceText, tierNames, type TierLevel } from '@cakeday/shared';
import { type MallItemView } from '../../hooks/useMall';

export interface CheckoutPreview {
  pointsTotal: number;
  cashTotalFen: number;
  /** “2400 积分 + ¥19.80” */
  totalText: string;
  /** 兑换后剩余积分; null when the member is not logged in or cannot afford it (never a negative balance). */
  balanceAfter: number | null;
  /** Points the member lacks for `qty` units; null when logged out or affordable. */
  pointsShort: number | null;
  /** The tier that unlocks a tier-locked item for this member; null when their tier may redeem it. */
  unlockTier: { level: TierLevel; name: string } | null;
  /** Most units the member may take now. */
  maxQty: number;
  /** Why the button is disabled (the button's text), or null when the member may redeem. */
  blocker: string | null;
}

/**
 * What the checkout bar shows for `qty` units (less the chosen coupon's discount off the cash part, never below 0),
 * and whether the member may go ahead (with the pickup store chosen, when the page asks for one).
 */
export function checkoutPreview(view: MallItemView, qty: number, couponDiscountFen = 0, choice: { pickupStoreId?: string | null } = {}): CheckoutPreview {
  const { item, viewer, remainingForMe } = view;
  const pointsTotal = item.pointsPrice * qty;
  const cashTotalFen = Math.max(0, item.cashFen * qty - couponDiscountFen);
  const left = viewer ? viewer.balance - pointsTotal : null;
  const pointsShort = left !== null && left < 0 ? -left : null;
  const unlockTier = !item.tierAllowed && item.tierRequired ? { level: item.tierRequired, name: tierNames[item.tierRequired] } : null;
  const maxQty = Math.max(1, Math.min(MAX_REDEEM_QTY, item.stock, remainingForMe ?? MAX_REDEEM_QTY));
  let blocker: string | null = null;
  if (item.soldOut || item.stock <= 0) blocker = '已兑完';
  else if (!item.tierAllowed) blocker = unlockTier ? `${unlockTier.name}及以上可兑换` : `${item.tierBadge ?? '等级不足'}，暂不可兑换`;
  else if (remainingForMe === 0) blocker = '已达兑换上限';
  else if (pointsShort !== null) blocker = `还差 ${pointsShort} 积分`;
  else if (choice.pickupStoreId === null && isPickupKind(item.kind)) blocker = '请选择自提门店';
  return { pointsTotal, cashTotalFen, totalText: priceText(pointsTotal, cashTotalFen), balanceAfter: pointsShort === null ? left : null, pointsShort, unlockTier, maxQty, blocker };
}
