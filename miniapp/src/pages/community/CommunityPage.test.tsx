import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildCommunityPost } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { CommunityPage } from './index';

const topics = ok({ topics: [{ code: 'birthday', name: '晒生日', description: null }, { code: 'new-taste', name: '新品试吃', description: null }] });

describe('CommunityPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the newest posts, the author’s own post marked 审核中, and switches to 热门 and to a topic', async () => {
    const mine = buildCommunityPost({ id: 'c00000000000000000000002', text: '我的生日蛋糕', mine: true, status: 'reviewing', likeCount: 0, photos: [] });
    answerRoutes({
      'community.topics': topics,
      'community.feed': (request) => {
        const { sort, topicCode } = request.data as { sort: string; topicCode?: string };
        if (topicCode === 'new-taste') return ok({ items: [buildCommunityPost({ id: 'c00000000000000000000004', text: '新品芒果千层', topic: { code: 'new-taste', name: '新品试吃', description: null } })], nextCursor: null });
        return sort === 'hot' ? ok({ items: [buildCommunityPost({ id: 'c00000000000000000000003', text: '最热的一条', likeCount: 99 })], nextCursor: null }) : ok({ items: [mine, buildCommunityPost()], nextCursor: null });
      },
    });

    render(<CommunityPage />);

    expect(await screen.findByText('我的生日蛋糕')).toBeTruthy();
    expect(screen.getByText('审核中')).toBeTruthy();
    expect(screen.getByText('审核中，通过后其他人才能看到')).toBeTruthy();
    expect(screen.getByText('今天生日，吃到了草莓蛋糕')).toBeTruthy();
    expect(screen.getAllByText('#晒生日#').length).toBeGreaterThan(0);

    await act(async () => {
      screen.getByText('热门').click();
    });
    expect(await screen.findByText('最热的一条')).toBeTruthy();
    expect(screen.queryByText('我的生日蛋糕')).toBeNull();

    await act(async () => {
      screen.getByText('#新品试吃#').click();
    });
    expect(await screen.findByText('新品芒果千层')).toBeTruthy();
    expect(callsTo('community.feed').map((request) => request.data)).toEqual([
      { sort: 'latest', limit: 10 },
      { sort: 'hot', limit: 10 },
      { sort: 'hot', topicCode: 'new-taste', limit: 10 },
    ]);

    await act(async () => {
      screen.getByText('发帖').click();
    });
    expect(taroStandIn.navigations).toContain('/pages/community-post/compose/index?topic=new-taste');
  });

  it('likes a post with the count the BFF answers, takes it back, and opens a post', async () => {
    answerRoutes({
      'community.topics': topics,
      'community.feed': ok({ items: [buildCommunityPost()], nextCursor: null }),
      'community.like': ok({ liked: true, likeCount: 4 }),
      'community.unlike': ok({ liked: false, likeCount: 3 }),
    });

    render(<CommunityPage />);

    const like = await screen.findByLabelText('点赞');
    await act(async () => {
      like.click();
    });
    expect(screen.getByLabelText('取消点赞').textContent).toBe('♥ 4');
    await act(async () => {
      screen.getByLabelText('取消点赞').click();
    });
    expect(screen.getByLabelText('点赞').textContent).toBe('♡ 3');
    expect(taroStandIn.navigations).toEqual([]);
    await act(async () => {
      screen.getByText('今天生日，吃到了草莓蛋糕').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/community-post/index?id=c00000000000000000000001']);
  });

  it('shows an empty feed and a failure with a retry in Chinese', async () => {
    answerRoutes({
      'community.topics': topics,
      'community.feed': [{ statusCode: 503, data: { error: { code: 'SERVICE_UNAVAILABLE', message: 'x' } } }, ok({ items: [], nextCursor: null })],
    });
    render(<CommunityPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    await act(async () => {
      screen.getByText('重新加载').click();
    });
    expect(await screen.findByText('还没有人发帖')).toBeTruthy();
  });
});
