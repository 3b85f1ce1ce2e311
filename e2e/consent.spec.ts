import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, SUPPORT_LINE } from "./support/sandbox";
import { AGENT } from "./support/users";
import {
  TOLL_FREE_LINE,
  shown,
  received,
  inbound,
  openPhone,
  textFromPhone,
  conversationLink,
  composer,
  banner,
  sendThroughApi,
  expectOptedOutRefusal,
} from "./support/consent";

test.use({ storageState: "e2e/.auth/agent.json" });

test("STOP from the phone to a local number: confirmation on the phone, banner and closed composer live, the API refuses; START opens it again; HELP answers", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(90_000);
  const me = customer();
  const hello = `Where is my parcel? ${Date.now()}`;
  await inbound(me, hello);
  await page.goto("/conversations?view=open");
  await conversationLink(page, hello).click();
  await expect(composer(page)).toBeEnabled();
  await expect(banner(page)).toHaveCount(0);

  const phone = await openPhone(context, me, SUPPORT_LINE);
  await textFromPhone(phone, "STOP");
  // The confirmation reaches the phone, sent by Switchboard through the normal send path.
  await expect(phone.locator("#thread .theirs").filter({ hasText: /unsubscribed/i })).toBeVisible({
    timeout: 15_000,
  });
  await expect(phone.locator("#thread .theirs").filter({ hasText: /START/ })).toBeVisible();
  await saveScreen(phone, testInfo, "consent-phone-stop-confirmation");

  // Live in the open conversation: the banner says who, when and how; the reply box is closed.
  await page.bringToFront();
  await expect(banner(page)).toContainText(`${shown(me)} opted out on`);
  await expect(banner(page)).toContainText("by texting STOP");
  await expect(composer(page)).toBeDisabled();
  await expect(page.getByText(/Replies are off: .* opted out on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.getByRole("listitem").filter({ hasText: /^STOP/ }).getByText("Opt-out keyword")).toBeVisible();
  const confirmation = thread.getByRole("listitem").filter({ hasText: /unsubscribed/i });
  await expect(confirmation.locator("[data-author]")).toHaveText("Automatic");
  // The list marks it.
  await expect(conversationLink(page, shown(me)).getByRole("img", { name: "Opted out" })).toBeVisible();
  await saveScreen(page, testInfo, "consent-banner-1280");

  const refused = await sendThroughApi(page.request, me, "One more thing…");
  const message = await expectOptedOutRefusal(refused, [me]);
  expect(message).toContain(shown(me));

  // START: they may be texted again; the phone gets the resubscribe confirmation.
  const before = (await received(me)).length;
  await textFromPhone(phone, "start");
  await expect.poll(async () => (await received(me)).length, { timeout: 15_000 }).toBe(before + 1);
  await expect(banner(page)).toHaveCount(0);
  await expect(composer(page)).toBeEnabled();
  await expect(
    thread
      .getByRole("listitem")
      .filter({ hasText: /^start/ })
      .getByText("Opt-in keyword"),
  ).toBeVisible();
  await expect(conversationLink(page, shown(me)).getByRole("img", { name: "Opted out" })).toHaveCount(0);
  expect((await sendThroughApi(page.request, me, "Welcome back")).status()).toBe(202);

  // HELP: the help answer, and nothing changes.
  const beforeHelp = (await received(me)).length;
  await textFromPhone(phone, "Help");
  await expect.poll(async () => (await received(me)).length, { timeout: 15_000 }).toBeGreaterThan(beforeHelp);
  const helpAnswer = (await received(me)).at(-1);
  expect(helpAnswer).toBeTruthy();
  expect(helpAnswer).not.toMatch(/unsubscribed/i);
  await expect(phone.locator("#thread .theirs").filter({ hasText: helpAnswer ?? "" })).toBeVisible();
  await expect(composer(page)).toBeEnabled();
  await saveScreen(phone, testInfo, "consent-phone-help");
});

