const HOUR = 3600;

/**
 * Hours with up to two decimals, from integer seconds, for the text the app writes itself (alert emails, the hard
 * stop's refusal): no figure is computed from it. The app may not import the surfaces' locale-aware `quantities`.
 */
export function hoursText(seconds: number): string {
  const hundredths = Math.round((seconds * 100) / HOUR);
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? `${whole} h` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')} h`;
}
