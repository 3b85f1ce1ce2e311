import { countSegments } from "@/lib/bandwidth/segments";

export const MAX_TEXT = 2048;

/**
 * What a text costs: encoding, segments and room left, and which characters force UCS-2. An MMS
 * (a group, or attachments) goes as one message whatever its text: no segment talk then.
 */
export function SegmentCounter({ text, mms }: { text: string; mms: "group" | "media" | null }) {
  const info = countSegments(text);
  const length = text.length;
  return (
    <p aria-live="polite" data-testid="segment-counter" className="text-xs text-slate-600 dark:text-slate-400">
      {mms ? (
        <>
          {mms === "group" ? "Group message: sent as one MMS." : "With attachments: sent as one MMS."}
          {length > 0 ? ` ${length} of ${MAX_TEXT} characters.` : ""}
        </>
      ) : (
        <>
          {info.encoding} · {info.segments} segment{info.segments === 1 ? "" : "s"} · {info.remaining} characters left
          in this segment
          {info.nonGsmCharacters.length > 0 ? (
            <span className="block text-amber-800 dark:text-amber-300">
              {info.nonGsmCharacters.map((c) => `“${c}”`).join(" ")} {info.nonGsmCharacters.length === 1 ? "is" : "are"}{" "}
              not in the GSM-7 alphabet, so the whole message is sent as UCS-2 (70 characters per segment instead of
              160).
            </span>
          ) : null}
        </>
      )}
      {text.length > MAX_TEXT ? (
        <span className="block text-red-700 dark:text-red-300">At most {MAX_TEXT} characters.</span>
      ) : null}
    </p>
  );
}
