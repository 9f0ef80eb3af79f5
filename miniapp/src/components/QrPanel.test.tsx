import { render, screen } from '@testing-library/react';
import { ApiError } from '../api/apiError';
import { QrPanel } from './QrPanel';

describe('QrPanel', () => {
  it('without network says so plainly, instead of an error captioned as a code', () => {
    render(<QrPanel token={null} error={new ApiError('NETWORK_ERROR', 0)} hint='请向店员出示此码' onRetry={() => undefined} />);
    expect(screen.getByText('网络不可用')).toBeTruthy();
    expect(screen.getByText('核销码需联网生成，连上网络后点“重新获取”')).toBeTruthy();
    expect(screen.getByText('重新获取')).toBeTruthy();
  });

  it('other failures show their Chinese message', () => {
    render(<QrPanel token={null} error={new ApiError('RATE_LIMITED', 429)} hint='请向店员出示此码' onRetry={() => undefined} />);
    expect(screen.getByText('操作太频繁，请稍后再试')).toBeTruthy();
  });

  it('prints the numeric code beside the QR, in groups of four, for the till to type', () => {
    const token = { token: 'wo1.c.abc', numericCode: '812345678901', expiresAt: '2026-06-10T10:01:00+08:00', refreshAfterSeconds: 50 };
    render(<QrPanel token={token} error={null} hint='请向店员出示此码' onRetry={() => undefined} />);
    expect(screen.getByLabelText('数字码').textContent).toBe('8123 4567 8901');
    expect(screen.getByText('扫不出来时，店员可输入数字码')).toBeTruthy();
  });
});
