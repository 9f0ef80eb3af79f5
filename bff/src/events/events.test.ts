import { Types } from 'mongoose';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { consumeEvents, EVENT_SETTLE_MS, type EventConsumer } from './consumeEvents';
import { EventCheckpointModel } from './EventCheckpoint.model';
import { EventModel } from './Event.model';
import { EventHeadModel } from './EventHead.model';
import { readEventHead } from './eventHead';
import { eventKey, recordEvent } from './recordEvent';

useTestDatabase();

const clock = { now: new Date('2026-06-01T02:00:00.000Z') };
const { http } = buildTestApp({ now: () => clock.now });
const later = (ms: number): Date => new Date(clock.now.getTime() + ms);

describe('the event outbox', () => {
  it('records a fact once, whatever the retries', async () => {
    const orderId = new Types.ObjectId().toHexString();
    const draft = { type: 'order.fulfilled' as const, key: eventKey('order.fulfilled', orderId), at: clock.now, subject: { type: 'order', id: orderId }, props: { cashFen: 990 } };
    const writes = await Promise.all(Array.from({ length: 10 }, () => recordEvent(draft)));
    expect(writes.filter(Boolean)).toHaveLength(1);
    expect(await EventModel.countDocuments({ key: draft.key })).toBe(1);
  });

  it('a consumer reads each event once in order, resumes from its checkpoint, and leaves events younger than the settle time', async () => {
    const seen: string[] = [];
    let failOn: string | null = null;
    const consumer: EventConsumer = {
      name: `test-${new Types.ObjectId().toHexString()}`,
      types: ['benefit.claimed'],
      handle: async (event) => {
        if (event.key === failOn) throw new Error('handler down');
        seen.push(event.key);
      },
    };
    const base = new Date('2026-06-01T01:00:00.000Z');
    for (let n = 1; n <= 5; n += 1) await recordEvent({ type: 'benefit.claimed', key: `benefit.claimed:c${n}`, at: base }, new Date(base.getTime() + n * 1000));
    await recordEvent({ type: 'help.started', key: 'help.started:h1', at: base }, new Date(base.getTime() + 6000));

    failOn = 'benefit.claimed:c3';
    await expect(consumeEvents(consumer, { now: clock.now })).rejects.toThrow('handler down');
    expect(seen).toEqual(['benefit.claimed:c1', 'benefit.claimed:c2']);
    failOn = null;
    expect(await consumeEvents(consumer, { now: clock.now })).toEqual({ handled: 3 });
    expect(seen).toEqual(['benefit.claimed:c1', 'benefit.claimed:c2', 'benefit.claimed:c3', 'benefit.claimed:c4', 'benefit.claimed:c5']);

    // Written just now: left for a later run, so an event recorded a moment earlier elsewhere is not skipped.
    await recordEvent({ type: 'benefit.claimed', key: 'benefit.claimed:c6', at: clock.now }, clock.now);
    expect(await consumeEvents(consumer, { now: clock.now })).toEqual({ handled: 0 });
    expect(await consumeEvents(consumer, { now: later(EVENT_SETTLE_MS + 1) })).toEqual({ handled: 1 });
    expect(await consumeEvents(consumer, { now: later(EVENT_SETTLE_MS + 2) })).toEqual({ handled: 0 });
  });

  it('resumes within events recorded at the same instant: none handled twice, none skipped', async () => {
    const seen: string[] = [];
    const consumer: EventConsumer = {
      name: `test-${new Types.ObjectId().toHexString()}`,
      types: ['points.earned'],
      handle: async (event) => {
        seen.push(event.key);
      },
    };
    // Between the other tests' events (00:00:01-07 and 01:00:01-06), so that each run reads only these.
    const before = new Date('2026-06-01T00:30:00.000Z');
    const instant = new Date('2026-06-01T00:30:01.000Z');
    await recordEvent({ type: 'points.earned', key: 'points.earned:tie-0', at: before }, before);
    for (let n = 1; n <= 5; n += 1) await recordEvent({ type: 'points.earned', key: `points.earned:tie-${n}`, at: instant }, instant);
    await recordEvent({ type: 'points.earned', key: 'points.earned:tie-6', at: instant }, new Date(instant.getTime() + 1000));
    const runs: number[] = [];
    // Runs of 2 events in batches of 2: every checkpoint but the first and the last falls inside the instant's five.
    for (let run = 0; run < 5; run += 1) runs.push((await consumeEvents(consumer, { now: clock.now, maxEvents: 2 }, 2)).handled);
    expect(runs).toEqual([2, 2, 2, 1, 0]);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, n) => `points.earned:tie-${n}`));
  });

  it('works a backlog off over several runs when a run may read only so many events', async () => {
    const consumer: EventConsumer = { name: `test-${new Types.ObjectId().toHexString()}`, types: ['coupon.used'], handle: async () => undefined };
    const base = new Date('2026-06-01T00:00:00.000Z');
    for (let n = 1; n <= 7; n += 1) await recordEvent({ type: 'coupon.used', key: `coupon.used:backlog-${n}`, at: base }, new Date(base.getTime() + n * 1000));
    const runs: number[] = [];
    for (let run = 0; run < 5; run += 1) runs.push((await consumeEvents(consumer, { now: clock.now, maxEvents: 3 }, 2)).handled);
    expect(runs).toEqual([3, 3, 1, 0, 0]);
  });
  it('a caught-up consumer reads the outbox again only once a write is announced or its checkpoint is moved', async () => {
    const consumer: EventConsumer = { name: `test-${new Types.ObjectId().toHexString()}`, types: ['coupon.used'], handle: async () => undefined };
    const minute = (n: number) => later(n * 60_000);
    const alreadyThere = await EventModel.countDocuments({ type: 'coupon.used' });
    expect(await consumeEvents(consumer, { now: minute(1) })).toEqual({ handled: alreadyThere });
    const caughtUp = await EventCheckpointModel.findById(consumer.name).lean();

    // Inserted behind the head's back: a caught-up consumer does not see it, which shows it did not query the outbox.
    await EventModel.create({ key: 'coupon.used:unannounced', type: 'coupon.used', at: minute(1), recordedAt: minute(1), source: 'server', memberId: null, subject: null, props: {} });
    expect(await consumeEvents(consumer, { now: minute(3) })).toEqual({ handled: 0 });
    // Any announced write makes the next run read everything after the checkpoint.
    await recordEvent({ type: 'coupon.used', key: 'coupon.used:announced', at: minute(2) }, minute(2));
    expect(await consumeEvents(consumer, { now: minute(4) })).toEqual({ handled: 2 });
    expect(await consumeEvents(consumer, { now: minute(5) })).toEqual({ handled: 0 });

    // Moved back by hand (a replay): read again from there, though nothing was written.
    await EventCheckpointModel.updateOne({ _id: consumer.name }, { $set: { recordedAt: caughtUp?.recordedAt, eventId: caughtUp?.eventId } });
    expect(await consumeEvents(consumer, { now: minute(6) })).toEqual({ handled: 2 });
  });

  it('a consumer that never saw an event is caught up too, and reads the first one announced', async () => {
    const consumer: EventConsumer = { name: `test-${new Types.ObjectId().toHexString()}`, types: ['referral.bound'], handle: async () => undefined };
    expect(await consumeEvents(consumer, { now: later(60_000) })).toEqual({ handled: 0 });
    await recordEvent({ type: 'referral.bound', key: 'referral.bound:first', at: later(60_000) }, later(60_000));
    expect(await consumeEvents(consumer, { now: later(90_000) })).toEqual({ handled: 1 });
  });
});

