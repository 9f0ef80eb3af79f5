import { Button } from '@nutui/nutui-react-taro';

export function ContactButton({ compact }: { compact?: boolean }): JSX.Element {
  return (
    <Button block={!compact} size={compact ? 'small' : 'large'} fill='outline' openType='contact'>
      联系客服
    </Button>
  );
}
