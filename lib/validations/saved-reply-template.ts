import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";

// Variables in saved replies, filled in when an agent inserts one into the composer. Pure: the
// composer fills, /saved-replies documents and previews, and both share this list.

/** Each variable, what it becomes, and an example of it. */
export const TEMPLATE_VARIABLES = {
  "contact.name": {
    becomes: "The contact's name, as agents named their number. None in a group conversation or for an unnamed number.",
    example: "Robin Hale",
  },
  "contact.first_name": { becomes: "The first word of the contact's name.", example: "Robin" },
  "agent.name": { becomes: "Your name, as it is on your account.", example: "Sam Agent" },
  "agent.first_name": { becomes: "The first word of your name.", example: "Sam" },
  our_number: {
    becomes: "Our number the conversation is on, formatted for people.",
    example: "(919) 555-0100",
  },
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Record<TemplateVariable, string | null>;

export const placeholderOf = (variable: string) => `{{${variable}}}`;

/** `{{ name }}`: anything but braces between double braces, spaces inside allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The values for one conversation: the contact is the single participant of a one-to-one
 * conversation who has a name; in a group, or before the conversation has loaded, there is none.
 */
export function templateValues(
  conversation: { isGroup: boolean; ownerNumber: string; participants: Array<{ name: string | null }> } | null,
  agentName: string | null,
): TemplateValues {
  const contact = conversation && !conversation.isGroup && conversation.participants.length === 1;
  const contactName = contact ? nonEmpty(conversation.participants[0]?.name) : null;
  const agent = nonEmpty(agentName);
  return {
    "contact.name": contactName,
    "contact.first_name": firstWord(contactName),
    "agent.name": agent,
    "agent.first_name": firstWord(agent),
    our_number: conversation ? formatPhoneNumber(conversation.ownerNumber) : null,
  };
}

export type FilledTemplate = {
  text: string;
  /** Known variables without a value: left in the text as `{{variable}}` for the agent to replace. */
  missing: TemplateVariable[];
  /** Placeholders that are no variable of ours, left as they were written. */
  unknown: string[];
};

/** Replaces each variable with its value, once (a value is never read as a template itself). */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole: string, name: string) => {
    if (!isTemplateVariable(name)) {
      unknown.add(whole);
      return whole;
    }
    const value = values[name];
    if (value) return value;
    missing.add(name);
    return placeholderOf(name);
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** The placeholders a fill left in the text, as they appear there: what the agent must replace. */
export function unresolvedPlaceholders(filled: FilledTemplate): string[] {
  return [...filled.missing.map(placeholderOf), ...filled.unknown];
}

function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function firstWord(value: string | null): string | null {
  return value?.split(/\s+/)[0] ?? null;
}