describe('the outbox head', () => {
  afterEach(() => jest.restoreAllMocks());

  it('counts a write whose first count lost a race to create its stripe (MongoDB answers such an upsert E11000)', async () => {
    const before = await readEventHead();
    const raced = Object.assign(new Error('E11000 duplicate key error collection: event_heads'), { code: 11000, writeErrors: [{ code: 11000 }] });
    jest.spyOn(EventHeadModel, 'bulkWrite').mockRejectedValueOnce(raced);
    expect(await recordEvent({ type: 'coupon.used', key: 'coupon.used:raced', at: clock.now }, clock.now)).toBe(true);
    expect((await readEventHead()).writes).toBe(before.writes + 1);
  });

  it('stops the write when the count fails otherwise: no event the consumers could miss', async () => {
    jest.spyOn(EventHeadModel, 'bulkWrite').mockRejectedValueOnce(new Error('database down'));
    await expect(recordEvent({ type: 'coupon.used', key: 'coupon.used:uncounted', at: clock.now }, clock.now)).rejects.toThrow('database down');
    expect(await EventModel.countDocuments({ key: 'coupon.used:uncounted' })).toBe(0);
  });
});

describe('events.track', () => {
  const event = (clientEventId: string, at = clock.now.toISOString()) => ({ type: 'landing.viewed', clientEventId, at, page: 'pages/help/card/index', props: { campaign: 'c1', from: 'share' } });

  it('records a batch from a member or a visitor, each event once even when the batch is sent again', async () => {
    const member = await buildMember();
    const auth = await sessionFor(member, { now: clock.now });
    const batch = { events: [event('evt-aaaaaaaa'), event('evt-bbbbbbbb')] };
    expect((await http.post('/api/events.track').set('Authorization', auth).send(batch)).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await http.post('/api/events.track').set('Authorization', auth).send(batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    expect(await EventModel.countDocuments({ memberId: member._id, source: 'client' })).toBe(2);
    expect((await http.post('/api/events.track').send({ events: [event('evt-cccccccc')] })).body).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('places an event from a client with a wrong clock within the last day, never in the future', async () => {
    await http.post('/api/events.track').send({ events: [event('evt-future-1', '2030-01-01T00:00:00+08:00'), event('evt-past-001', '2020-01-01T00:00:00+08:00')] });
    const stored = await EventModel.find({ key: /evt-(future-1|past-001)$/ }).lean();
    for (const doc of stored) {
      expect(doc.at.getTime()).toBeLessThanOrEqual(clock.now.getTime());
      expect(doc.at.getTime()).toBeGreaterThanOrEqual(clock.now.getTime() - 24 * 3_600_000);
    }
  });

  it('refuses unknown types, personal-looking free text beyond the limits and oversize batches', async () => {
    expect((await http.post('/api/events.track').send({ events: [{ ...event('evt-dddddddd'), type: 'member.joined' }] })).status).toBe(400);
    expect((await http.post('/api/events.track').send({ events: [{ ...event('evt-eeeeeeee'), props: { note: 'x'.repeat(201) } }] })).status).toBe(400);
    expect((await http.post('/api/events.track').send({ events: Array.from({ length: 51 }, (_, n) => event(`evt-batch-${String(n).padStart(3, '0')}`)) })).status).toBe(400);
  });
});
