import { isValidObjectId } from 'mongoose';
import { notFound } from '../errors/AppError';
import { MallOrderModel, type MallOrder } from './MallOrder.model';

/** The order if the member bought or received it; 404 otherwise (never 403: do not confirm that it exists). */
export async function loadOrderFor(orderId: string, memberId: string, role: 'buyer' | 'either' = 'either'): Promise<MallOrder> {
  if (!isValidObjectId(orderId)) throw notFound();
  const who = role === 'buyer' ? [{ buyerMemberId: memberId }] : [{ buyerMemberId: memberId }, { recipientMemberId: memberId }];
  const order = await MallOrderModel.findOne({ _id: orderId, $or: who }).lean();
  if (!order) throw notFound();
  return order;
}
