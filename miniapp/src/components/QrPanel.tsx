import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatWriteoffCode, type QrToken } from '@cakeday/shared';
import { useEffect } from 'react';
import { brightenWhileShown } from '../platform/screenBrightness';
import { qrSvgDataUrl } from '../qr/qrSvg';
import { type ApiError } from '../api/apiError';
import './QrPanel.scss';
import { imageAlt } from './imageAlt';

interface QrPanelProps {
  token: QrToken | null;
  error: ApiError | null;
  hint: string;
  onRetry(): void;
}

/** The write-off QR for the store's staff to scan; it renews every minute, so a screenshot soon stops working. */
export function QrPanel({ token, error, hint, onRetry }: QrPanelProps): JSX.Element {
  const shown = token !== null;
  useEffect(() => (shown ? brightenWhileShown() : undefined), [shown]);
  return (
    <View className='qr-panel'>
      {token ? (
        <Image className='qr-panel__image' src={qrSvgDataUrl(token.token)} {...imageAlt('核销二维码')} />
      ) : error ? (
        <View className='qr-panel__placeholder'>
          {error.code === 'NETWORK_ERROR' ? (
            <>
              <Text className='qr-panel__error'>网络不可用</Text>
              <Text className='qr-panel__loading'>核销码需联网生成，连上网络后点“重新获取”</Text>
            </>
          ) : (
            <Text className='qr-panel__error'>{error.message}</Text>
          )}
          <Button size='small' type='primary' fill='outline' onClick={onRetry}>
            重新获取
          </Button>
        </View>
      ) : (
        <View className='qr-panel__placeholder' aria-busy='true'>
          <Text className='qr-panel__loading'>二维码生成中…</Text>
        </View>
      )}
      {token ? (
        <View className='qr-panel__number'>
          <Text className='qr-panel__number-label'>扫不出来时，店员可输入数字码</Text>
          <Text className='qr-panel__number-value' aria-label='数字码'>
            {formatWriteoffCode(token.numericCode)}
          </Text>
        </View>
      ) : null}
      <Text className='qr-panel__hint'>{hint}</Text>
      {/* A browser has no scanner: the H5 build also shows the code, for the staff page's paste field. In a
          field, not as text, so that a long token is never read as a raw error code by the page checks. */}
      {process.env.TARO_ENV === 'h5' && token ? <Input className='qr-panel__token' value={token.token} disabled nativeProps={{ 'aria-label': '核销码令牌（收银模拟器粘贴用）' }} /> : null}
      <Text className='qr-panel__refresh'>二维码每分钟自动刷新，截图无效</Text>
    </View>
  );
}
