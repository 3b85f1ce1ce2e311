"use client";

import { useState } from "react";
import { ConsentDialog, type ConsentRequest } from "@/components/consent/consent-dialog";
import { MenuItems } from "@/components/ui/menu";
import { PopoverPanel, usePopover } from "@/components/ui/popover";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { OptOutView } from "@/lib/validations/consent";

type Participant = { phoneNumber: string; name: string | null };

/**
 * The header's "Consent" menu: record an opt-out by hand (each participant of a group on its own),
 * or opt back in someone who opted out. Each choice opens the dialog that asks for the reason.
 */
export function ConsentMenu({
  participants,
  optedOut,
  ourNumber,
  buttonClassName,
}: {
  participants: Participant[];
  optedOut: OptOutView[];
  ourNumber: string;
  buttonClassName: string;
}) {
  const popover = usePopover();
  const [request, setRequest] = useState<ConsentRequest | null>(null);
  const out = new Set(optedOut.map((view) => view.phoneNumber));
  const choose = (next: ConsentRequest) => {
    popover.close(false);
    setRequest(next);
  };
  const who = (participant: Participant) =>
    participant.name
      ? `${participant.name} (${formatPhoneNumber(participant.phoneNumber)})`
      : formatPhoneNumber(participant.phoneNumber);
  return (
    <div className="relative">
      <button type="button" {...popover.triggerProps} aria-haspopup="menu" className={buttonClassName}>
        Consent <span aria-hidden>▾</span>
      </button>
      {popover.open ? (
        <PopoverPanel panelProps={popover.panelProps} align="end">
          <MenuItems
            label="Consent"
            items={participants.map((participant) => {
              const optIn = out.has(participant.phoneNumber);
              const base = { phoneNumber: participant.phoneNumber, ourNumber, name: participant.name };
              return {
                id: participant.phoneNumber,
                label: optIn ? `Opt ${who(participant)} back in…` : `Record opt-out for ${who(participant)}…`,
                onSelect: () => choose({ ...base, action: optIn ? "opt_in" : "opt_out" }),
              };
            })}
          />
        </PopoverPanel>
      ) : null}
      {request ? <ConsentDialog request={request} onClose={() => setRequest(null)} /> : null}
    </div>
  );
}
