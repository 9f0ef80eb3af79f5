import { act, render } from '@testing-library/react';
import { errorMessages } from '@cakeday/shared';
import { taroStandIn } from '../../test/taroStandIn';
import { PhoneBindButton } from './PhoneBindButton.weapp';

interface StubButtonProps {
  openType?: string;
  onGetPhoneNumber?: (event: { detail: { code?: string; errMsg: string } }) => void;
  children?: unknown;
}

// WeChat's open-type button cannot be pressed in jsdom: the stub keeps its props so the test plays WeChat's part.
const mockButtons: StubButtonProps[] = [];
// NutUI is imported per component (babel-plugin-import), so the button's own module is the one stubbed.
jest.mock('@nutui/nutui-react-taro/dist/es/packages/button', () => {
  const Button = (props: StubButtonProps): null => {
    mockButtons.push(props);
    return null;
  };
  return { __esModule: true, default: Button, Button };
});
function wechatAnswers(detail: { code?: string; errMsg: string }): void {
  const button = mockButtons[mockButtons.length - 1];
  act(() => button?.onGetPhoneNumber?.({ detail }));
}

describe('PhoneBindButton (weapp: getPhoneNumber)', () => {
  beforeEach(() => {
    taroStandIn.reset();
    mockButtons.length = 0;
  });

  it('is a getPhoneNumber button that hands over the single-use code', () => {
    const onCode = jest.fn();
    render(<PhoneBindButton pending={false} onCode={onCode} />);
    expect(mockButtons[mockButtons.length - 1]?.openType).toBe('getPhoneNumber');
    wechatAnswers({ code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' });
    expect(onCode).toHaveBeenCalledWith('phone-code-1');
  });

  it('a refusal leaves the phone unbound quietly; another failure shows a message', async () => {
    const onCode = jest.fn();
    render(<PhoneBindButton pending={false} onCode={onCode} />);
    wechatAnswers({ errMsg: 'getPhoneNumber:fail user deny' });
    wechatAnswers({ errMsg: 'getPhoneNumber:fail:cancel to confirm login' });
    expect(taroStandIn.toasts).toEqual([]);
    wechatAnswers({ errMsg: 'getPhoneNumber:fail no permission' });
    expect(onCode).not.toHaveBeenCalled();
    expect(taroStandIn.toasts).toEqual([errorMessages.SERVICE_UNAVAILABLE]);
  });
});
