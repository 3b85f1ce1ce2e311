import { describe, expect, it } from "vitest";
import { fillTemplate, templateValues, unresolvedPlaceholders, type TemplateValues } from "./saved-reply-template";

const oneToOne = { isGroup: false, ownerNumber: "+19195550100", participants: [{ name: "Robin  Hale" }] };
const all: TemplateValues = {
  "contact.name": "Robin Hale",
  "contact.first_name": "Robin",
  "agent.name": "Sam Agent",
  "agent.first_name": "Sam",
  our_number: "(919) 555-0100",
};

describe("saved reply variables", () => {
  it("takes the contact from a one-to-one conversation, the agent's name and our number, formatted", () => {
    expect(templateValues(oneToOne, " Sam  Agent ")).toEqual({
      "contact.name": "Robin  Hale",
      "contact.first_name": "Robin",
      "agent.name": "Sam  Agent",
      "agent.first_name": "Sam",
      our_number: "(919) 555-0100",
    });
  });

  it("has no contact in a group, for an unnamed number, or before the conversation is known", () => {
    const group = { isGroup: true, ownerNumber: "+19195550100", participants: [{ name: "Lee" }, { name: "Kim" }] };
    expect(templateValues(group, "Sam")["contact.name"]).toBeNull();
    expect(templateValues({ ...oneToOne, participants: [{ name: null }] }, "Sam")["contact.first_name"]).toBeNull();
    expect(templateValues({ ...oneToOne, participants: [{ name: "  " }] }, "Sam")["contact.name"]).toBeNull();
    expect(templateValues(null, null)).toEqual({
      "contact.name": null,
      "contact.first_name": null,
      "agent.name": null,
      "agent.first_name": null,
      our_number: null,
    });
  });

  it("fills every variable, with or without spaces inside the braces", () => {
    expect(
      fillTemplate("Hi {{contact.first_name}}, {{ agent.name }} here from {{our_number}}. {{contact.name}}", all),
    ).toEqual({ text: "Hi Robin, Sam Agent here from (919) 555-0100. Robin Hale", missing: [], unknown: [] });
  });

  it("leaves a variable without a value as {{variable}} and names it once", () => {
    const filled = fillTemplate("Hi {{ contact.name }}, {{contact.name}}! — {{agent.first_name}}", {
      ...all,
      "contact.name": null,
    });
    expect(filled).toEqual({
      text: "Hi {{contact.name}}, {{contact.name}}! — Sam",
      missing: ["contact.name"],
      unknown: [],
    });
    expect(unresolvedPlaceholders(filled)).toEqual(["{{contact.name}}"]);
  });

  it("keeps unknown placeholders as written and reports them", () => {
    const filled = fillTemplate("Order {{order.id}} for {{ Contact.Name }} {{}} {{constructor}} {not} {{a{b}}", all);
    expect(filled.text).toBe("Order {{order.id}} for {{ Contact.Name }} {{}} {{constructor}} {not} {{a{b}}");
    expect(filled.missing).toEqual([]);
    expect(filled.unknown).toEqual(["{{order.id}}", "{{ Contact.Name }}", "{{}}", "{{constructor}}"]);
    expect(unresolvedPlaceholders(filled)).toEqual(filled.unknown);
  });

  it("never reads a value as a template or a replacement pattern", () => {
    const filled = fillTemplate("Hi {{contact.name}}", { ...all, "contact.name": "{{agent.name}} $& $1" });
    expect(filled).toEqual({ text: "Hi {{agent.name}} $& $1", missing: [], unknown: [] });
  });

  it("leaves text without placeholders alone", () => {
    expect(fillTemplate("Thanks!\nSee you {soon}.", all)).toEqual({
      text: "Thanks!\nSee you {soon}.",
      missing: [],
      unknown: [],
    });
  });
});
