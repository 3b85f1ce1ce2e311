import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";

test.use({ storageState: "e2e/.auth/agent.json" });

const picture = (colour: string, width: number, height: number, noise = false) =>
  (noise
    ? sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), {
        raw: { width, height, channels: 3 },
      })
    : sharp({ create: { width, height, channels: 3, background: colour } })
  )
    .png()
    .toBuffer();

/** A conversation of its own: a customer texts in, the agent opens it. */
async function openFreshConversation(page: Page, text: string) {
  const from = customer();
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  await page.goto("/conversations?view=open");
  const item = page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text });
  await item.click();
  await expect(page.getByRole("list", { name: "Messages" }).getByText(text)).toBeVisible();
  return from;
}

test("attach by picker (with upload progress) and by paste, preview, send, and see the thumbnails in the thread", async ({
  page,
}, testInfo) => {
  const from = await openFreshConversation(page, `Can you send the label? ${Date.now()}`);
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/uploads") && request.method() === "POST") uploads.push(request.url());
  });

  // A slow uplink, so the progress bar is seen moving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 200 * 1024,
  });
  const label = await picture("#000", 420, 420, true);
  await page
    .locator("#composer-files")
    .setInputFiles({ name: "shipping-label.png", mimeType: "image/png", buffer: label });
  const tray = page.getByRole("list", { name: "Attachments" }).first();
  await expect(tray.getByRole("img", { name: "Preview of shipping-label.png" })).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "Uploading shipping-label.png" });
  await expect(progress).toBeVisible();
  await expect(page.getByRole("button", { name: "Uploading…" })).toBeDisabled();
  await saveScreen(page, testInfo, "media-composer-uploading");
  await expect(progress).toHaveCount(0, { timeout: 20_000 });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  // Paste a screenshot into the text box.
  const pasted = (await picture("#7c3aed", 800, 500)).toString("base64");
  await page.getByRole("textbox", { name: "Message", exact: true }).evaluate((box, base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], "screenshot.png", { type: "image/png" }));
    box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(tray.getByRole("img", { name: "Preview of screenshot.png" })).toBeVisible();
  await expect(tray.locator("[data-attachment-status=ready]")).toHaveCount(2);
  expect(uploads).toHaveLength(2);
  await expect(page.getByTestId("segment-counter")).toContainText("With attachments: sent as one MMS.");
  await saveScreen(page, testInfo, "media-composer-two-attachments");
  await expectNoSeriousA11yIssues(page, "composer with attachments");

  await page
    .getByRole("textbox", { name: "Message", exact: true })
    .fill("Here is your return label and where to stick it.");
  await page.getByRole("textbox", { name: "Message", exact: true }).press("Enter");
  const thread = page.getByRole("list", { name: "Messages" });
  const sent = thread.getByRole("listitem").filter({ hasText: "Here is your return label" }).first();
  for (const name of ["shipping-label.png", "screenshot.png"]) {
    await expect
      .poll(() =>
        sent
          .getByRole("button", { name: `Open ${name} full size` })
          .getByRole("img")
          .evaluate((image: HTMLImageElement) => image.naturalWidth),
      )
      .toBeGreaterThan(0);
  }
  await expect(sent.getByRole("img", { name: "Delivered" })).toBeVisible({ timeout: 15_000 });
  // The thread followed the new message down, pictures and all.
  await expect(sent.getByRole("img", { name: "Delivered" })).toBeInViewport();
  await expect(page.getByRole("list", { name: "Attachments" })).toHaveCount(1); // the tray is empty again
  await saveScreen(page, testInfo, "media-sent-with-thumbnails");

  // Bandwidth got the files through its media API, and the message named them.
  const { body } = await sandbox(`/sandbox/messages?number=${encodeURIComponent(from)}`);
  const outbound = (body as Array<{ message: { direction: string; media?: string[] } }>).find(
    (entry) => entry.message.direction === "out",
  );
  expect(outbound?.message.media).toHaveLength(2);
  expect(
    outbound?.message.media?.every((url) => /\/media\/[0-9a-f-]{36}-(shipping-label|screenshot)\.png$/.test(url)),
  ).toBe(true);
});

test("too large or the wrong kind: refused with the reason before any upload", async ({ page }, testInfo) => {
  await openFreshConversation(page, `Big files coming ${Date.now()}`);
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/uploads")) uploads.push(request.url());
  });
  await page.locator("#composer-files").setInputFiles([
    { name: "scan.png", mimeType: "image/png", buffer: Buffer.alloc(3_600_000, 1) },
    { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
  ]);
  const alert = page.getByRole("form", { name: "Reply" }).getByRole("alert");
  await expect(alert).toContainText("scan.png is 3.6 MB; Bandwidth takes at most 3.5 MB per file.");
  await expect(alert).toContainText("setup.exe cannot be sent by MMS");
  expect(uploads).toEqual([]);
  await saveScreen(page, testInfo, "media-refused-before-upload");
});

