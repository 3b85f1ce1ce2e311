"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { FormProblem } from "@/components/ui/form-problem";
import { TextField } from "@/components/ui/text-field";
import { useCreateSavedReply, useUpdateSavedReply, type SavedReply } from "@/lib/client/saved-replies";
import {
  SAVED_REPLY_BODY_MAX,
  SAVED_REPLY_NAME_MAX,
  savedReplyCreateSchema,
  savedReplyUpdateSchema,
} from "@/lib/validations/saved-replies";
import { TEMPLATE_VARIABLES, fillTemplate, type TemplateValues } from "@/lib/validations/saved-reply-template";
import { apiProblemInWords } from "@/lib/client/api-problem";

type ZodIssue = { path: PropertyKey[]; message: string };
type FieldErrors = Partial<Record<"name" | "body", string>>;

const EXAMPLES = Object.fromEntries(
  Object.entries(TEMPLATE_VARIABLES).map(([variable, { example }]) => [variable, example]),
) as TemplateValues;

/**
 * Adds a reply (personal, or the team's) or edits one, checked with the same contract as the API
 * before it is sent.
 */
export function SavedReplyForm({
  scope,
  reply,
  onDone,
}: {
  scope: "personal" | "team";
  reply?: SavedReply;
  onDone?: () => void;
}) {
  const id = useId();
  const create = useCreateSavedReply();
  const update = useUpdateSavedReply();
  const mutation = reply ? update : create;
  const [body, setBody] = useState(reply?.body ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const unknown = fillTemplate(body, EXAMPLES).unknown;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = { name: new FormData(formElement).get("name"), body };
    const done = () => {
      if (!reply) {
        formElement.reset();
        setBody("");
      }
      onDone?.();
    };
    if (reply) {
      const parsed = savedReplyUpdateSchema.safeParse(values);
      if (show(parsed)) update.mutate({ id: reply.id, ...parsed.data }, { onSuccess: done });
    } else {
      const parsed = savedReplyCreateSchema.safeParse({ ...values, scope });
      if (show(parsed)) create.mutate(parsed.data, { onSuccess: done });
    }
  };

  /** Shows the fields' problems; true when there are none. */
  const show = <T,>(
    parsed: { success: true; data: T } | { success: false; error: { issues: ZodIssue[] } },
  ): parsed is { success: true; data: T } => {
    const found: FieldErrors = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "name" || field === "body") && !found[field]) found[field] = apiProblemInWords(issue.message);
      }
    setErrors(found);
    return parsed.success;
  };

  const label = reply ? `Edit ${reply.name}` : scope === "team" ? "Add a team reply" : "Add a personal reply";
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="flex flex-col gap-3">
      <TextField
        label="Name"
        name="name"
        defaultValue={reply?.name}
        maxLength={SAVED_REPLY_NAME_MAX}
        required
        autoFocus={reply !== undefined}
        error={errors.name}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-body`} className="text-sm font-medium text-slate-700 dark:text-slate-200">
          Text
        </label>
        <textarea
          id={`${id}-body`}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={4}
          maxLength={SAVED_REPLY_BODY_MAX}
          required
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-body-help${errors.body ? ` ${id}-body-error` : ""}`}
          placeholder="Hi {{contact.first_name}}, thanks for your message! — {{agent.first_name}}"
          className={`resize-y px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500 ${controlClass}`}
        />
        <p id={`${id}-body-help`} className="text-xs text-slate-600 dark:text-slate-400">
          {unknown.length > 0
            ? `${unknown.join(", ")} ${unknown.length === 1 ? "is not a variable" : "are not variables"}: inserted as written.`
            : "Variables, like {{contact.first_name}}, are filled in when you insert the reply."}
        </p>
        {errors.body ? (
          <p id={`${id}-body-error`} className="text-sm text-red-700 dark:text-red-400">
            {errors.body}
          </p>
        ) : null}
      </div>
      <FormProblem error={mutation.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : reply ? "Save" : "Add"}
        </Button>
        {reply ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
