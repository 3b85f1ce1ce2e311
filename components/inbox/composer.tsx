"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { AttachButton, AttachmentDropZone, AttachmentTray, pasteFiles } from "@/components/inbox/attachment-tray";
import { ComposerModeToggle, useNoteShortcut, type ComposerMode } from "@/components/inbox/composer-mode-toggle";
import { NOTE_TEXT_ID, NoteComposer } from "@/components/inbox/note-composer";
import { SavedReplyPickerButton, SavedReplyPopup } from "@/components/inbox/saved-reply-picker";
import { MAX_TEXT, SegmentCounter } from "@/components/inbox/segment-counter";
import { useSavedReplyInsert } from "@/components/inbox/use-saved-reply-insert";
import { ComposerConsentNotice, type ComposerConsent } from "@/components/consent/composer-consent";
import { useAttachments } from "@/lib/client/attachments";
import { optedOutRefusal } from "@/lib/client/consent";
import { useReply } from "@/lib/client/messages";
import { controlClass } from "@/components/ui/control";

/**
 * Reply box: Enter sends, Shift+Enter breaks the line; a live segment count shows the cost. Files
 * attach by the button, by dropping them on the box, or by pasting; each uploads at once. Its Note
 * mode (or `n` anywhere outside a text field) writes an internal note instead; each mode keeps its
 * draft. A reply to someone who opted out is not possible: the box says why (a group offers to send
 * to the others).
 */
export function Composer({
  conversationId,
  isGroup,
  tollFree,
  consent,
  cannotReply = null,
  onTyping,
}: {
  conversationId: string;
  isGroup: boolean;
  tollFree: boolean;
  consent?: ComposerConsent;
  /** Why this agent cannot reply here at all (not allowed to send from our number, …), in words. */
  cannotReply?: string | null;
  /** Called on each edit of the text (presence: "replying…"). */
  onTyping?: () => void;
}) {
  const [text, setText] = useState("");
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [noteDraft, setNoteDraft] = useState("");
  const focusAfterSwitch = useRef(false);
  const reply = useReply(conversationId);
  const attachments = useAttachments({ tollFree });
  const savedReplies = useSavedReplyInsert({ conversationId, text, setText });
  const tooLong = text.length > MAX_TEXT;
  const hasContent = text.trim() !== "" || attachments.mediaIds.length > 0;
  const optedOut = consent?.optedOut ?? [];
  const refusal = optedOutRefusal(reply.error);
  const closed = (optedOut.length > 0 && !isGroup) || cannotReply !== null;
  const blocked =
    tooLong ||
    attachments.busy ||
    attachments.failed ||
    attachments.problems.length > 0 ||
    optedOut.length > 0 ||
    cannotReply !== null ||
    (refusal !== null && isGroup);

  // Who opted out changed (a START, an opt-in by hand): an old refusal no longer stands.
  const optedOutKey = optedOut.map((view) => view.phoneNumber).join(",");
  const { reset } = reply;
  useEffect(() => reset(), [optedOutKey, reset]);

  const send = () => {
    if (!hasContent || blocked || reply.isPending) return;
    reply.mutate(
      { text, mediaIds: attachments.mediaIds },
      {
        onSuccess: () => {
          setText("");
          attachments.clear();
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const switchMode = (next: ComposerMode, focus: boolean) => {
    focusAfterSwitch.current = focus;
    if (next === mode && focus) focusTextOf(next);
    setMode(next);
  };
  useNoteShortcut(() => switchMode("note", true));
  // After a switch by the mouse or the shortcut, the new mode's text box takes the focus.
  useEffect(() => {
    if (focusAfterSwitch.current) focusTextOf(mode);
    focusAfterSwitch.current = false;
  }, [mode]);
  const modeToggle = <ComposerModeToggle mode={mode} onChange={switchMode} />;

  if (mode === "note") {
    return (
      <NoteComposer
        conversationId={conversationId}
        draft={noteDraft}
        onDraftChange={setNoteDraft}
        modeToggle={modeToggle}
      />
    );
  }

  return (
    <AttachmentDropZone attachments={attachments} className="border-t border-slate-200 dark:border-slate-800">
      <form onSubmit={onSubmit} className="p-3" aria-label="Reply">
        {reply.isError && !refusal ? (
          <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
            Not sent: {reply.error.message}
          </p>
        ) : null}
        {consent ? (
          <ComposerConsentNotice
            consent={consent}
            isGroup={isGroup}
            text={text}
            mediaIds={attachments.mediaIds}
            refusal={refusal}
            onSent={() => {
              setText("");
              attachments.clear();
            }}
          />
        ) : null}
        {cannotReply ? (
          <p id="composer-cannot-reply" className="mb-2 text-sm text-amber-900 dark:text-amber-200">
            Replies are off here: {cannotReply}
          </p>
        ) : null}
        {modeToggle}
        <AttachmentTray attachments={attachments} />
        <SavedReplyPopup replies={savedReplies} />
        <label htmlFor="composer-text" className="sr-only">
          Message
        </label>
        <textarea
          id="composer-text"
          value={text}
          onChange={savedReplies.onChange((event) => {
            setText(event.target.value);
            onTyping?.();
          })}
          onKeyDown={savedReplies.onKeyDown(onKeyDown)}
          onPaste={pasteFiles(attachments)}
          rows={closed ? 1 : 3}
          disabled={closed}
          placeholder={
            cannotReply
              ? "Replies are off here (internal notes still work)"
              : closed
                ? "Replies are off: this customer opted out"
                : "Write a reply — Enter sends, Shift+Enter for a new line, / for saved replies"
          }
          // Grows with the draft up to about ten lines (then scrolls), where the browser can.
          className={`w-full resize-y px-3 py-2 text-sm disabled:cursor-not-allowed disabled:opacity-60 ${closed ? "" : "field-sizing-content max-h-40 min-h-20 sm:max-h-56"} ${controlClass}`}
          {...savedReplies.textareaProps}
          aria-describedby={
            [
              savedReplies.textareaProps["aria-describedby"],
              optedOut.length > 0 || refusal ? "composer-consent" : null,
              cannotReply ? "composer-cannot-reply" : null,
            ]
              .filter(Boolean)
              .join(" ") || undefined
          }
        />
        {/* On a phone the counter takes its own line under the buttons, and Send stays beside them. */}
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          {closed ? null : (
            <>
              <AttachButton attachments={attachments} id="composer-files" />
              <SavedReplyPickerButton replies={savedReplies} />
              <div className="order-last basis-full sm:order-none sm:basis-auto sm:flex-1">
                <SegmentCounter text={text} mms={isGroup ? "group" : attachments.items.length > 0 ? "media" : null} />
              </div>
            </>
          )}
          <button
            type="submit"
            disabled={!hasContent || blocked || reply.isPending}
            className="ml-auto rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {reply.isPending ? "Sending…" : attachments.busy ? "Uploading…" : "Send"}
          </button>
        </div>
      </form>
    </AttachmentDropZone>
  );
}

function focusTextOf(mode: ComposerMode) {
  document.getElementById(mode === "note" ? NOTE_TEXT_ID : "composer-text")?.focus();
}
