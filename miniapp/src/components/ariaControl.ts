type Role = 'button' | 'switch' | 'checkbox' | 'tab' | 'radio';

interface ControlProps {
  role?: Role;
  'aria-role'?: Role;
  tabIndex?: number;
  onKeyDown?: (event: { key: string; preventDefault(): void }) => void;
}

/**
 * What makes a tappable View a control in both builds: the weapp reads `aria-role`, a browser `role` (and rejects
 * `aria-role`, as axe reports for NutUI's Switch). On H5 the control also joins the tab order unless it is disabled,
 * and Space or Enter acts on it as on a native button.
 */
export function ariaControl(role: Role, disabled: boolean, action: () => void): ControlProps {
  if (process.env.TARO_ENV !== 'h5') return { 'aria-role': role };
  return {
    role,
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (event) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      action();
    },
  };
}

type ContainerRole = 'tablist' | 'radiogroup';

/** A container's role (a tablist around tabs, a radiogroup around radios) in both builds. */
export function ariaRole<R extends ContainerRole>(role: R): { role?: R; 'aria-role'?: R } {
  return process.env.TARO_ENV === 'h5' ? { role } : { 'aria-role': role };
}
