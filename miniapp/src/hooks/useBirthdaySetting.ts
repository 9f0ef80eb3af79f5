import { consentTexts, type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';

export interface BirthdayChoice {
  month: number;
  day: number;
  /** Optional: members may keep their age to themselves. */
  year: number | null;
}

export type SavedBirthday = RouteResponse<'members.setBirthday'>;

/**
 * Saves the birthday together with the version of the consent text shown on the page: the BFF records
 * that the member agreed to exactly those words.
 */
export function useSaveBirthday(onSaved: (saved: SavedBirthday) => void): Action<[BirthdayChoice], void> {
  return useAction(async (choice: BirthdayChoice) => {
    const saved = await call('members.setBirthday', {
      month: choice.month,
      day: choice.day,
      ...(choice.year ? { year: choice.year } : {}),
      consentVersion: consentTexts.birthday.version,
    });
    showSuccessToast('生日已保存');
    onSaved(saved);
  });
}
