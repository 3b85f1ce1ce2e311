import type { SandboxState } from "../state";

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const DEFAULT_CUSTOMER = "+19195550123";

function ourNumbers(state: SandboxState): string {
  const seen = new Set<string>();
  const rows: string[] = [];
  for (const application of state.applications.values()) {
    for (const number of application.numbers) {
      if (seen.has(number)) continue;
      seen.add(number);
      const checked = rows.length === 0 ? " checked" : "";
      rows.push(
        `<label class="check"><input type="checkbox" name="ours" value="${escapeHtml(number)}"${checked}> <span>${escapeHtml(number)}</span> <small>${escapeHtml(application.name)}</small></label>`,
      );
    }
  }
  return rows.length
    ? rows.join("")
    : `<p class="muted">No numbers yet: add an application with numbers (PUT /sandbox/applications/:id).</p>`;
}

// The browser script below is plain JS inside a template string: it avoids backticks, "${" and backslashes.
const SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var thread = $("thread"), errorBox = $("error"), form = $("composer"), text = $("text"), files = $("files"), send = $("send");
  var customer = $("customer"), others = $("others");
  var lastKey = "", lastCount = -1;

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined) node.textContent = content;
    return node;
  }
  function me() { return customer.value.trim(); }
  function fileName(url) {
    var last = String(url).split("?")[0].split("/").pop() || String(url);
    try { return decodeURIComponent(last); } catch (e) { return last; }
  }
  function when(time) {
    var date = new Date(time);
    return isNaN(date.getTime()) ? String(time) : date.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  }
  function showError(lines) {
    errorBox.replaceChildren();
    lines.forEach(function (line) { errorBox.appendChild(el("div", "", line)); });
    errorBox.hidden = lines.length === 0;
  }

  function render(records) {
    var number = me(), seen = {}, shown = [];
    records.forEach(function (record) {
      var m = record.message;
      // A group MMS reaching several of our numbers is stored once per number: show it once.
      var key = m.direction === "in" ? [m.from, m.time, m.text, m.to.join(","), (m.media || []).map(fileName).join(",")].join("|") : m.id;
      if (seen[key]) return;
      seen[key] = true;
      shown.push(record);
    });
    var atBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 40;
    thread.replaceChildren();
    if (shown.length === 0) {
      thread.appendChild(el("p", "empty", number ? "No messages with " + number + " yet. Say hello below." : "Enter your number above."));
    }
    shown.forEach(function (record) {
      var m = record.message, mine = m.direction === "in" && m.from === number;
      var bubble = el("div", "msg " + (mine ? "mine" : "theirs"));
      if (!mine) bubble.appendChild(el("div", "meta", "From " + m.from));
      if (m.text) bubble.appendChild(el("div", "text", m.text));
      if (m.media && m.media.length) {
        var chips = el("div", "chips");
        m.media.forEach(function (url) { chips.appendChild(el("span", "chip", fileName(url))); });
        bubble.appendChild(chips);
      }
      var meta = when(m.time);
      if (m.to.length > 1) meta += " · group of " + (m.to.length + 1);
      if (m.direction === "out") meta += " · " + ((record.outcomes || {})[number] || "sending…");
      bubble.appendChild(el("div", "meta", meta));
      thread.appendChild(bubble);
    });
    if (shown.length !== lastCount || atBottom) thread.scrollTop = thread.scrollHeight;
    lastCount = shown.length;
  }

  function refresh() {
    var number = me();
    if (!number) { render([]); return Promise.resolve(); }
    return fetch("/sandbox/messages?number=" + encodeURIComponent(number), { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status)); })
      .then(function (records) {
        var key = number + JSON.stringify(records);
        if (key !== lastKey) { lastKey = key; render(records); }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var url = String(reader.result);
        resolve({ filename: file.name, contentType: file.type || "application/octet-stream", base64: url.slice(url.indexOf(",") + 1) });
      };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  function submit() {
    if (send.disabled) return;
    var ours = Array.prototype.map.call(document.querySelectorAll("input[name=ours]:checked"), function (box) { return box.value; });
    var extra = others.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    showError([]);
    send.disabled = true;
    Promise.all(Array.prototype.map.call(files.files || [], readFile))
      .then(function (media) {
        return fetch("/sandbox/inbound", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ from: me(), to: ours.concat(extra), text: text.value, media: media }),
        });
      })
      .then(function (r) {
        if (r.ok) { form.reset(); lastCount = -1; return refresh(); }
        return r.json().catch(function () { return {}; }).then(function (body) {
          var lines = [body.description || "The sandbox answered HTTP " + r.status];
          (body.fieldErrors || []).forEach(function (f) { lines.push(f.fieldName + ": " + f.description); });
          showError(lines);
        });
      })
      .catch(function (e) { showError(["Could not send: " + (e && e.message ? e.message : e)]); })
      .then(function () { send.disabled = false; text.focus(); });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
  });
  customer.addEventListener("change", function () { lastKey = ""; lastCount = -1; refresh(); });

  var tests = $("tests"), loaded = false;
  tests.addEventListener("toggle", function () {
    if (!tests.open || loaded) return;
    loaded = true;
    fetch("/sandbox/test-numbers").then(function (r) { return r.json(); }).then(function (rows) {
      var table = el("table"), head = el("tr");
      ["Number", "Code", "Error"].forEach(function (h) { head.appendChild(el("th", "", h)); });
      table.appendChild(head);
      rows.forEach(function (row) {
        var tr = el("tr");
        tr.appendChild(el("td", "mono", row.number));
        tr.appendChild(el("td", "", String(row.code)));
        var td = el("td", "", row.description);
        if (row.friendlyDescription) td.appendChild(el("div", "muted", row.friendlyDescription));
        tr.appendChild(td);
        table.appendChild(tr);
      });
      $("test-table").replaceChildren(table);
    }).catch(function () { loaded = false; $("test-table").textContent = "Could not load the test numbers."; });
  });

  refresh();
  setInterval(refresh, 2000);
})();
`;

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f4f6; --card: #fff; --fg: #111; --muted: #555; --line: #ccc; --mine: #0a5cc7; --theirs: #e6e6ea; --err-bg: #fde8e8; --err-fg: #8a1111; }
@media (prefers-color-scheme: dark) { :root { --bg: #0e0e10; --card: #1b1b1f; --fg: #f2f2f5; --muted: #b4b4bc; --line: #44444c; --mine: #1d5fc9; --theirs: #2e2e34; --err-bg: #3b1414; --err-fg: #ffc9c9; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 480px; margin: 0 auto; padding: 12px; display: flex; flex-direction: column; gap: 12px; }
h1 { font-size: 1.2rem; margin: 4px 0; } p { margin: 0; } .muted, small { color: var(--muted); }
fieldset, .card { border: 1px solid var(--line); border-radius: 12px; background: var(--card); padding: 10px 12px; margin: 0; }
legend { font-weight: 600; padding: 0 4px; }
label.field { display: block; font-weight: 600; margin: 6px 0 2px; }
input[type=text], input[type=tel], textarea { width: 100%; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
.check { display: flex; gap: 6px; align-items: baseline; padding: 2px 0; }
#thread { height: 50vh; min-height: 240px; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; }
.empty { margin: auto; color: var(--muted); text-align: center; }
.msg { max-width: 80%; padding: 8px 12px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere; }
.mine { align-self: flex-end; background: var(--mine); color: #fff; border-bottom-right-radius: 4px; }
.theirs { align-self: flex-start; background: var(--theirs); color: var(--fg); border-bottom-left-radius: 4px; }
.meta { font-size: 0.75rem; opacity: 0.9; margin-top: 2px; } .mine .meta { color: #eef4ff; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.chip { font-size: 0.8rem; padding: 2px 8px; border-radius: 999px; border: 1px solid currentColor; }
.row { display: flex; gap: 8px; align-items: center; justify-content: space-between; margin-top: 8px; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--mine); border: 0; border-radius: 8px; padding: 8px 18px; cursor: pointer; }
button:disabled { opacity: 0.6; cursor: wait; }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
#error { background: var(--err-bg); color: var(--err-fg); border-radius: 8px; padding: 8px 12px; }
summary { cursor: pointer; font-weight: 600; }
table { width: 100%; border-collapse: collapse; font-size: 0.85rem; margin-top: 8px; }
th, td { text-align: left; vertical-align: top; border-top: 1px solid var(--line); padding: 4px; } .mono { font-family: ui-monospace, monospace; white-space: nowrap; }
`;

