// The page frame: language, navigation, information pages, errors, small screens.
const { test, expect } = require("@playwright/test");
const { checkA11y, hydrated, visit } = require("./support");

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

    test("unknown addresses get a helpful 404 page", async ({ page }) => {
      await visit(page, "/cette-page-n-existe-pas", { javaScript, status: 404 });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
      await page.getByRole("link", { name: "Retour à l'accueil" }).click();
      await expect(page).toHaveURL(/\/$/);
    });
  });
}

test("the skip link is the first stop of the keyboard and leads to the content", async ({ page }) => {
  await visit(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("pages fit a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/accessibilite", "/mentions-legales"]) {
    await visit(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});
