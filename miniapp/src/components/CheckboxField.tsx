import { type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ariaControl } from './ariaControl';
import './CheckboxField.scss';

interface CheckboxFieldProps {
  checked: boolean;
  disabled?: boolean;
  className?: string;
  /** The visible label; tapping it toggles the box, and it names the checkbox for screen readers. */
  children: ReactNode;
  onChange(checked: boolean): void;
}

/** A checkbox with its label, tappable as a whole (NutUI's Checkbox renders invalid aria on H5). */
export function CheckboxField({ checked, disabled = false, className, children, onChange }: CheckboxFieldProps): JSX.Element {
  const toggle = (): void => {
    if (!disabled) onChange(!checked);
  };
  return (
    <View
      className={`checkbox-field${checked ? ' checkbox-field--checked' : ''}${disabled ? ' checkbox-field--disabled' : ''}${className ? ` ${className}` : ''}`}
      {...ariaControl('checkbox', disabled, toggle)}
      aria-checked={checked}
      aria-disabled={disabled}
      onClick={toggle}
    >
      <Text className='checkbox-field__box' aria-hidden>
        {checked ? '✓' : ''}
      </Text>
      {children}
    </View>
  );
}
