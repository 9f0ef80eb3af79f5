import { Text, View } from '@tarojs/components';
import { ariaControl } from './ariaControl';
import './ToggleSwitch.scss';

interface ToggleSwitchProps {
  checked: boolean;
  /** What the switch turns on, read by screen readers ("分享给好友"); the visible label sits beside it. */
  label: string;
  disabled?: boolean;
  onChange(on: boolean): void;
}

/** An on/off switch that says what it is and whether it is on (NutUI's Switch renders invalid aria on H5). */
export function ToggleSwitch({ checked, label, disabled = false, onChange }: ToggleSwitchProps): JSX.Element {
  const toggle = (): void => {
    if (!disabled) onChange(!checked);
  };
  return (
    <View
      className={`toggle-switch${checked ? ' toggle-switch--on' : ''}${disabled ? ' toggle-switch--disabled' : ''}`}
      {...ariaControl('switch', disabled, toggle)}
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      onClick={toggle}
    >
      <Text className='toggle-switch__track'>
        <Text className='toggle-switch__thumb' />
      </Text>
    </View>
  );
}
