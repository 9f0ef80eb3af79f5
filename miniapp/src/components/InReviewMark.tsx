import { Text } from '@tarojs/components';
import './InReviewMark.scss';

/** Shown to the author beside their own text that waits for a content review (friends do not see it meanwhile). */
export function InReviewMark(): JSX.Element {
  return <Text className='in-review-mark'>审核中</Text>;
}
