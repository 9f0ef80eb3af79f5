import { Input, Text, View } from '@tarojs/components';
import { ariaControl } from './ariaControl';
import './QuantityStepper.scss';

interface QuantityStepperProps {
  value: number;
  min: number;
  max: number;
  /** What is counted ("兑换数量"): the input's name and part of the buttons' names. */
  label: string;
  disabled?: boolean;
  onChange(quantity: number): void;
}

interface StepButtonProps {
  label: string;
  symbol: string;
  enabled: boolean;
  onTap(): void;
}

function StepButton({ label, symbol, enabled, onTap }: StepButtonProps): JSX.Element {
  const tap = (): void => {
    if (enabled) onTap();
  };
  return (
    <View
      className={`quantity-stepper__button${enabled ? '' : ' quantity-stepper__button--disabled'}`}
      {...ariaControl('button', !enabled, tap)}
      aria-label={label}
      aria-disabled={!enabled}
      onClick={tap}
    >
      <Text aria-hidden>{symbol}</Text>
    </View>
  );
}

/** − / quantity / +, each at least 44 px to tap, named for screen readers; the quantity stays within min..max. */
export function QuantityStepper({ value, min, max, label, disabled = false, onChange }: QuantityStepperProps): JSX.Element {
  const top = Math.max(min, max);
  const set = (next: number): void => {
    const bounded = Math.min(top, Math.max(min, next));
    if (bounded !== value) onChange(bounded);
  };
  return (
    <View className='quantity-stepper'>
      <StepButton label={`减少${label}`} symbol='−' enabled={!disabled && value > min} onTap={() => set(value - 1)} />
      <Input
        className='quantity-stepper__input'
        type='number'
        value={String(value)}
        disabled={disabled}
        aria-label={label}
        nativeProps={{ 'aria-label': label }}
        onInput={(event) => {
          const typed = Number(event.detail.value);
          if (Number.isInteger(typed) && typed >= min && typed <= top) onChange(typed);
        }}
        onBlur={(event) => set(Math.trunc(Number(event.detail.value)) || min)}
      />
      <StepButton label={`增加${label}`} symbol='+' enabled={!disabled && value < top} onTap={() => set(value + 1)} />
    </View>
  );
}
