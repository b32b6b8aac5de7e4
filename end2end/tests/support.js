// Helpers shared by the browser tests.
const { expect } = require("@playwright/test");
const { default: AxeBuilder } = require("@axe-core/playwright");
const fs = require("node:fs");
const path = require("node:path");

/** The demo organisation that global-setup seeded: accounts and households. */
function demo() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", ".auth", "demo.json"), "utf8"));
}

/**
 * Fails the test when axe finds any WCAG 2.1 A or AA violation on the page.
 *
 * axe runs inside the page, so for a page opened without JavaScript it runs
 * on the same address opened in a twin context that has the same cookies and
 * lets Playwright inject axe but refuses the app's own script and wasm: the
 * page stays exactly as the server rendered it, as a browser without
 * JavaScript shows it. Every no-JS page is the result of a GET (forms post,
 * then redirect), so the server renders the same markup there.
 */
async function checkA11y(page, { javaScript = true } = {}) {
  if (javaScript) return runAxe(page);
  const context = page.context();
  const twin = await context.browser().newContext({ javaScriptEnabled: true, locale: "fr-FR" });
  try {
    await twin.addCookies(await context.cookies());
    await twin.route(/\/pkg\/[^?]*\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    const twinPage = await twin.newPage();
    await twinPage.goto(page.url());
    await runAxe(twinPage);
  } finally {
    await twin.close();
  }
}

async function runAxe(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Waits until every island of the page (the parts that run in the browser:
 * instant form checks, the ballot's checks) is hydrated; pages without an
 * island are plain HTML and ready at once. Only with JavaScript.
 */
async function hydrated(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("leptos-island")].every((island) => island.querySelector("[data-hydrated='true']")),
  );
}

/**
 * Opens `path`, waits for hydration when JavaScript runs, and checks the page
 * with axe. Every page a test visits goes through here.
 */
async function visit(page, path, { javaScript = true, status = 200 } = {}) {
  const response = await page.goto(path);
  expect(response.status(), `status of ${path}`).toBe(status);
  if (javaScript) await hydrated(page);
  await checkA11y(page, { javaScript });
  return response;
}

/** Signs `account` (from `demo()`) in through the sign-in form. */
async function signIn(page, account, javaScript = true) {
  await visit(page, "/connexion", { javaScript });
  await page.getByLabel("Adresse email").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour ${account.name}`);
}

module.exports = { checkA11y, demo, hydrated, signIn, visit };
