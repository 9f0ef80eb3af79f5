import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { showSuccessToast } from './feedback';
import { type ShareButtonProps } from './ShareButton';

/** The H5 build's hash router: the landing page's URL on this site. */
export function shareUrl(path: string, location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${location.origin}${location.pathname}#${path.startsWith('/') ? path : `/${path}`}`;
}

export function ShareButton({ path, text }: ShareButtonProps): JSX.Element {
  const copy = async (): Promise<void> => {
    await Taro.setClipboardData({ data: shareUrl(path) });
    showSuccessToast('链接已复制');
  };
  return (
    <Button block type='primary' onClick={() => void copy()}>
      {text}
    </Button>
  );
}
