import { act, render, screen } from '@testing-library/react';
import { taroStandIn, type PrivacyResolve } from '../../test/taroStandIn';
import { PrivacyAuthorization } from './PrivacyAuthorization.weapp';

interface StubButtonProps {
  id?: string;
  openType?: string;
  onClick?: () => void;
  onAgreePrivacyAuthorization?: () => void;
  children?: unknown;
}

// The agree button is WeChat's open-type button: the stub keeps its props so the test plays WeChat's part.
const mockButtons: StubButtonProps[] = [];
// NutUI is imported per component (babel-plugin-import), so the button's own module is the one stubbed.
jest.mock('@nutui/nutui-react-taro/dist/es/packages/button', () => {
  const Button = (props: StubButtonProps): JSX.Element => {
    mockButtons.push(props);
    return (
      <button type='button' onClick={props.onClick}>
        {String(props.children)}
      </button>
    );
  };
  return { __esModule: true, default: Button, Button };
});

function latestButton(text: string): StubButtonProps {
  const found = [...mockButtons].reverse().find((props) => props.children === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

function wechatNeedsAuthorization(): jest.MockedFunction<PrivacyResolve> {
  const resolve: jest.MockedFunction<PrivacyResolve> = jest.fn();
  expect(taroStandIn.privacyListeners).toHaveLength(1);
  act(() => taroStandIn.privacyListeners[0]?.(resolve));
  return resolve;
}

describe('PrivacyAuthorization (weapp: onNeedPrivacyAuthorization)', () => {
  beforeEach(() => {
    taroStandIn.reset();
    mockButtons.length = 0;
  });

  it('tells WeChat the notice is shown, then answers agree with the agree button the member pressed', () => {
    render(<PrivacyAuthorization />);
    expect(screen.queryByText('隐私保护提示')).toBeNull();
    const resolve = wechatNeedsAuthorization();
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }]]);
    expect(screen.getByText('隐私保护提示')).toBeTruthy();

    const agree = latestButton('同意');
    expect(agree.openType).toBe('agreePrivacyAuthorization');
    act(() => agree.onAgreePrivacyAuthorization?.());
    expect(resolve.mock.calls[1]).toEqual([{ event: 'agree', buttonId: agree.id }]);
    expect(agree.id).toBeTruthy();
  });

  it('answers disagree on 拒绝, once, and opens the privacy contract on request', () => {
    render(<PrivacyAuthorization />);
    const resolve = wechatNeedsAuthorization();
    act(() => screen.getByText('查看《隐私保护指引》').click());
    expect(taroStandIn.privacyContractsOpened).toBe(1);
    act(() => latestButton('拒绝').onClick?.());
    act(() => latestButton('拒绝').onClick?.());
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }], [{ event: 'disagree' }]]);
  });
});
