import { act, render, screen } from '@testing-library/react';
import { memberAgreement, privacyPolicy } from '@cakeday/shared';
import { taroStandIn } from '../../../test/taroStandIn';
import { AgreementPage } from './agreement/index';
import { FaqPage } from './faq/index';
import { PrivacyPolicyPage } from './privacy-policy/index';

describe('service pages', () => {
  beforeEach(() => taroStandIn.reset());

  it('常见问题 answers and leads to the page that holds each rule', async () => {
    render(<FaqPage />);
    expect(screen.getByRole('heading', { name: '生日礼怎么领？' })).toBeTruthy();
    await act(async () => {
      screen.getByText('查看门店 ›').click();
    });
    expect(taroStandIn.navigations).toEqual(['/pages/stores/index']);
  });

  it('会员协议 and 隐私政策 show their whole text and version', () => {
    render(<AgreementPage />);
    expect(screen.getByRole('heading', { name: 'Cakeday 会员协议' })).toBeTruthy();
    for (const section of memberAgreement.sections) expect(screen.getByText(section.body)).toBeTruthy();
    expect(screen.getByText(`版本：${memberAgreement.version}`)).toBeTruthy();

    render(<PrivacyPolicyPage />);
    for (const section of privacyPolicy.sections) expect(screen.getByText(section.body)).toBeTruthy();
  });
});
