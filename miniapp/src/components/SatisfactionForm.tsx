import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RATING_COMMENT_MAX_LENGTH } from '@cakeday/shared';
import './SatisfactionForm.scss';

export interface SatisfactionFormProps {
  /** The choices (1–5 stars, 0–10), in order, and how each is shown. */
  choices: readonly number[];
  choiceLabel(choice: number, chosen: number | null): string;
  hint: string;
  pending: boolean;
  onSubmit(choice: number, comment: string): void;
}

/** A score to pick and an optional comment: the rating and the NPS question share it. */
export function SatisfactionForm({ choices, choiceLabel, hint, pending, onSubmit }: SatisfactionFormProps): JSX.Element {
  const [chosen, setChosen] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  return (
    <View className='satisfaction-form'>
      <View className='satisfaction-form__choices'>
        {choices.map((choice) => (
          <View
            key={choice}
            role='button'
            aria-label={`${choice} 分`}
            className={`satisfaction-form__choice${chosen !== null && choice <= chosen && choices.length === 5 ? ' satisfaction-form__choice--on' : ''}${chosen === choice ? ' satisfaction-form__choice--chosen' : ''}`}
            onClick={() => setChosen(choice)}
          >
            {choiceLabel(choice, chosen)}
          </View>
        ))}
      </View>
      <Text className='satisfaction-form__hint'>{hint}</Text>
      <Textarea className='satisfaction-form__comment' value={comment} maxlength={RATING_COMMENT_MAX_LENGTH} placeholder='说说你的感受（选填）' onInput={(event) => setComment(event.detail.value)} />
      <Button type='primary' block disabled={chosen === null} loading={pending} onClick={() => chosen !== null && onSubmit(chosen, comment.trim())}>
        提交
      </Button>
    </View>
  );
}
