"use client";

import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type SyntheticEvent,
} from "react";
import { useCurrentUser } from "@/lib/client/account";
import { useConversation } from "@/lib/client/conversations";
import { useSavedReplies, type SavedReply } from "@/lib/client/saved-replies";
import { findSlashTrigger, matchSavedReplies } from "@/lib/client/saved-reply-search";
import { fillTemplate, templateValues, unresolvedPlaceholders } from "@/lib/validations/saved-reply-template";

type Range = { start: number; end: number };

/**
 * Saved replies in the composer: typing `/` (at the start or after a space) opens a list filtered
 * by what follows; the picker button opens the same list with a search box. Inserting fills in
 * the variables and remembers the placeholders left without a value, which stay flagged while
 * the text still has them. While the list is open, Enter and Tab insert and Escape closes it.
 */
export function useSavedReplyInsert({
  conversationId,
  text,
  setText,
}: {
  conversationId: string;
  text: string;
  setText: (text: string) => void;
}) {
  const baseId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const replies = useSavedReplies();
  const conversation = useConversation(conversationId);
  const me = useCurrentUser();
  const [caret, setCaret] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [picker, setPicker] = useState<{ query: string; range: Range } | null>(null);
  const [flagged, setFlagged] = useState<string[]>([]);
  const [caretAfterInsert, setCaretAfterInsert] = useState<{ at: number } | null>(null);

  const all = replies.data ?? [];
  const trigger = picker ? null : findSlashTrigger(text, caret);
  const matches = picker ? matchSavedReplies(all, picker.query) : trigger ? matchSavedReplies(all, trigger.query) : [];
  // A `/` followed by ordinary words that match nothing is just text: the list stays closed.
  const slashOpen =
    trigger !== null && trigger.start !== dismissedAt && (matches.length > 0 || !/\s/.test(trigger.query));
  const open = slashOpen || picker !== null;
  const listShown = open && matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);
  const listboxId = `${baseId}-saved-replies`;
  const optionId = (index: number) => `${baseId}-saved-reply-${index}`;
  const unresolved = flagged.filter((placeholder) => text.includes(placeholder));
  const warningId = `${baseId}-unresolved`;

  // After an insert: the caret goes after the inserted text, in the text box.
  useLayoutEffect(() => {
    const box = textareaRef.current;
    if (!caretAfterInsert || !box) return;
    box.focus();
    box.setSelectionRange(caretAfterInsert.at, caretAfterInsert.at);
  }, [caretAfterInsert]);

  const insert = (reply: SavedReply, range: Range) => {
    const filled = fillTemplate(reply.body, templateValues(conversation.data ?? null, me.data?.name ?? null));
    const next = text.slice(0, range.start) + filled.text + text.slice(range.end);
    const at = range.start + filled.text.length;
    setText(next);
    setCaret(at);
    setCaretAfterInsert({ at });
    setPicker(null);
    // A `/` inside the inserted text does not open the list again.
    setDismissedAt(findSlashTrigger(next, at)?.start ?? null);
    setFlagged((before) => [
      ...new Set([...before.filter((p) => next.includes(p)), ...unresolvedPlaceholders(filled)]),
    ]);
  };

  /** Closes the list; the picker gives the focus back to the text box unless it went elsewhere. */
  const close = (refocus = true) => {
    if (picker) {
      setPicker(null);
      if (refocus) textareaRef.current?.focus();
    } else if (trigger) setDismissedAt(trigger.start);
  };

  const choose = (index: number) => {
    const reply = matches[index];
    if (!reply) return;
    if (picker) insert(reply, picker.range);
    else if (trigger) insert(reply, { start: trigger.start, end: caret });
  };

  /** Arrow keys, Enter, Tab and Escape while the list is open; true when the key was used. */
  const listKeyDown = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && matches.length > 0) {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((Math.max(activeIndex, 0) + step + matches.length) % matches.length);
    } else if ((event.key === "Enter" && !event.shiftKey) || (event.key === "Tab" && matches.length > 0)) {
      // Never sends while the list is open: with nothing to insert, Enter only closes it.
      if (activeIndex >= 0) choose(activeIndex);
      else close();
    } else if (event.key === "Escape") close();
    else return false;
    event.preventDefault();
    return true;
  };

  const trackCaret = (event: SyntheticEvent<HTMLTextAreaElement>) => setCaret(event.currentTarget.selectionStart);

  return {
    matches,
    open,
    listShown,
    picker,
    activeIndex,
    listboxId,
    optionId,
    unresolved,
    warningId,
    loading: replies.isPending,
    error: replies.error,
    choose,
    close,
    listKeyDown,
    setActive,
    setPickerQuery: (query: string) => {
      setPicker((current) => current && { ...current, query });
      setActive(0);
    },
    togglePicker: () => {
      if (picker) return close();
      const box = textareaRef.current;
      setPicker({
        query: "",
        range: { start: box?.selectionStart ?? text.length, end: box?.selectionEnd ?? text.length },
      });
      setActive(0);
    },
    /** Selects a placeholder in the text box, so typing replaces it. */
    selectPlaceholder: (placeholder: string) => {
      const box = textareaRef.current;
      const at = text.indexOf(placeholder);
      if (!box || at < 0) return;
      box.focus();
      box.setSelectionRange(at, at + placeholder.length);
    },
    /** Wraps the composer's own key handler: the list takes its keys first. */
    onKeyDown:
      (next: (event: KeyboardEvent<HTMLTextAreaElement>) => void) => (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (!picker && listKeyDown(event)) return;
        next(event);
      },
    /** Wraps the composer's own change handler: follows the caret for the `/` search. */
    onChange:
      (next: (event: ChangeEvent<HTMLTextAreaElement>) => void) => (event: ChangeEvent<HTMLTextAreaElement>) => {
        next(event);
        const at = event.target.selectionStart;
        setCaret(at);
        setActive(0);
        if (!findSlashTrigger(event.target.value, at)) setDismissedAt(null);
      },
    /** For the text box: its ref, the caret, and how the list relates to it for assistive technology. */
    textareaProps: {
      ref: textareaRef,
      onSelect: trackCaret,
      onBlur: () => {
        if (trigger) setDismissedAt(trigger.start);
      },
      "aria-autocomplete": "list" as const,
      "aria-haspopup": "listbox" as const,
      "aria-controls": slashOpen && listShown ? listboxId : undefined,
      "aria-activedescendant": slashOpen && listShown ? optionId(activeIndex) : undefined,
      "aria-describedby": unresolved.length > 0 ? warningId : undefined,
    },
  };
}

export type SavedReplyInsert = ReturnType<typeof useSavedReplyInsert>;
