// Reads the emails the SMTP server of the test run (aiosmtpd) stored as a
// maildir, and decodes the plain-text part enough to follow their links.
const fs = require("node:fs");
const path = require("node:path");

function decodeQuotedPrintable(text) {
  const bytes = [];
  const source = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "=" && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function headerOf(block, name) {
  const match = block.match(new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im"));
  return match ? match[1].replace(/\r?\n[ \t]+/g, " ").trim() : "";
}

/** The decoded text/plain part of a raw email. */
function plainText(raw) {
  // Split on the message's own MIME boundary (a "-- " signature line must not count).
  const boundary = (raw.match(/boundary="?([^";\r\n]+)"?/i) || [])[1];
  const escaped = boundary ? boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : "[^\\r\\n]+";
  const parts = raw.split(new RegExp(`\\r?\\n--${escaped}(?:--)?\\r?\\n`));
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const head = part.slice(0, split);
    if (!/content-type:\s*text\/plain/i.test(head)) continue;
    const body = part.slice(split).trimStart();
    const encoding = headerOf(head, "Content-Transfer-Encoding").toLowerCase();
    if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
    return body;
  }
  return raw;
}

/** Waits for an email to `to` whose text contains `marker`, and returns its text. */
async function emailTo(to, marker, timeoutMs = 20_000) {
  const dir = process.env.E2E_MAILDIR;
  if (!dir) throw new Error("E2E_MAILDIR is not set: run the browser tests through `make test`");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const sub of ["new", "cur"]) {
      const folder = path.join(dir, sub);
      if (!fs.existsSync(folder)) continue;
      for (const file of fs.readdirSync(folder)) {
        const raw = fs.readFileSync(path.join(folder, file), "utf8");
        if (!headerOf(raw, "To").includes(to)) continue;
        const text = plainText(raw);
        if (text.includes(marker)) return text;
      }
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} containing ${marker}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in `text` to `pathPrefix`, as a path. */
function linkTo(text, pathPrefix) {
  const start = text.indexOf(pathPrefix);
  if (start < 0) throw new Error(`no link to ${pathPrefix} in ${text}`);
  return text.slice(start).split(/\s/)[0];
}

module.exports = { emailTo, linkTo };
