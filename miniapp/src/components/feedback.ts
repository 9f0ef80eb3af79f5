import Taro from '@tarojs/taro';
import { errorText } from '../api/apiError';

/** A failure as a toast: always Chinese text mapped from the error code, never the code itself. */
export function showErrorToast(error: unknown): void {
  void Taro.showToast({ title: errorText(error), icon: 'none', duration: 2500 });
}

export function showSuccessToast(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}
