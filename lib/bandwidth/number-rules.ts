export const E164 = /^\+[1-9]\d{1,14}$/;

// 1–11 characters of A-Z a-z 0-9 space - + _ &, at least one letter.
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 \-+_&]{1,11}$/;

const TOLL_FREE = /^\+18(00|33|44|55|66|77|88)\d{7}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

export function isAlphanumericSender(value: string): boolean {
  return ALPHANUMERIC_SENDER.test(value) && !value.startsWith("+");
}

export function isTollFreeNumber(value: string): boolean {
  return TOLL_FREE.test(value);
}
