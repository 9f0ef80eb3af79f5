import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildCommunityComment, buildCommunityPost } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { PostPage } from './index';

const postId = 'c00000000000000000000001';

async function typeComment(text: string): Promise<void> {
  const field = await waitFor(() => {
    const input = document.querySelector('input[placeholder="说点什么…"]');
    if (!input) throw new Error('no input yet');
    return input;
  });
  fireEvent.input(field, { target: { value: text } });
}

describe('PostPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    taroStandIn.params = { id: postId };
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the post with its photos and the thread; replies to a person; a held comment is marked 审核中 for its author', async () => {
    const top = buildCommunityComment();
    const reply = buildCommunityComment({ id: 'd00000000000000000000002', parentId: top.id, replyTo: { nickname: '阿麦', avatarUrl: null }, author: { nickname: '小蛋糕', avatarUrl: null }, text: '谢谢！' });
    const held = buildCommunityComment({ id: 'd00000000000000000000003', text: '加微信聊', mine: true, status: 'reviewing', author: { nickname: '我', avatarUrl: null } });
    answerRoutes({
      'community.post': ok({ post: buildCommunityPost({ commentCount: 2 }) }),
      'community.comments': [ok({ items: [top, reply], nextCursor: null }), ok({ items: [top, reply, held], nextCursor: null })],
      'community.comment': ok({ comment: held }),
    });

    render(<PostPage />);

    expect(await screen.findByText('今天生日，吃到了草莓蛋糕')).toBeTruthy();
    expect(document.querySelectorAll('.post-card__photo')).toHaveLength(1);
    expect(await screen.findByText('小蛋糕 回复 阿麦')).toBeTruthy();
    await act(async () => {
      screen.getAllByText('回复')[0]!.click();
    });
    expect(screen.getByText('回复 阿麦 ✕')).toBeTruthy();
    await typeComment('加微信聊');
    await act(async () => {
      screen.getByText('发送').click();
    });
    expect(callsTo('community.comment').map((request) => request.data)).toEqual([{ postId, text: '加微信聊', idempotencyKey: expect.any(String), replyToCommentId: top.id }]);
    expect(taroStandIn.toasts).toContain('评论已提交，审核通过后展示');
    expect(await screen.findByText('加微信聊')).toBeTruthy();
    expect(screen.getByText('审核中')).toBeTruthy();
  });

  it('the author’s own post under review says so and takes no comments; deleting it goes back', async () => {
    answerRoutes({
      'community.post': ok({ post: buildCommunityPost({ mine: true, status: 'reviewing', commentCount: 0 }) }),
      'community.comments': ok({ items: [], nextCursor: null }),
      'community.delete': ok({ ok: true }),
    });
    render(<PostPage />);
    expect(await screen.findByText('审核中，通过后其他人才能看到')).toBeTruthy();
    expect(screen.queryByText('发送')).toBeNull();
    await act(async () => {
      screen.getByText('删除帖子').click();
    });
    expect(callsTo('community.delete').map((request) => request.data)).toEqual([{ postId }]);
    expect(taroStandIn.navigations).toEqual(['back']);
  });

  it('someone else’s post can be reported with a reason', async () => {
    answerRoutes({
      'community.post': ok({ post: buildCommunityPost() }),
      'community.comments': ok({ items: [], nextCursor: null }),
      'community.report': ok({ reported: true }),
    });
    taroStandIn.actionSheetTaps = [0, 2];
    render(<PostPage />);
    const menu = await screen.findByText('举报或屏蔽');
    await act(async () => {
      menu.click();
    });
    expect(callsTo('community.report').map((request) => request.data)).toEqual([{ target: { kind: 'post', id: postId }, reason: 'abuse' }]);
    expect(taroStandIn.toasts).toContain('已收到举报');
  });

  it('shows 未通过审核 on the author’s rejected post', async () => {
    answerRoutes({
      'community.post': ok({ post: buildCommunityPost({ mine: true, status: 'rejected' }) }),
      'community.comments': ok({ items: [], nextCursor: null }),
    });
    render(<PostPage />);
    expect(await screen.findByText('未通过审核，仅自己可见')).toBeTruthy();
  });
});