test("a message that may be a request to stop shows a hint; one click records the opt-out; opting back in asks for the customer's consent", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000); // three dialogs, live updates and three axe scans
  const me = customer();
  const words = `Please stop texting me about the sale ${Date.now()}`;
  await inbound(me, words);
  await page.goto("/conversations?view=open");
  await conversationLink(page, words).click();
  const bubble = page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: words });
  await expect(bubble.getByText("This may be a request to stop.")).toBeVisible();
  await saveScreen(page, testInfo, "consent-stop-hint");
  await bubble.getByRole("button", { name: "Record opt-out" }).click();
  const dialog = page.getByRole("dialog", { name: `Record an opt-out for ${shown(me)}` });
  await expect(dialog.getByLabel("Reason")).toHaveValue(`Customer wrote: "${words}"`);
  await expectNoSeriousA11yIssues(page, "record opt-out dialog");
  await dialog.getByRole("button", { name: "Record opt-out" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText(`recorded by ${AGENT.name}: Customer wrote:`);
  await expect(composer(page)).toBeDisabled();
  await expect(bubble.getByText("This may be a request to stop.")).toHaveCount(0);

  await banner(page)
    .getByRole("button", { name: `Opt ${shown(me)} back in` })
    .click();
  const optIn = page.getByRole("dialog", { name: `Opt ${shown(me)} back in` });
  await optIn.getByLabel("Reason").fill("Called us to get the sale texts again");
  const confirm = optIn.getByRole("button", { name: "Opt back in" });
  await expect(confirm).toBeDisabled();
  await optIn.getByRole("checkbox", { name: "The customer asked to receive messages again" }).check();
  await expectNoSeriousA11yIssues(page, "opt-in dialog");
  await saveScreen(page, testInfo, "consent-opt-in-dialog");
  await confirm.click();
  await expect(optIn).toHaveCount(0);
  await expect(banner(page)).toHaveCount(0);
  await expect(composer(page)).toBeEnabled();

  // And by hand from the header's menu.
  await page.getByRole("button", { name: "Consent" }).click();
  await page.getByRole("menuitem", { name: `Record opt-out for ${shown(me)}…` }).click();
  const byHand = page.getByRole("dialog", { name: `Record an opt-out for ${shown(me)}` });
  await byHand.getByLabel("Reason").fill("Asked on the phone");
  await byHand.getByRole("button", { name: "Record opt-out" }).click();
  await expect(banner(page)).toContainText(`recorded by ${AGENT.name}: Asked on the phone`);

  // Every change is kept: the history lists all three, newest first.
  await banner(page).getByText("History").click();
  const history = banner(page).getByRole("list", { name: "Consent history" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText(`Opted out on`);
  await expect(history.nth(0)).toContainText(`recorded by ${AGENT.name}: Asked on the phone`);
  await expect(history.nth(1)).toContainText(`Opted back in on`);
  await expect(history.nth(1)).toContainText("Called us to get the sale texts again");
  await expect(history.nth(2)).toContainText("Customer wrote:");
  await expectNoSeriousA11yIssues(page, "banner with the history");
  await saveScreen(page, testInfo, "consent-history");
});

test("a group with someone who opted out is refused, and the composer sends without them", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const [first, leaver, third] = [customer(), customer(), customer()];
  const groupText = `Group plans ${Date.now()}`;
  await inbound(first, groupText, [SUPPORT_LINE, leaver, third]);
  await inbound(leaver, "STOP");
  await expect.poll(async () => (await received(leaver)).length, { timeout: 15_000 }).toBe(1);

  const refused = await sendThroughApi(page.request, [first, leaver, third], "Hello all");
  const words = await expectOptedOutRefusal(refused, [leaver]);
  expect(words).toContain(shown(leaver));

  await page.goto("/conversations?view=open");
  await conversationLink(page, groupText).click();
  await expect(page.getByText(/^Group of 3/)).toBeVisible();
  await expect(banner(page)).toContainText(`${shown(leaver)} opted out on`);
  await expect(page.getByText(`This group cannot be texted: ${shown(leaver)} opted out.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  await composer(page).fill("The plan still stands for the two of you");
  await saveScreen(page, testInfo, "consent-group-1280");
  await page.getByRole("button", { name: "Send without them" }).click();
  // The others' conversation (new) opens with the message in it.
  await expect(page.getByText(/^Group of 2/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText(shown(leaver));
  await expect(
    page.getByRole("list", { name: "Messages" }).getByText("The plan still stands for the two of you"),
  ).toBeVisible();
  await expect(page).toHaveURL(/view=open/);

  // The same from "New message": the refusal in words and the offer.
  await page.goto("/conversations/new?view=open");
  await page.getByLabel("From").selectOption(SUPPORT_LINE);
  const recipients = page.getByLabel("To", { exact: true });
  for (const number of [first, leaver]) {
    await recipients.fill(number);
    await recipients.press("Enter");
  }
  await page.getByLabel("Message", { exact: true }).fill("Starting fresh");
  await page.getByRole("button", { name: "Send to 2 people" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Not sent: / })).toContainText(shown(leaver));
  await expect(page.getByRole("alert").filter({ hasText: /^Not sent: / })).not.toContainText("opted_out");
  await saveScreen(page, testInfo, "consent-new-conversation-refused");
  await page.getByRole("button", { name: "Send without them" }).click();
  await expect(page.getByRole("list", { name: "Messages" }).getByText("Starting fresh")).toBeVisible();
});

test("STOP to the toll-free number: recorded (banner), Bandwidth's own reply on the phone, and no reply from Switchboard", async ({
  page,
}, testInfo) => {
  const me = customer();
  const hello = `Toll-free hello ${Date.now()}`;
  await inbound(me, hello, [TOLL_FREE_LINE]);
  await page.goto("/conversations?view=open");
  await conversationLink(page, hello).click();
  await expect(composer(page)).toBeEnabled();
  await inbound(me, "Stop", [TOLL_FREE_LINE]);
  await expect(banner(page)).toContainText(`${shown(me)} opted out on`);
  await expect(composer(page)).toBeDisabled();
  // The sandbox answers as Bandwidth does for toll-free; Switchboard sends nothing of its own.
  await expect.poll(async () => (await received(me)).length, { timeout: 15_000 }).toBe(1);
  expect((await received(me))[0]).toMatch(/^NETWORK MSG: .*STOP/);
  await page.waitForTimeout(1_500);
  expect(await received(me)).toHaveLength(1);
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.locator("[data-author]").filter({ hasText: "Automatic" })).toHaveCount(0);
  await saveScreen(page, testInfo, "consent-toll-free-banner");
  const refused = await sendThroughApi(page.request, me, "Are you sure?", TOLL_FREE_LINE);
  await expectOptedOutRefusal(refused, [me]);
});