export function phonePage(state: SandboxState): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bandwidth sandbox — customer phone</title>
<style>${STYLE}</style>
</head>
<body>
<main>
  <header>
    <h1>Bandwidth sandbox — customer phone</h1>
    <p class="muted">Text the inbox as a customer would. Messages go to Switchboard as Bandwidth callbacks; replies sent from Switchboard show up here.</p>
  </header>
  <fieldset>
    <legend>Phone</legend>
    <label class="field" for="customer">Your number (customer)</label>
    <input id="customer" type="tel" autocomplete="off" value="${escapeHtml(DEFAULT_CUSTOMER)}">
    <fieldset class="card" style="margin-top:8px">
      <legend>Text to</legend>
      ${ourNumbers(state)}
    </fieldset>
    <label class="field" for="others">Others in the group (comma-separated)</label>
    <input id="others" type="text" autocomplete="off" placeholder="+19195550124, +19195550125">
  </fieldset>
  <section class="card" aria-label="Conversation">
    <div id="thread" aria-live="polite"><p class="empty">Loading…</p></div>
  </section>
  <div id="error" role="alert" hidden></div>
  <form id="composer" class="card">
    <label class="field" for="text">Message</label>
    <textarea id="text" rows="3" placeholder="Type a message — Enter sends, Shift+Enter for a new line"></textarea>
    <div class="row">
      <label for="files">Attach files <input id="files" type="file" multiple></label>
      <button id="send" type="submit">Send</button>
    </div>
  </form>
  <details id="tests" class="card">
    <summary>Test numbers</summary>
    <p>Replies from Switchboard to a number whose last four digits are a Bandwidth error code fail with that code, e.g. +15555554432 → 4432 rejected-forbidden-country. Add one under “Others in the group” or use it as your number.</p>
    <div id="test-table" class="muted">Loading…</div>
  </details>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}
