import { Text, View } from '@tarojs/components';
import { ariaControl, ariaRole } from './ariaControl';
import './FilterChips.scss';

export interface FilterChip<K extends string> {
  key: K;
  label: string;
}

interface FilterChipsProps<K extends string> {
  chips: ReadonlyArray<FilterChip<K>>;
  selected: K;
  onSelect(key: NoInfer<K>): void;
}

/**
 * A row of filters (kinds, order states, coupon tabs); light enough for the main package. A tablist of tabs, so the
 * row (which scrolls sideways) can be reached and used with a keyboard.
 */
export function FilterChips<K extends string>({ chips, selected, onSelect }: FilterChipsProps<K>): JSX.Element {
  return (
    <View className='filter-chips' {...ariaRole('tablist')}>
      {chips.map((chip) => (
        <Text
          key={chip.key}
          {...ariaControl('tab', false, () => onSelect(chip.key))}
          aria-selected={chip.key === selected}
          className={`filter-chips__chip${chip.key === selected ? ' filter-chips__chip--selected' : ''}`}
          onClick={() => onSelect(chip.key)}
        >
          {chip.label}
        </Text>
      ))}
    </View>
  );
}
