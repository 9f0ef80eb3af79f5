import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { errorMessages } from '@cakeday/shared';
import { taroStandIn } from '../../test/taroStandIn';
import { TokenSource } from './TokenSource.weapp';

async function tapScan(): Promise<void> {
  await act(async () => {
    screen.getByText('扫码核销').click();
  });
}

describe('TokenSource (weapp: the camera scanner)', () => {
  beforeEach(() => taroStandIn.reset());

  it('scans QR codes from the camera only and hands over what it read', async () => {
    const asked: unknown[] = [];
    taroStandIn.scan = async (options) => {
      asked.push(options);
      return { result: 'cp.token-1' };
    };
    const onToken = jest.fn();
    render(<TokenSource pending={false} onToken={onToken} />);
    await tapScan();
    expect(asked).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    expect(onToken).toHaveBeenCalledWith('cp.token-1');
  });

  it('closing the camera is not an error; an empty read hands over nothing', async () => {
    const onToken = jest.fn();
    render(<TokenSource pending={false} onToken={onToken} />);
    taroStandIn.scan = async () => Promise.reject({ errMsg: 'scanCode:fail cancel' });
    await tapScan();
    taroStandIn.scan = async () => ({ result: '' });
    await tapScan();
    expect(onToken).not.toHaveBeenCalled();
    expect(taroStandIn.toasts).toEqual([]);
  });

  it('any other scanner failure shows the invalid-code message', async () => {
    const onToken = jest.fn();
    render(<TokenSource pending={false} onToken={onToken} />);
    taroStandIn.scan = async () => Promise.reject({ errMsg: 'scanCode:fail camera error' });
    await tapScan();
    expect(onToken).not.toHaveBeenCalled();
    expect(taroStandIn.toasts).toEqual([errorMessages.WRITEOFF_TOKEN_INVALID]);
  });

  it('takes the numeric code typed when the scan fails', async () => {
    const onToken = jest.fn();
    render(<TokenSource pending={false} onToken={onToken} />);
    const field = await waitFor(() => {
      const input = document.querySelector('input[placeholder="扫不出来？输入二维码下的数字码"]');
      if (!input) throw new Error('no input yet');
      return input;
    });
    await act(async () => {
      fireEvent.input(field, { target: { value: '812345678901' } });
    });
    await act(async () => {
      screen.getByText('查询数字码').click();
    });
    expect(onToken).toHaveBeenCalledWith('812345678901');
  });
});
