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
