import { tokenizeMessage } from "@/lib/client/message-links";
import { missedCallbackNotice } from "@/lib/client/missed-callback";
import type { Message } from "@/lib/client/types";
import { gistWithoutText } from "@/lib/messaging/message-gist";

const LINK = "underline underline-offset-2 break-all";

/**
 * A message's text with its http(s) links (new tab, no opener) and phone numbers clickable; a
 * message without text says what it was ("Picture", "No text — sent outside Switchboard").
 */
export function MessageText({ message, outbound }: { message: Message; outbound: boolean }) {
  // A group text another of our numbers sent is ours, in a lighter shade of our colour.
  const colours = outbound
    ? "bg-brand-600 text-white"
    : message.fromOurLine
      ? "bg-brand-100 text-slate-900 dark:bg-slate-700 dark:text-slate-50"
      : "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100";
  const bubble = `max-w-[75%] whitespace-pre-wrap break-words rounded-2xl px-4 py-2 text-sm ${colours}`;
  if (message.missedCallback) {
    const { notice, details } = missedCallbackNotice(message.missedCallback);
    return (
      <div
        data-missed-callback
        className="max-w-[75%] rounded-2xl border border-dashed border-amber-500 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-400 dark:bg-slate-800 dark:text-amber-100"
      >
        <p>{notice}</p>
        {details ? <p className="mt-1 text-xs text-amber-900 dark:text-amber-200">{details}</p> : null}
      </div>
    );
  }
  if (!message.text) {
    if (!outbound && message.media.length > 0) return null;
    const gist = gistWithoutText({
      origin: message.origin,
      contentTypes: message.media.map((file) => file.contentType),
    });
    // Beside the attachments themselves a quiet caption is enough; with nothing to show, a bubble.
    return message.media.length > 0 ? (
      <p data-message-gist className="text-xs text-slate-600 italic dark:text-slate-400">
        {gist}
      </p>
    ) : (
      <div data-message-gist className={`${bubble} italic`}>
        {gist}
      </div>
    );
  }
  return (
    <div className={bubble}>
      {tokenizeMessage(message.text).map((token, index) =>
        token.kind === "text" ? (
          token.text
        ) : token.kind === "url" ? (
          <a key={index} href={token.href} target="_blank" rel="noopener noreferrer" className={LINK}>
            {token.text}
          </a>
        ) : (
          <a key={index} href={token.href} className={LINK}>
            {token.text}
          </a>
        ),
      )}
    </div>
  );
}
