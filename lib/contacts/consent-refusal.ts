import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { HttpError } from "@/lib/errors";
import type { OptedOutError, OptOutView } from "@/lib/validations/consent";

/** The 422 for a send to opted-out numbers: each named, with when and how they opted out. */
export function optedOutError(optedOut: OptOutView[], group: boolean): HttpError {
  const described = optedOut.map(describeOptOut).join("; ");
  const message = group
    ? `Not sent: ${described}. Leave ${optedOut.length === 1 ? "them" : "those participants"} out to send to the others.`
    : `Not sent: ${described}.`;
  const body: OptedOutError = { error: "opted_out", message, optedOut };
  return new HttpError(422, "opted_out", message, undefined, body);
}

/** "+1 (919) 555-0123 opted out on 30 Nov 2026, 22:31 UTC by texting an opt-out keyword (STOP)". */
export function describeOptOut(optOut: OptOutView): string {
  const when = new Date(optOut.at).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
  return `${formatPhoneNumber(optOut.phoneNumber)} opted out${optOut.ourNumber ? ` of ${formatPhoneNumber(optOut.ourNumber)}` : ""} on ${when} UTC ${how(optOut)}`;
}

function how(optOut: OptOutView): string {
  const reason = optOut.reason ? `: ${optOut.reason}` : "";
  switch (optOut.source) {
    case "keyword":
      return "by texting an opt-out keyword (STOP)";
    case "carrier":
      return "(the carrier refused a delivery: the customer opted out, error 4775)";
    case "agent":
      return `(recorded by ${optOut.byName ?? "an agent"}${reason})`;
    case "import":
      return `(imported from an opt-out list${optOut.byName ? ` by ${optOut.byName}` : ""}${reason})`;
  }
}
