import type { ModerationItem } from '@cakeday/shared';
import { Types } from 'mongoose';
import { toBusinessIso } from '@cakeday/shared';
import { notFound } from '../../errors/AppError';
import { MemberModel } from '../../members/Member.model';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityMemberModel } from '../CommunityMember.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { CommunityReportModel } from '../CommunityReport.model';
import { presentModerationItems, type ModeratedDoc } from './presentModerationItem';

/** An author's record for moderators: their posts and comments newest first (paged), what was removed, reports. */
export async function authorHistory(input: { memberId: string; page: number; pageSize: number }) {
  const memberId = new Types.ObjectId(input.memberId);
  const member = await MemberModel.findById(memberId, { nickname: 1 }).lean();
  if (!member) throw notFound();
  const window = input.page * input.pageSize;
  const [posts, comments, postCount, commentCount, removedPosts, removedComments, upheld, dismissed, standing] = await Promise.all([
    CommunityPostModel.find({ authorId: memberId }).sort({ createdAt: -1 }).limit(window).lean(),
    CommunityCommentModel.find({ authorId: memberId }).sort({ createdAt: -1 }).limit(window).lean(),
    CommunityPostModel.countDocuments({ authorId: memberId }),
    CommunityCommentModel.countDocuments({ authorId: memberId }),
    CommunityPostModel.countDocuments({ authorId: memberId, state: 'removed' }),
    CommunityCommentModel.countDocuments({ authorId: memberId, state: 'removed' }),
    CommunityReportModel.countDocuments({ targetAuthorId: memberId, state: 'upheld' }),
    CommunityReportModel.countDocuments({ targetAuthorId: memberId, state: 'dismissed' }),
    CommunityMemberModel.findById(memberId, { mutedUntil: 1 }).lean(),
  ]);
  const merged: ModeratedDoc[] = [...posts.map((doc) => ({ kind: 'post' as const, doc })), ...comments.map((doc) => ({ kind: 'comment' as const, doc }))]
    .sort((a, b) => b.doc.createdAt.getTime() - a.doc.createdAt.getTime())
    .slice((input.page - 1) * input.pageSize, window);
  const items: ModerationItem[] = await presentModerationItems(merged);
  return {
    author: {
      memberId: input.memberId,
      nickname: member.nickname,
      mutedUntil: standing?.mutedUntil ? toBusinessIso(standing.mutedUntil) : null,
      posts: postCount,
      comments: commentCount,
      removed: removedPosts + removedComments,
      reportsUpheld: upheld,
      reportsDismissed: dismissed,
    },
    items,
    total: postCount + commentCount,
    page: input.page,
    pageSize: input.pageSize,
  };
}