test("drop a file on the composer to attach it", async ({ page }) => {
  await openFreshConversation(page, `Dropping a file ${Date.now()}`);
  const base64 = (await picture("#be123c", 300, 200)).toString("base64");
  await page.getByRole("form", { name: "Reply" }).evaluate((form, data64) => {
    const bytes = Uint8Array.from(atob(data64), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], "dropped.png", { type: "image/png" }));
    const zone = form.parentElement!;
    zone.dispatchEvent(new DragEvent("dragenter", { dataTransfer: data, bubbles: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, base64);
  await expect(page.getByRole("img", { name: "Preview of dropped.png" })).toBeVisible();
  await expect(page.locator("[data-attachment-status=ready]")).toHaveCount(1);
});

test("inbound files are served from our copy with the right headers, to signed-in users only, and outlive Bandwidth's", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  const text = `Warranty card and clip ${Date.now()}`;
  const photo = await picture("#0369a1", 1024, 768);
  const clip = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(20_000, 3)]);
  const card = Buffer.from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL:+15555550123\r\nEND:VCARD\r\n");
  await sandbox("/sandbox/inbound", {
    body: {
      from: customer(),
      to: [SUPPORT_LINE],
      text,
      media: [
        { filename: "card-front.png", contentType: "image/png", base64: photo.toString("base64") },
        { filename: "unboxing.mp4", contentType: "video/mp4", base64: clip.toString("base64") },
        { filename: "Ada Lovelace.vcf", contentType: "text/vcard", base64: card.toString("base64") },
        {
          filename: "mms.smil",
          contentType: "application/smil",
          base64: Buffer.from("<smil><body/></smil>").toString("base64"),
        },
      ],
    },
  });
  await page.goto("/conversations?view=open");
  await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text }).click();
  const message = page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: text }).first();
  const attachments = message.getByRole("list", { name: "Attachments" });
  await expect(attachments.getByRole("listitem")).toHaveCount(3); // the SMIL layout is not an attachment
  await expect(
    attachments.getByRole("button", { name: "Open card-front.png full size" }).getByRole("img"),
  ).toBeVisible();
  await expect(attachments.getByRole("button", { name: "Play unboxing.mp4" })).toContainText("20 KB");
  const download = attachments.getByRole("link", { name: /Download Ada Lovelace\.vcf/ });
  await expect(download).toBeVisible();
  await saveScreen(page, testInfo, "media-inbound-tiles");

  const imageUrl = (await attachments
    .getByRole("button", { name: "Open card-front.png full size" })
    .getByRole("img")
    .getAttribute("src"))!.replace(/\/thumbnail$/, "");
  const image = await page.request.get(imageUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject({
    "content-type": "image/png",
    "content-disposition": `inline; filename="card-front.png"; filename*=UTF-8''card-front.png`,
    "x-content-type-options": "nosniff",
    "accept-ranges": "bytes",
  });
  expect(Buffer.from(await image.body()).equals(photo)).toBe(true);
  expect((await page.request.get(imageUrl, { headers: { "if-none-match": image.headers().etag! } })).status()).toBe(
    304,
  );
  const vcard = await page.request.get((await download.getAttribute("href"))!);
  expect(vcard.headers()["content-disposition"]).toBe(
    `attachment; filename="Ada Lovelace.vcf"; filename*=UTF-8''Ada%20Lovelace.vcf`,
  );
  expect(vcard.headers()["content-type"]).toBe("text/vcard");

  // Someone signed out gets nothing; a guessed id is simply not found.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anonymous.get(imageUrl)).status()).toBe(401);
  await anonymous.dispose();
  expect((await page.request.get("/api/media/3f1e1c5a-0000-4000-8000-000000000000")).status()).toBe(404);
  expect((await page.request.get("/api/media/..%2f..%2fetc%2fpasswd")).status()).toBe(404);

  // Bandwidth's 48 hours pass (the sandbox drops every file): ours are still there.
  await sandbox("/sandbox/media", { method: "DELETE" });
  await page.reload();
  await expect
    .poll(() =>
      page
        .getByRole("button", { name: "Open card-front.png full size" })
        .getByRole("img")
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(640);
});

test("at phone width, a sent picture stays in view at the bottom of the thread", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tall = await sharp({ create: { width: 900, height: 1200, channels: 3, background: "#4d7c0f" } })
    .jpeg()
    .toBuffer();
  const text = `Here is the broken hinge ${Date.now()}`;
  await sandbox("/sandbox/inbound", {
    body: {
      from: customer(),
      to: [SUPPORT_LINE],
      text,
      media: [{ filename: "hinge.jpg", contentType: "image/jpeg", base64: tall.toString("base64") }],
    },
  });
  await page.goto("/conversations?view=open");
  await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text }).click();
  await expect(page.getByRole("button", { name: "Open hinge.jpg full size" })).toBeVisible();
  await page.locator("#composer-files").setInputFiles({ name: "tall.jpg", mimeType: "image/jpeg", buffer: tall });
  await expect(page.locator("[data-attachment-status=ready]")).toHaveCount(1);
  await page.getByRole("textbox", { name: "Message", exact: true }).press("Enter");
  const sent = page.getByRole("list", { name: "Messages" }).locator("[data-message-id]").last();
  await expect(sent.getByRole("button", { name: "Open tall.jpg full size" })).toBeVisible();
  await expect(sent.getByRole("img", { name: "Delivered" })).toBeInViewport({ timeout: 15_000 });
  await saveScreen(page, testInfo, "media-phone-width-sent");
});
