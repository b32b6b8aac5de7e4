// Notifications in the browser: a tenant sees the unread count in the
// header, reads the list, opens one, marks them read, chooses how often to
// get emails, and stops them from an email's unsubscribe link without
// signing in. With and without JavaScript; axe checks every page.
const { test, expect } = require("@playwright/test");
const { checkA11y, demo, hydrated, signIn, visit } = require("./support");
const { emailTo, linkTo } = require("./mail");

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });
    const settle = async (page) => {
      if (javaScript) await hydrated(page);
      await checkA11y(page, { javaScript });
    };
    // Two tenants of the first residence, one per mode, so the runs do not
    // read each other's notifications.
    const tenant = () => demo().accounts.find((a) => a.name === (javaScript ? "Paul Martin" : "Sofia Rossi"));
    const menu = (page) => page.getByRole("navigation", { name: "Menu principal" });

    test("a tenant reads the notifications, opens one and marks them read", async ({ page }) => {
      await signIn(page, tenant(), javaScript);
      // The seeded votes were announced: the header counts them.
      const counted = menu(page).getByRole("link", { name: /^Notifications \d+ non lues?$/ });
      await expect(counted).toBeVisible();
      await counted.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes notifications");
      await expect(page.getByText(/Vous avez \d+ notifications? non lues?\./)).toBeVisible();
      await settle(page);

      // Opening one leads to its consultation and marks it read.
      const halls = page.getByRole("link", { name: /^Vote ouvert : « Rénovation des halls d'entrée »/ });
      await halls.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rénovation des halls d'entrée");
      await settle(page);
      await visit(page, "/notifications", { javaScript });
      const item = page.locator(".notification-list__item", { has: halls });
      await expect(item).toBeVisible();
      await expect(item.getByText("Nouveau")).toHaveCount(0);

      // Mark one read without opening it, then all.
      const unread = page.locator(".notification-list__item--unread");
      const before = await unread.count();
      expect(before).toBeGreaterThan(0);
      await unread.first().getByRole("button", { name: /^Marquer comme lue/ }).click();
      await expect(page.getByRole("status")).toHaveText("La notification est marquée comme lue.");
      await expect(unread).toHaveCount(before - 1);
      await settle(page);
      await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
      await expect(page.getByRole("status")).toHaveText("Toutes vos notifications sont marquées comme lues.");
      await expect(page.getByText("Vous avez tout lu.")).toBeVisible();
      await expect(unread).toHaveCount(0);
      // The header follows, with or without a page load.
      await expect(menu(page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
      await settle(page);
    });

    test("a tenant chooses how often to get emails", async ({ page }) => {
      await signIn(page, tenant(), javaScript);
      await visit(page, "/compte", { javaScript });
      // Deleting the account needs the box ticked: said before sending with
      // JavaScript, after without (the password is wrong anyway: nothing is deleted).
      const deletion = page.locator("form", { has: page.getByRole("button", { name: "Supprimer mon compte" }) });
      await deletion.getByLabel("Votre mot de passe actuel, pour confirmer").fill("pas le bon");
      await deletion.getByRole("button", { name: "Supprimer mon compte" }).click();
      await expect(page.locator(".field__error", { hasText: "Cochez la case pour confirmer la suppression." })).toBeVisible();
      if (javaScript) await expect(page).toHaveURL(/\/compte$/);
      await settle(page);
      // Ticked, the box is fine (and the wrong password is what stops it).
      await deletion.getByLabel("Votre mot de passe actuel, pour confirmer").fill("pas le bon");
      await deletion.getByLabel("Je comprends que c'est définitif").check();
      await deletion.getByRole("button", { name: "Supprimer mon compte" }).click();
      await expect(page.locator(".field__error", { hasText: "Ce mot de passe n'est pas le bon." })).toBeVisible();
      await expect(page.locator(".field__error", { hasText: "Cochez la case" })).toHaveCount(0);
      await settle(page);
      await page.getByRole("link", { name: "Choisir mes emails" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes emails");
      await settle(page);
      const consultations = page.getByRole("group", { name: "Consultations de ma résidence" });
      const home = page.getByRole("group", { name: "Mon logement" });
      // The defaults: deadlines matter, so consultations come at once.
      await expect(consultations.getByLabel("Un email tout de suite")).toBeChecked();
      await expect(home.getByLabel("Un résumé par jour, le matin")).toBeChecked();

      await consultations.getByLabel("Un résumé par jour, le matin").check();
      await home.getByLabel("Pas d'email").check();
      await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
      await expect(page.getByRole("status")).toHaveText("Vos choix sont enregistrés.");
      await settle(page);
      await visit(page, "/compte/notifications", { javaScript });
      await expect(consultations.getByLabel("Un résumé par jour, le matin")).toBeChecked();
      await expect(home.getByLabel("Pas d'email")).toBeChecked();
    });

    test("an email's unsubscribe link works without signing in", async ({ page, browser }) => {
      const account = tenant();
      // The opening of the seeded vote was emailed at once (the default).
      const text = await emailTo(account.email, "Rénovation des halls d'entrée");
      const link = linkTo(text, "/desabonnement?jeton=");

      // Someone not signed in (another device) follows the link.
      const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: "fr-FR" });
      try {
        const visitor = await context.newPage();
        await visit(visitor, link, { javaScript });
        await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Se désabonner");
        await expect(
          visitor.getByText("Vous ne recevrez plus d'emails sur les consultations de votre résidence."),
        ).toBeVisible();
        await visitor.getByRole("button", { name: "Confirmer le désabonnement" }).click();
        await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Désabonnement confirmé");
        await checkA11y(visitor, { javaScript });

        // A cut link says so.
        await visit(visitor, link.slice(0, -6), { javaScript });
        await expect(visitor.getByRole("alert")).toContainText("Ce lien de désabonnement n'est pas valide.");
      } finally {
        await context.close();
      }

      // The tenant's preferences show it.
      await signIn(page, account, javaScript);
      await visit(page, "/compte/notifications", { javaScript });
      const consultations = page.getByRole("group", { name: "Consultations de ma résidence" });
      await expect(consultations.getByLabel("Pas d'email")).toBeChecked();
    });
  });
}
