import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { InboxMessageModel } from './InboxMessage.model';

export interface InboxDraft {
  memberId: Types.ObjectId;
  key: string;
  title: string;
  lines: { label: string; value: string }[];
  page: string;
}

/** Puts a message in the member's 消息中心 once per key (a retry or a second worker adds nothing). */
export async function deliverToInbox(draft: InboxDraft, now: Date): Promise<void> {
  try {
    await InboxMessageModel.create({ ...draft, createdAt: now, readAt: null });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
