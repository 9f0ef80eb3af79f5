import Taro from '@tarojs/taro';
import { ApiError } from '../api/apiError';

/**
 * The WeChat sandbox's control API (development H5 builds only): it hands out the codes that WeChat would
 * give the mini-program (wx.login, getPhoneNumber), so that the H5 build can log in and bind a phone.
 */
async function mint(path: string, body: Record<string, unknown>): Promise<string> {
  let answer: { statusCode: number; data: unknown };
  try {
    answer = await Taro.request({
      url: `${process.env.TARO_APP_SANDBOX_URL ?? ''}/__sandbox${path}`,
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: body,
      dataType: 'json',
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }
  const code = readCode(answer.data);
  if (answer.statusCode < 200 || answer.statusCode >= 300 || !code) throw new ApiError('SERVICE_UNAVAILABLE', answer.statusCode);
  return code;
}

function readCode(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('code' in body)) return null;
  const code = (body as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

export function mintSandboxLoginCode(user: string): Promise<string> {
  return mint('/login-codes', { user });
}

export function mintSandboxPhoneCode(user: string): Promise<string> {
  return mint('/phone-codes', { user });
}

/**
 * The sandbox's stand-in for the WeChat Pay sheet: the member "pays" the prepay (JSAPI order), and the sandbox sends
 * WeChat Pay's notification to the BFF as the real service would.
 */
export async function paySandboxPrepay(prepayId: string): Promise<void> {
  let answer: { statusCode: number };
  try {
    answer = await Taro.request({
      url: `${process.env.TARO_APP_SANDBOX_URL ?? ''}/__sandbox/pay/orders/${encodeURIComponent(prepayId)}/pay`,
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: {},
      dataType: 'json',
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw new ApiError('PAYMENT_FAILED', answer.statusCode);
}
