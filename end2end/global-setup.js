// Waits for the server that cargo-leptos started, then seeds the demo data
// into the same database and saves the credentials for the tests.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

module.exports = async (config) => {
  const baseURL = config.projects[0].use.baseURL;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.ok) break;
    } catch (_) {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server at ${baseURL} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const binary = process.env.PALIER_BIN || path.join(__dirname, "..", "target", "debug", "palier");
  const json = execFileSync(binary, ["seed-demo", "--json"], { env: process.env, encoding: "utf8" });
  const dir = path.join(__dirname, ".auth");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "demo.json"), json);
};
