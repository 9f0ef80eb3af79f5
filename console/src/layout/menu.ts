import type { OpsAbility } from '@cakeday/shared';
import { CONSOLE_SECTIONS, type ConsoleFeature, type ConsoleSection } from '../features/feature';

export interface MenuEntry {
  path: string;
  name: string;
  icon?: React.ReactNode;
  children?: MenuEntry[];
}

/** The features this operator may open. */
export function allowedFeatures(features: readonly ConsoleFeature[], ability: OpsAbility): ConsoleFeature[] {
  return features.filter((feature) => ability.can(feature.permission[0], feature.permission[1]));
}

/** The menu: one heading per section that has an allowed feature, in section order. */
export function menuFor(features: readonly ConsoleFeature[], ability: OpsAbility): MenuEntry[] {
  const allowed = allowedFeatures(features, ability);
  return (Object.keys(CONSOLE_SECTIONS) as ConsoleSection[]).flatMap((section) => {
    const children = allowed
      .filter((feature) => feature.section === section)
      .map((feature) => ({ path: `/${feature.path}`, name: feature.title, icon: feature.icon }));
    return children.length > 0 ? [{ path: `/${section}`, name: CONSOLE_SECTIONS[section], children }] : [];
  });
}
