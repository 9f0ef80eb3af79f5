import type { MessagePushEvent, MessagePushEventType } from '@cakeday/shared';
import type { AppDeps } from '../../http/deps';
import type { Logger } from '../../logger';

export type PushEventOf<T extends MessagePushEventType> = Extract<MessagePushEvent, { type: T }>;

export interface PushHandlerContext {
  deps: AppDeps;
  /** When this attempt started (deps.now()). */
  now: Date;
  log: Logger;
}

/**
 * Handles one pushed fact. Must be idempotent: it runs at least once, again after a crash or a failure of this or
 * another handler of the entry, and a throw makes the entry `failed`, retried with backoff by the repair job.
 */
export type PushHandler<T extends MessagePushEventType> = (event: PushEventOf<T>, context: PushHandlerContext) => Promise<void>;

export interface RegisteredPushHandler {
  /** Unique per event type: an entry records which handlers are done by name. */
  name: string;
  handle: (event: MessagePushEvent, context: PushHandlerContext) => Promise<void>;
}

/** The handlers of each pushed event type, in registration order. */
export class PushHandlers {
  private readonly table = new Map<MessagePushEventType, RegisteredPushHandler[]>();

  register<T extends MessagePushEventType>(type: T, name: string, handler: PushHandler<T>): this {
    const list = this.table.get(type) ?? [];
    if (list.some((registered) => registered.name === name)) throw new Error(`a push handler named ${name} is already registered for ${type}`);
    // The dispatcher only hands a handler events of its own type (the entry's `type`).
    list.push({ name, handle: (event, context) => handler(event as PushEventOf<T>, context) });
    this.table.set(type, list);
    return this;
  }

  for(type: MessagePushEventType): readonly RegisteredPushHandler[] {
    return this.table.get(type) ?? [];
  }
}
