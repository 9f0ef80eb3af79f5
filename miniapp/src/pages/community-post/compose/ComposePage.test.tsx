import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../../test/taroStandIn';
import { buildCommunityPost, buildMember } from '../../../../test/fixtures';
import { answerRoutes, callsTo, ok, refusal } from '../../../../test/routes';
import { setSessionProvider } from '../../../api/client';
import { ComposePage } from './index';

const topics = ok({ topics: [{ code: 'birthday', name: '晒生日', description: null }, { code: 'bake-class', name: '烘焙课', description: null }] });
const uploaded = (id: string) => ({ statusCode: 200, data: JSON.stringify({ id, thumbUrl: `/media/${id}/thumb.jpg`, displayUrl: `/media/${id}/display.jpg`, width: 800, height: 600 }) });

async function typeText(text: string): Promise<void> {
  const field = await waitFor(() => {
    const textarea = document.querySelector('.compose__text textarea');
    if (!textarea) throw new Error('no textarea yet');
    return textarea;
  });
  fireEvent.input(field, { target: { value: text } });
}

describe('ComposePage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('asks a member without a bound phone to bind it first (后台实名)', async () => {
    answerRoutes({ 'members.me': ok(buildMember({ phoneMasked: null })), 'community.topics': topics });
    render(<ComposePage />);
    expect(await screen.findByText('绑定手机号后即可发帖和评论')).toBeTruthy();
    expect(document.querySelector('.compose__text')).toBeNull();
  });

  it('opens with #晒生日# preset from the home card, uploads photos as picked, and posts once with their ids', async () => {
    taroStandIn.params = { topic: 'birthday' };
    taroStandIn.chosenImages = ['tmp://a.jpg', 'tmp://b.jpg'];
    taroStandIn.uploadRespond = ({ filePath }) => uploaded(filePath === 'tmp://a.jpg' ? 'f00000000000000000000001' : 'f00000000000000000000002');
    answerRoutes({
      'members.me': ok(buildMember({ phoneMasked: '138****8000' })),
      'community.topics': topics,
      'community.create': ok({ post: buildCommunityPost({ status: 'reviewing', mine: true }) }),
    });
    render(<ComposePage />);

    await screen.findByText('#晒生日#');
    expect(screen.getByText('#晒生日#').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('写点什么或添加图片')).toBeTruthy();
    await act(async () => {
      screen.getByLabelText('添加图片').click();
    });
    expect(taroStandIn.uploads.map((upload) => [upload.url, upload.name, upload.header.Authorization])).toEqual([
      ['http://bff.test/media/photos', 'photo', 'Bearer token'],
      ['http://bff.test/media/photos', 'photo', 'Bearer token'],
    ]);
    await typeText('今天 18 岁！');
    expect(await screen.findByText('8/1000')).toBeTruthy();
    await act(async () => {
      screen.getByText('发布').click();
    });
    const sent = callsTo('community.create').map((request) => request.data as Record<string, unknown>);
    expect(sent).toEqual([{ text: '今天 18 岁！', photoIds: ['f00000000000000000000001', 'f00000000000000000000002'], topicCode: 'birthday', idempotencyKey: expect.any(String) }]);
    expect(taroStandIn.toasts).toContain('已提交，审核通过后展示');
    expect(taroStandIn.navigations).toEqual(['back']);
  });

  it('keeps the same submit key when 发布 is retried after a failure, and shows a refused photo in Chinese', async () => {
    taroStandIn.chosenImages = ['tmp://x.png'];
    taroStandIn.uploadRespond = () => ({ statusCode: 422, data: JSON.stringify({ error: { code: 'COMMUNITY_PHOTO_INVALID', message: 'x' } }) });
    answerRoutes({
      'members.me': ok(buildMember({ phoneMasked: '138****8000' })),
      'community.topics': topics,
      'community.create': [refusal(503, 'SERVICE_UNAVAILABLE'), ok({ post: buildCommunityPost({ mine: true }) })],
    });
    render(<ComposePage />);
    await screen.findByText('#烘焙课#');
    await act(async () => {
      screen.getByLabelText('添加图片').click();
    });
    expect(screen.getByText('上传失败')).toBeTruthy();
    expect(taroStandIn.toasts).toContain('仅支持 JPG、PNG、GIF、WebP 格式且不超过 10MB 的图片');
    await typeText('烘焙课作业');
    await act(async () => {
      screen.getByText('发布').click();
    });
    await act(async () => {
      screen.getByText('发布').click();
    });
    const keys = callsTo('community.create').map((request) => (request.data as { idempotencyKey: string; photoIds: string[] }));
    expect(keys).toHaveLength(2);
    expect(keys[0]!.idempotencyKey).toBe(keys[1]!.idempotencyKey);
    expect(keys[0]!.photoIds).toEqual([]);
  });
});
