import type { ClientEvent } from '@cakeday/shared';
import { Types } from 'mongoose';
import { insertEvent } from './recordEvent';

/** A client's clock may be wrong: an event is placed no earlier than a day before now and never after now. */
const CLIENT_CLOCK_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Records a batch of the mini-program's events, each once (key: the caller and the client's event id; a batch sent
 * again after a lost answer records nothing twice). Anonymous visitors' events carry no member.
 */
export async function trackClientEvents(
  events: readonly ClientEvent[],
  context: { memberId: string | null; now: Date },
): Promise<{ accepted: number; duplicates: number }> {
  let accepted = 0;
  let duplicates = 0;
  for (const event of events) {
    const claimed = new Date(event.at).getTime();
    const at = new Date(Math.min(context.now.getTime(), Math.max(claimed, context.now.getTime() - CLIENT_CLOCK_WINDOW_MS)));
    const written = await insertEvent({
      key: `client:${context.memberId ?? 'visitor'}:${event.clientEventId}`,
      type: event.type,
      at,
      recordedAt: context.now,
      source: 'client',
      memberId: context.memberId ? new Types.ObjectId(context.memberId) : null,
      subject: { type: 'page', id: event.page },
      props: event.props,
    });
    if (written) accepted += 1;
    else duplicates += 1;
  }
  return { accepted, duplicates };
}
