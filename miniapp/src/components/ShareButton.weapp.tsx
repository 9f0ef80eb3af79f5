import { Button } from '@nutui/nutui-react-taro';
import { type ShareButtonProps } from './ShareButton';

/** Opens WeChat's share sheet; the card's title and path come from the page's useShareAppMessage. */
export function ShareButton({ text }: ShareButtonProps): JSX.Element {
  return (
    <Button block type='primary' openType='share'>
      {text}
    </Button>
  );
}
