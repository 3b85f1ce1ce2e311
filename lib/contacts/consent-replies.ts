import type { AccountConsentSettings, ConsentScope } from "@/lib/validations/consent";

// The automatic replies Switchboard sends for local numbers (CTIA: confirm an opt-out once, confirm
// a resubscription, answer HELP with who we are and how to stop). Pure: the admin form shows them.

export function defaultConsentReplies(accountName: string): Omit<AccountConsentSettings, "scope"> {
  const name = accountName.trim() || "our";
  return {
    optOutReply: `You are unsubscribed from ${name} messages. No more messages will be sent. Reply START to resubscribe.`,
    optInReply: `You are resubscribed to ${name} messages. Reply STOP to unsubscribe, HELP for help.`,
    helpReply: `${name}: for help, reply to this message and a person will answer. Reply STOP to unsubscribe. Msg&data rates may apply.`,
  };
}

/** The account's settings with the defaults filled in for the replies it has not set. */
export function effectiveConsentSettings(account: {
  name: string;
  consentScope: ConsentScope;
  optOutReply: string | null;
  optInReply: string | null;
  helpReply: string | null;
}): AccountConsentSettings {
  const defaults = defaultConsentReplies(account.name);
  return {
    scope: account.consentScope,
    optOutReply: account.optOutReply ?? defaults.optOutReply,
    optInReply: account.optInReply ?? defaults.optInReply,
    helpReply: account.helpReply ?? defaults.helpReply,
  };
}
