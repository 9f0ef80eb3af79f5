import type { Types } from 'mongoose';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildPost } from '../test/communityFactories';
import { CommunityLikeModel } from './CommunityLike.model';
import { CommunityPostModel } from './CommunityPost.model';
import { setLike } from './likePost';
import { repairCommunityCounters } from './repairCounters';

useTestDatabase();
let app: TestApp;
beforeAll(() => {
  app = buildTestApp();
});

const call = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
const countOf = async (postId: Types.ObjectId): Promise<number> => (await CommunityPostModel.findById(postId).lean())?.likeCount ?? -1;
const liveLikes = (postId: Types.ObjectId): Promise<number> => CommunityLikeModel.countDocuments({ postId, active: true });

describe('likes under contention', () => {
  it('100 members liking at once: 100 likes, counted 100', async () => {
    const post = await buildPost();
    const members = await Promise.all(Array.from({ length: 100 }, () => buildMember()));
    const auths = await Promise.all(members.map((member) => sessionFor(member)));
    const answers = await Promise.all(auths.map((auth) => call('community.like', auth, { postId: post._id.toHexString() })));
    expect(answers.every((answer) => answer.status === 200 && answer.body.liked === true)).toBe(true);
    expect([await countOf(post._id), await liveLikes(post._id)]).toEqual([100, 100]);
  });

  it('one member tapping 20 times at once: one like, counted once; the unlikes at once take it back once', async () => {
    const post = await buildPost();
    const auth = await sessionFor(await buildMember());
    const taps = await Promise.all(Array.from({ length: 20 }, () => call('community.like', auth, { postId: post._id.toHexString() })));
    expect(taps.map((tap) => tap.status)).toEqual(Array(20).fill(200));
    expect([await countOf(post._id), await liveLikes(post._id)]).toEqual([1, 1]);

    const untaps = await Promise.all(Array.from({ length: 10 }, () => call('community.unlike', auth, { postId: post._id.toHexString() })));
    expect(untaps.every((answer) => answer.body.liked === false)).toBe(true);
    expect([await countOf(post._id), await liveLikes(post._id)]).toEqual([0, 0]);
  });

  it('likes and unlikes interleaved by many members keep the count equal to the likes that stand', async () => {
    const post = await buildPost();
    const auths = await Promise.all(Array.from({ length: 30 }, async () => sessionFor(await buildMember())));
    await Promise.all(auths.map((auth) => call('community.like', auth, { postId: post._id.toHexString() })));
    // Half take it back while the other half tap like again, all at once.
    await Promise.all(auths.map((auth, index) => call(index % 2 === 0 ? 'community.unlike' : 'community.like', auth, { postId: post._id.toHexString() })));
    expect([await countOf(post._id), await liveLikes(post._id)]).toEqual([15, 15]);
    const answer = await call('community.like', auths[0]!, { postId: post._id.toHexString() });
    expect(answer.body).toEqual({ liked: true, likeCount: 16 });
  });

  it('a visitor cannot like (401); a post that is not published cannot be liked (404)', async () => {
    const post = await buildPost();
    expect((await call('community.like', null, { postId: post._id.toHexString() })).status).toBe(401);
    const pending = await buildPost({ state: 'pending' });
    const auth = await sessionFor(await buildMember());
    expect((await call('community.like', auth, { postId: pending._id.toHexString() })).status).toBe(404);
    expect((await call('community.like', auth, { postId: 'nope' })).status).toBe(400);
  });
});

describe('crash points: the repair job counts what a crash left uncounted, never twice', () => {
  const crash = (): never => {
    throw new Error('crash');
  };

  it('a crash after the like was written but before the post was counted: counted by the repair', async () => {
    const post = await buildPost();
    const member = await buildMember();
    const now = new Date();
    await expect(setLike({ memberId: member._id.toHexString(), postId: post._id.toHexString(), want: true }, now, { afterFlip: crash })).rejects.toThrow('crash');
    expect(await countOf(post._id)).toBe(0);
    // Within the grace period the repair leaves it alone (the request may still be running).
    expect(await repairCommunityCounters(now)).toEqual({ likes: 0, comments: 0 });
    expect(await repairCommunityCounters(new Date(now.getTime() + 2 * 60_000))).toEqual({ likes: 1, comments: 0 });
    expect(await countOf(post._id)).toBe(1);
    expect(await repairCommunityCounters(new Date(now.getTime() + 3 * 60_000))).toEqual({ likes: 0, comments: 0 });
    expect(await countOf(post._id)).toBe(1);
  });

  it('a crash after the post was counted but before the like was marked counted: the repair does not count it again', async () => {
    const post = await buildPost();
    const member = await buildMember();
    const now = new Date();
    const input = { memberId: member._id.toHexString(), postId: post._id.toHexString() };
    await setLike({ ...input, want: true }, now);
    await expect(setLike({ ...input, want: false }, now, { afterCount: crash })).rejects.toThrow('crash');
    expect(await countOf(post._id)).toBe(0);
    await repairCommunityCounters(new Date(now.getTime() + 2 * 60_000));
    expect(await countOf(post._id)).toBe(0);
    // The next like from the same member settles nothing twice either.
    expect(await setLike({ ...input, want: true }, now)).toEqual({ liked: true, likeCount: 1 });
  });
});
