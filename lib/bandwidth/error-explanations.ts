import { findErrorCode, type ErrorCode } from "./error-catalogue";

// Bandwidth's published messaging error codes (./error-codes.json), turned into what an agent
// needs: what happened and what to do about it.

export type ErrorExplanation = {
  code: number;
  /** Short, e.g. "Messaging to country forbidden". */
  title: string;
  /** Bandwidth's own explanation. */
  explanation: string;
  /** What the agent can do. */
  action: string;
  /** Whether sending again may work. */
  retry: "yes" | "once" | "no" | "unknown";
  /** 9902 and friends: not a failure the agent should treat as lost. */
  unconfirmed: boolean;
};

type Entry = ErrorCode;

// Codes where the message may well have arrived: only the receipt is missing.
const UNCONFIRMED_CODES = new Set([9902]);

export function explainError(code: number | null | undefined, description?: string | null): ErrorExplanation {
  const entry = code == null ? undefined : findErrorCode(code);
  if (!entry) {
    return {
      code: code ?? 0,
      title: description ? `Not delivered (${description})` : "Not delivered",
      explanation: "Bandwidth reported a failure this version of Switchboard does not know.",
      action: "Check the number with the customer; if it is right, try again later.",
      retry: "unknown",
      unconfirmed: false,
    };
  }
  const unconfirmed = UNCONFIRMED_CODES.has(entry.code);
  return {
    code: entry.code,
    title: unconfirmed ? "Delivery unconfirmed" : entry.friendlyDescription,
    explanation: entry.explanation,
    action: unconfirmed
      ? "The carrier never sent a delivery receipt; the message may well have arrived. Ask the customer before sending it again."
      : actionFor(entry),
    retry: unconfirmed ? "unknown" : retryOf(entry),
    unconfirmed,
  };
}

function retryOf(entry: Entry): ErrorExplanation["retry"] {
  if (entry.retryable === true) return "yes";
  if (entry.retryable === "once") return "once";
  if (entry.retryable === false) return "no";
  return "unknown";
}

function actionFor(entry: Entry): string {
  switch (retryOf(entry)) {
    case "yes":
      return "A temporary problem at Bandwidth. Sending again usually works.";
    case "once":
      return "The carrier had a temporary failure. Retry once; if it fails again, reach the customer another way.";
    case "no":
      return entry.category.startsWith("Carrier")
        ? "The customer's carrier refused it. Sending the same message again will fail the same way: check the number, or change the message if it may look like spam."
        : "Bandwidth refused it. Sending the same message again will fail the same way: check the number and the message, or ask an admin about the account's settings.";
    default:
      return "The cause is unclear. Try again later; if it keeps failing, reach the customer another way.";
  }
}

/** Whether to offer "Retry": only where Bandwidth's catalogue says sending again can help. */
export function retryCanHelp(explanation: Pick<ErrorExplanation, "retry">): boolean {
  return explanation.retry === "yes" || explanation.retry === "once";
}
