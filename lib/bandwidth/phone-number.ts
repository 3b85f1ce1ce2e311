import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type NormalisedNumber = { e164: string; valid: boolean };

/**
 * What an agent types → E.164. Accepts any *possible* number (Bandwidth checks form only, and its
 * test numbers such as +1555… are possible but not valid); `valid` lets the UI warn.
 * Callback numbers are never passed through this: we store what Bandwidth sent.
 */
export function normalisePhoneNumber(input: string, defaultCountry: CountryCode = "US"): NormalisedNumber | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return { e164: parsed.number, valid: parsed.isValid() };
}

/** +19195550100 → (919) 555-0100; other countries in international form. */
export function formatPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === "1" ? parsed.formatNational() : parsed.formatInternational();
}
