import { useTestDatabase } from '../test/database';
import { buildComment, buildPost } from '../test/communityFactories';
import { CommunityCommentModel } from './CommunityComment.model';
import { CommunityPostModel } from './CommunityPost.model';
import { transitionComment, transitionPost } from './transitionContent';
import { repairCommunityCounters } from './repairCounters';

useTestDatabase();

describe('the content state machine', () => {
  it('of many moves from the same state at once exactly one happens, and only it is in the history', async () => {
    const post = await buildPost({ state: 'in_review' });
    const now = new Date();
    const targets = ['published', 'removed', 'rejected', 'published', 'removed', 'deleted', 'published', 'removed'] as const;
    const moved = await Promise.all(targets.map((to) => transitionPost(post._id, { from: ['in_review'], to, now, by: to })));
    const winners = moved.filter((result) => result !== null);
    expect(winners).toHaveLength(1);
    const stored = await CommunityPostModel.findById(post._id).lean();
    expect(stored?.history).toEqual([expect.objectContaining({ from: 'in_review', to: winners[0]!.state })]);
  });

  it('a comment moved in and out of published at once by many is counted on its post exactly as it ends', async () => {
    const post = await buildPost();
    const comment = await buildComment(post);
    const now = new Date();
    await Promise.all([
      transitionComment(comment._id, { from: ['published'], to: 'removed', now }),
      transitionComment(comment._id, { from: ['published'], to: 'in_review', now }),
      transitionComment(comment._id, { from: ['published'], to: 'deleted', now }),
    ]);
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(0);
    await Promise.all([
      transitionComment(comment._id, { from: ['removed', 'in_review', 'deleted'], to: 'published', now }),
      transitionComment(comment._id, { from: ['removed', 'in_review', 'deleted'], to: 'published', now }),
    ]);
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(1);
  });

  it('a crash between a comment’s move and its count is finished by the repair job, once', async () => {
    const post = await buildPost();
    const comment = await buildComment(post);
    const now = new Date();
    // The move as transitionComment writes it, without the count that follows (the process died).
    await CommunityCommentModel.updateOne({ _id: comment._id }, { $set: { state: 'removed', countPending: true, updatedAt: now }, $inc: { countSeq: 1 } });
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(1);
    await repairCommunityCounters(new Date(now.getTime() + 2 * 60_000));
    await repairCommunityCounters(new Date(now.getTime() + 3 * 60_000));
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(0);
  });
});
