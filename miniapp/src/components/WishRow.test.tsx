import { render, screen } from '@testing-library/react';
import { buildWish } from '../../test/fixtures';
import { WishRow } from './WishRow';

describe('WishRow', () => {
  it('marks the author’s text and note that wait for a content review as 审核中', () => {
    render(<WishRow wish={buildWish({ text: '加微信一起过生日', note: '白色的', inReview: ['text', 'note'] })} actions={null} />);
    expect(screen.getAllByText('审核中')).toHaveLength(2);
  });

  it('shows no mark once the texts are cleared', () => {
    render(<WishRow wish={buildWish({ note: '白色的' })} actions={null} />);
    expect(screen.queryByText('审核中')).toBeNull();
  });
});

describe('WishRow for the owner of a fulfilled wish', () => {
  it('names the friend who gave it, with their face', () => {
    const wish = buildWish({ fulfilled: true, giver: { nickname: '阿明', avatarUrl: 'https://cdn.example/a.png' } });
    const { container } = render(<WishRow wish={wish} actions={null} />);
    expect(screen.getByText('阿明 送出')).toBeTruthy();
    expect(container.querySelector('[aria-label="阿明"] img, [aria-label="阿明"] taro-image-core')).toBeTruthy();
  });
});
