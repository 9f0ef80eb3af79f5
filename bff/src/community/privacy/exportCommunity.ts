import { communityPhotoPath, toBusinessIso, type MembersExportResponse } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { CommunityBlockModel } from '../CommunityBlock.model';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityLikeModel } from '../CommunityLike.model';
import { CommunityMemberModel } from '../CommunityMember.model';
import { CommunityPhotoModel } from '../CommunityPhoto.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { CommunityReportModel } from '../CommunityReport.model';

/** members.export's community section: the member's posts (with their photos), comments, likes, reports, blocks. */
export async function exportCommunity(memberId: Types.ObjectId): Promise<MembersExportResponse['community']> {
  const [posts, photos, comments, likes, reports, blocks, standing] = await Promise.all([
    CommunityPostModel.find({ authorId: memberId }).sort({ createdAt: -1 }).lean(),
    CommunityPhotoModel.find({ ownerId: memberId }, { postId: 1, urlToken: 1 }).lean(),
    CommunityCommentModel.find({ authorId: memberId }).sort({ createdAt: -1 }).lean(),
    CommunityLikeModel.find({ memberId, active: true }).sort({ createdAt: -1 }).lean(),
    CommunityReportModel.find({ reporterId: memberId }).sort({ createdAt: -1 }).lean(),
    CommunityBlockModel.find({ blockerId: memberId }).sort({ createdAt: -1 }).lean(),
    CommunityMemberModel.findById(memberId, { mutedUntil: 1 }).lean(),
  ]);
  const postIds = new Set(posts.map((post) => post._id.toHexString()));
  // A post's photos are its author's own uploads.
  const tokenOf = new Map(photos.map((photo) => [photo._id.toHexString(), photo.urlToken]));
  const paths = (ids: Types.ObjectId[]): string[] => ids.flatMap((id) => {
    const token = tokenOf.get(id.toHexString());
    return token ? [communityPhotoPath(token, 'display')] : [];
  });
  return {
    posts: posts.map((post) => ({
      id: post._id.toHexString(),
      text: post.text,
      topicCode: post.topicCode,
      state: post.state,
      photos: paths(post.photoIds),
      likeCount: post.likeCount,
      commentCount: post.commentCount,
      createdAt: toBusinessIso(post.createdAt),
    })),
    unpostedPhotos: photos.filter((photo) => !photo.postId || !postIds.has(photo.postId.toHexString())).map((photo) => communityPhotoPath(photo.urlToken, 'display')),
    comments: comments.map((comment) => ({ id: comment._id.toHexString(), postId: comment.postId.toHexString(), text: comment.text, state: comment.state, createdAt: toBusinessIso(comment.createdAt) })),
    likes: likes.map((like) => ({ postId: like.postId.toHexString(), at: toBusinessIso(like.updatedAt) })),
    reports: reports.map((report) => ({ targetKind: report.targetKind, reason: report.reason, note: report.note, state: report.state, createdAt: toBusinessIso(report.createdAt) })),
    blocks: blocks.map((block) => ({ blockedAt: toBusinessIso(block.createdAt) })),
    mutedUntil: standing?.mutedUntil ? toBusinessIso(standing.mutedUntil) : null,
  };
}
