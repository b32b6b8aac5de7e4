// @ts-check
// Palier's browser tests. `make test` runs them through `cargo leptos end-to-end`,
// which builds the app, starts it and runs `npx playwright test` here.
const { defineConfig } = require("@playwright/test");

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: one runs the server, one the browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  globalSetup: require.resolve("./global-setup.js"),
  use: {
    baseURL: process.env.PALIER_E2E_URL || "http://127.0.0.1:3000",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: chromiumArgs,
    },
    locale: "fr-FR",
    trace: "retain-on-failure",
  },
});
