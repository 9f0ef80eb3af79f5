import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildComment, buildPost, buildWriter, photoWithGps } from '../../test/communityFactories';
import { CommunityBlockModel } from '../CommunityBlock.model';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityLikeModel } from '../CommunityLike.model';
import { CommunityPhotoModel } from '../CommunityPhoto.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { CommunityReportModel } from '../CommunityReport.model';

useTestDatabase();
let app: TestApp;
beforeAll(() => {
  app = buildTestApp();
});

const call = (route: string, auth: string, body: object) => app.http.post(`/api/${route}`).set('Authorization', auth).send(body);

describe('a member’s community data in export and erasure', () => {
  it('export lists their posts with photos, comments, likes, reports and blocks; deletion removes all of it and the photo files', async () => {
    const leaver = await buildWriter();
    const friend = await buildWriter();
    const photo = (await app.http.post('/media/photos').set('Authorization', leaver.auth).attach('photo', await photoWithGps(200, 200), 'p.jpg')).body;
    const own = await buildPost({ author: leaver.member, text: '我的帖子', photoIds: [] });
    await CommunityPhotoModel.updateOne({ _id: photo.id }, { $set: { postId: own._id } });
    await CommunityPostModel.updateOne({ _id: own._id }, { $set: { photoIds: [photo.id] } });
    const friendsPost = await buildPost({ author: friend.member, text: '朋友的帖子' });
    const friendId = friendsPost._id.toHexString();
    await call('community.like', leaver.auth, { postId: friendId });
    await buildComment(friendsPost, { authorId: leaver.member._id, text: '我的评论' });
    await buildComment(own, { authorId: friend.member._id, text: '朋友在我帖下的评论' });
    await call('community.report', leaver.auth, { target: { kind: 'post', id: friendId }, reason: 'other', note: '测试' });
    await call('community.block', leaver.auth, { target: { kind: 'post', id: friendId } });

    const exported = (await call('members.export', leaver.auth, {})).body.community;
    expect(exported.posts).toEqual([expect.objectContaining({ id: own._id.toHexString(), text: '我的帖子', photos: [photo.displayUrl] })]);
    expect(exported.comments.map((comment: { text: string }) => comment.text)).toEqual(['我的评论']);
    expect(exported.likes).toEqual([{ postId: friendId, at: expect.any(String) }]);
    expect(exported.reports).toEqual([expect.objectContaining({ targetKind: 'post', reason: 'other', note: '测试', state: 'open' })]);
    expect(exported.blocks).toHaveLength(1);
    expect((await CommunityPostModel.findById(friendsPost._id).lean())).toMatchObject({ likeCount: 1, commentCount: 1 });

    expect((await call('members.delete', leaver.auth, { confirm: true })).status).toBe(200);
    const id = leaver.member._id;
    expect(await CommunityPostModel.countDocuments({ authorId: id })).toBe(0);
    expect(await CommunityCommentModel.countDocuments({ $or: [{ authorId: id }, { postAuthorId: id }] })).toBe(0);
    expect(await CommunityLikeModel.countDocuments({ memberId: id })).toBe(0);
    expect(await CommunityReportModel.countDocuments({ reporterId: id })).toBe(0);
    expect(await CommunityBlockModel.countDocuments({ blockerId: id })).toBe(0);
    expect(await CommunityPhotoModel.countDocuments({ ownerId: id })).toBe(0);
    expect(await app.deps.photos.get(`${photo.id}/display.jpg`)).toBeNull();
    // The friend's post no longer counts the like and the comment that went.
    expect((await CommunityPostModel.findById(friendsPost._id).lean())).toMatchObject({ likeCount: 0, commentCount: 0 });
  });
});
