// The page frame: language, navigation, information pages, errors, small screens.
const { test, expect } = require("@playwright/test");
const { checkA11y, demo, hydrated, signIn, visit } = require("./support");

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("the home page speaks French first", async ({ page }) => {
      await visit(page, "/", { javaScript });
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      await expect(page).toHaveTitle("Palier : votre avis compte dans votre résidence · Palier");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Palier : votre avis compte dans votre résidence");
      await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
      await expect(page.getByRole("contentinfo")).toContainText("Accessibilité : partiellement conforme");
    });

    test("the language switch changes and remembers the language", async ({ page }) => {
      await visit(page, "/accessibilite", { javaScript });
      await page.getByRole("button", { name: "English" }).click();
      await expect(page).toHaveURL(/\/accessibilite$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
      if (javaScript) await hydrated(page);
      await checkA11y(page, { javaScript });

      // Remembered on the next page.
      await page.getByRole("link", { name: "Legal notice" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Legal notice");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");

      await page.getByRole("button", { name: "Français" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mentions légales");
    });

    test("the secret-ballot page explains, in both languages, how a vote stays secret", async ({ page }) => {
      await visit(page, "/", { javaScript });
      await page.getByRole("contentinfo").getByRole("link", { name: "Le secret du vote" }).click();
      await expect(page).toHaveURL(/\/secret-du-vote$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comment votre vote reste secret, et comment vérifier le compte");
      await expect(page.getByRole("heading", { name: "Vérifier le compte", exact: true })).toBeVisible();
      if (javaScript) await hydrated(page);
      await checkA11y(page, { javaScript });
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("How your vote stays secret, and how you can check the count");
      await checkA11y(page, { javaScript });
      await page.getByRole("button", { name: "Français" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    });

    test("on a phone the header is one row and its menu opens from a button", async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await visit(page, "/", { javaScript });
      const header = await page.locator(".site-header").boundingBox();
      expect(header.height, "the header's height").toBeLessThanOrEqual(90);
      const menu = page.getByRole("navigation", { name: "Menu principal" });
      await expect(menu).toBeHidden();
      await expect(page.getByRole("button", { name: "English" })).toBeVisible();
      await page.getByText("Menu", { exact: true }).click();
      await expect(menu).toBeVisible();
      await menu.getByRole("link", { name: "Se connecter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
    });

    test("unknown addresses get a helpful 404 page", async ({ page }) => {
      await visit(page, "/cette-page-n-existe-pas", { javaScript, status: 404 });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
      await page.getByRole("link", { name: "Retour à l'accueil" }).click();
      await expect(page).toHaveURL(/\/$/);
    });
  });
}

test("static files carry their content hash and are kept a year; pages are revalidated", async ({ page, request }) => {
  const response = await page.goto("/inscription");
  expect(response.headers()["cache-control"]).toBe("no-cache, private");
  const stylesheet = await page.locator('link[rel="stylesheet"]').getAttribute("href");
  expect(stylesheet).toMatch(/^\/pkg\/palier\.[\w-]{8,}\.css$/);
  const boot = await page.locator("script[type=module]").textContent();
  const bundle = [...boot.matchAll(/"(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
  expect(bundle).toHaveLength(2);
  for (const file of [stylesheet, ...bundle]) {
    expect(file).toMatch(/^\/pkg\/palier\.[\w-]{8,}\.(css|js|wasm)$/);
    const asset = await request.get(file);
    expect(asset.status(), file).toBe(200);
    expect(asset.headers()["cache-control"], file).toBe("public, max-age=31536000, immutable");
  }
});

test("the skip link is the first stop of the keyboard and leads to the content", async ({ page }) => {
  await visit(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

// Every kind of page, as the person who sees it: nothing may need sideways
// scrolling on a 360 px phone (tables turn into stacked cards).
test("every kind of page fits a 360 px phone without sideways scrolling", async ({ browser }) => {
  const { accounts, consultations, residences, projects } = demo();
  const garden = projects.find((p) => p.status === "in_progress").id;
  const overdue = projects.find((p) => p.overdue).id;
  const open = consultations.find((c) => c.status === "open").id;
  const published = consultations.find((c) => c.status === "published").id;
  const residence = residences.find((r) => r.organisation === "Habitat Exemple").id;
  const asPerson = {
    visitor: [null, ["/", "/accessibilite", "/mentions-legales", "/secret-du-vote", "/connexion", "/inscription", "/mot-de-passe-oublie", "/nulle-part"]],
    tenant: [
      accounts.find((a) => a.name === "Jeanne Martin"),
      [
        "/accueil",
        "/mon-logement",
        "/rejoindre",
        "/compte",
        "/compte/notifications",
        "/notifications",
        `/residences/${residence}`,
        "/consultations",
        `/consultations/${open}`,
        `/consultations/${open}/voter`,
        `/consultations/${published}`,
        `/consultations/${published}/resultats`,
        `/consultations/${published}/depouillement`,
        "/projets",
        "/projets/nouveau",
        `/projets/${garden}`,
      ],
    ],
    staff: [
      accounts.find((a) => a.role === "org_admin" && a.organisation === "Habitat Exemple"),
      [
        "/gestion",
        `/gestion/residences/${residence}`,
        "/gestion/menages/1",
        "/gestion/organisations/1/residences/nouvelle",
        "/gestion/organisations/1/import",
        "/gestion/organisations/1/equipe",
        "/gestion/organisations/1/journal",
        "/gestion/organisations/1/reglages",
        "/gestion/organisations/1/consultations",
        "/gestion/organisations/1/consultations/nouvelle",
        `/gestion/consultations/${open}`,
        `/gestion/consultations/${published}`,
        `/gestion/consultations/${open}/apercu`,
        "/gestion/organisations/1/moderation",
        `/projets/${overdue}`,
      ],
    ],
    admin: [accounts.find((a) => a.role === "platform_admin"), ["/admin"]],
  };
  for (const [who, [account, paths]] of Object.entries(asPerson)) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-FR" });
    const page = await context.newPage();
    if (account) await signIn(page, account);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response.status(), `${path} as ${who}`).toBe(path === "/nulle-part" ? 404 : 200);
      await hydrated(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `${path} as ${who} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await context.close();
  }
});
