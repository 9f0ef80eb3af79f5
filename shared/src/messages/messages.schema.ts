import { z } from 'zod';

const objectId = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');

/** One message of 消息中心: a campaign's message as the subscription card would show it. */
export const inboxMessageSchema = z.object({
  id: z.string(),
  title: z.string(),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The mini-program page to open (with the delivery in its query). */
  page: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
});

export const messagesListRequest = z
  .object({ page: z.number().int().min(1).max(1000).default(1), pageSize: z.number().int().min(1).max(50).default(20) })
  .strict();
export const messagesListResponse = z.object({
  items: z.array(inboxMessageSchema),
  total: z.number().int().min(0),
  unreadCount: z.number().int().min(0),
});

/** Marks the given messages (or all) read; answers what is still unread. */
export const messagesReadRequest = z
  .object({ ids: z.array(objectId).min(1).max(100).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), { message: '请指定消息或全部', path: ['ids'] });
export const messagesReadResponse = z.object({ unreadCount: z.number().int().min(0) });

/**
 * The landing page of a message reports the delivery id from its query: the delivery counts as opened once, and
 * only for the member it was sent to (anything else is answered the same way and changes nothing).
 */
export const messagesOpenedRequest = z
  .object({
    delivery: objectId,
    /** The mini-program's launch scene when it was opened (1014: from the subscription message's card). */
    scene: z.number().int().min(0).max(99_999).optional(),
  })
  .strict();
export const messagesOpenedResponse = z.object({ ok: z.literal(true) });

export type InboxMessageView = z.infer<typeof inboxMessageSchema>;
export type MessagesListResponse = z.infer<typeof messagesListResponse>;
