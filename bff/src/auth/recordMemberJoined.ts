import { eventKey, recordEvent } from '../events/recordEvent';
import type { Member } from '../members/Member.model';

/**
 * The member's joining, once (`member.joined:<memberId>`, at when the member was created). Every login records it:
 * a first login that crashed between creating the member and this write is finished by the next one, and for the
 * others it is a duplicate key that writes nothing.
 */
export async function recordMemberJoined(member: Pick<Member, '_id' | 'createdAt'>, now: Date): Promise<void> {
  const memberId = member._id.toHexString();
  await recordEvent({ type: 'member.joined', key: eventKey('member.joined', memberId), at: member.createdAt, memberId, subject: { type: 'member', id: memberId } }, now);
}
