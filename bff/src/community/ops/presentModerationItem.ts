import { communityPhotoPath, toBusinessIso, type ModerationItem } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { MemberModel } from '../../members/Member.model';
import type { CommunityComment } from '../CommunityComment.model';
import { CommunityMemberModel } from '../CommunityMember.model';
import { CommunityPhotoModel, type CommunityPhoto } from '../CommunityPhoto.model';
import type { CommunityPost } from '../CommunityPost.model';
import { CommunityReportModel, type CommunityReport } from '../CommunityReport.model';

const iso = (at: Date | null): string | null => (at ? toBusinessIso(at) : null);

export type ModeratedDoc = { kind: 'post'; doc: CommunityPost } | { kind: 'comment'; doc: CommunityComment };

/** Presents a page of posts or comments for moderators, with their photos' verdicts, reports and authors. */
export async function presentModerationItems(items: readonly ModeratedDoc[]): Promise<ModerationItem[]> {
  const ids = items.map((item) => item.doc._id);
  const authorIds = items.map((item) => item.doc.authorId);
  const photoIds = items.flatMap((item) => (item.kind === 'post' ? item.doc.photoIds : []));
  const [photos, reports, members, standings] = await Promise.all([
    photoIds.length > 0 ? CommunityPhotoModel.find({ _id: { $in: photoIds } }).lean() : ([] as CommunityPhoto[]),
    ids.length > 0 ? CommunityReportModel.find({ targetId: { $in: ids } }).sort({ createdAt: -1 }).limit(50 * ids.length).lean() : ([] as CommunityReport[]),
    authorIds.length > 0 ? MemberModel.find({ _id: { $in: authorIds } }, { nickname: 1 }).lean() : [],
    authorIds.length > 0 ? CommunityMemberModel.find({ _id: { $in: authorIds } }, { mutedUntil: 1 }).lean() : [],
  ]);
  const photoById = new Map(photos.map((photo) => [photo._id.toHexString(), photo]));
  const nickname = new Map(members.map((member) => [member._id.toHexString(), member.nickname]));
  const muted = new Map(standings.map((standing) => [standing._id.toHexString(), standing.mutedUntil]));
  const reportsOf = (id: Types.ObjectId): CommunityReport[] => reports.filter((report) => report.targetId.equals(id));
  return items.map(({ kind, doc }) => {
    const author = doc.authorId.toHexString();
    const postPhotos = kind === 'post' ? doc.photoIds.flatMap((id) => photoById.get(id.toHexString()) ?? []) : [];
    return {
      kind,
      id: doc._id.toHexString(),
      postId: kind === 'post' ? doc._id.toHexString() : doc.postId.toHexString(),
      state: doc.state,
      reviewReasons: doc.reviewReasons,
      text: doc.text,
      topicCode: kind === 'post' ? doc.topicCode : null,
      photos: postPhotos.map((photo) => ({
        id: photo._id.toHexString(),
        thumbUrl: communityPhotoPath(photo.urlToken, 'thumb'),
        displayUrl: communityPhotoPath(photo.urlToken, 'display'),
        check: { ...photo.check, requestedAt: iso(photo.check.requestedAt), verdictAt: iso(photo.check.verdictAt) },
      })),
      textVerdict: doc.textVerdict ? { ...doc.textVerdict, words: [...doc.textVerdict.words] } : null,
      reports: reportsOf(doc._id).map((report) => ({ reason: report.reason, note: report.note, weight: report.weight, state: report.state, at: toBusinessIso(report.createdAt) })),
      reportWeight: doc.reportWeight,
      author: { memberId: author, nickname: nickname.get(author) ?? null, mutedUntil: iso(muted.get(author) ?? null) },
      likeCount: kind === 'post' ? doc.likeCount : 0,
      commentCount: kind === 'post' ? doc.commentCount : 0,
      history: doc.history.map((move) => ({ ...move, at: toBusinessIso(move.at) })),
      createdAt: toBusinessIso(doc.createdAt),
      updatedAt: toBusinessIso(doc.updatedAt),
    };
  });
}
