import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { blockAuthor, listBlocks, unblock } from './blocks';
import { communityContext } from './communityContext';
import { createComment } from './createComment';
import { createPost } from './createPost';
import { deleteOwnComment, deleteOwnPost } from './deleteOwn';
import { setLike } from './likePost';
import { listFeed } from './listFeed';
import { listTopics } from './listTopics';
import { listComments, readPost } from './readPost';
import { reportContent } from './reportContent';

type CommunityRoute =
  | 'community.feed'
  | 'community.topics'
  | 'community.post'
  | 'community.comments'
  | 'community.create'
  | 'community.delete'
  | 'community.like'
  | 'community.unlike'
  | 'community.comment'
  | 'community.deleteComment'
  | 'community.report'
  | 'community.block'
  | 'community.blocks'
  | 'community.unblock';

export const communityHandlers: Pick<RouteHandlers, CommunityRoute> = {
  'community.feed': async (input, { deps, principal }) => listFeed(principal?.memberId ?? null, input, await communityContext(deps)),
  'community.topics': async () => ({ topics: await listTopics() }),
  'community.post': async (input, { principal }) => ({ post: await readPost(principal?.memberId ?? null, input.postId) }),
  'community.comments': async (input, { principal }) => listComments(principal?.memberId ?? null, input),
  'community.create': async (input, { deps, principal }) => ({ post: await createPost(requireMember(principal), input, await communityContext(deps)) }),
  'community.delete': async (input, { deps, principal }) => {
    await deleteOwnPost(requireMember(principal).memberId, input.postId, deps.now());
    return { ok: true };
  },
  'community.like': async (input, { deps, principal }) => setLike({ memberId: requireMember(principal).memberId, postId: input.postId, want: true }, deps.now()),
  'community.unlike': async (input, { deps, principal }) => setLike({ memberId: requireMember(principal).memberId, postId: input.postId, want: false }, deps.now()),
  'community.comment': async (input, { deps, principal }) => ({ comment: await createComment(requireMember(principal), input, await communityContext(deps)) }),
  'community.deleteComment': async (input, { deps, principal }) => {
    await deleteOwnComment(requireMember(principal).memberId, input.commentId, deps.now());
    return { ok: true };
  },
  'community.report': async (input, { deps, principal }) => {
    await reportContent(requireMember(principal).memberId, input, await communityContext(deps));
    return { reported: true };
  },
  'community.block': async (input, { deps, principal }) => ({ blockId: await blockAuthor(requireMember(principal).memberId, input.target, deps.now()) }),
  'community.blocks': async (_input, { principal }) => ({ items: await listBlocks(requireMember(principal).memberId) }),
  'community.unblock': async (input, { principal }) => {
    await unblock(requireMember(principal).memberId, input.blockId);
    return { ok: true };
  },
};
