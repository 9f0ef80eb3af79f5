/** A greeting for the hour in Asia/Shanghai, where the members are. */
export function greeting(now: Date): string {
  const hour = new Date(now.getTime() + 8 * 60 * 60 * 1000).getUTCHours();
  if (hour < 5) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
