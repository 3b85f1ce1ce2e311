import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** An axe scan of the page as it is: no serious or critical violation. */
export async function expectNoSeriousA11yIssues(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    what,
  ).toEqual([]);
}
