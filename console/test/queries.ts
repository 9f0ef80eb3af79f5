import { waitFor, within } from '@testing-library/react';

/**
 * ByRole queries compute styles up the tree for every candidate; on an antd page in jsdom that takes tens of
 * seconds. These find by text (what the operator reads) and walk up to the control.
 */
export function button(name: string | RegExp, container: HTMLElement = document.body): HTMLButtonElement {
  const found = within(container)
    .getAllByText(name)
    .map((element) => element.closest('button'))
    .filter((element): element is HTMLButtonElement => element !== null);
  if (found.length !== 1) throw new Error(`expected one button "${String(name)}", found ${found.length}`);
  return found[0] as HTMLButtonElement;
}

export function queryDialog(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.ant-modal-wrap:not([style*="display: none"]) [role="dialog"]');
}

/** The open dialog with this title (a button on the page may carry the same text). */
export async function findDialog(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const heading = [...document.querySelectorAll<HTMLElement>('.ant-modal-title')].find((element) => element.textContent === title);
    const dialog = heading?.closest<HTMLElement>('[role="dialog"]');
    if (!dialog) throw new Error(`no open dialog "${title}"`);
    return dialog;
  });
}

export async function waitForNoDialog(): Promise<void> {
  await waitFor(() => expect(queryDialog()).toBeNull());
}
