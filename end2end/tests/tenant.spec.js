// The tenant's journey: register, verify through the email the SMTP server
// received, sign in, join the household with the code of its letter, see
// the residence. With and without JavaScript; axe checks every page.
const { test, expect } = require("@playwright/test");
const { checkA11y, demo, hydrated, visit } = require("./support");
const { emailTo, linkTo } = require("./mail");

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("a newcomer joins their home and sees their residence", async ({ page }) => {
      const settle = async () => {
        if (javaScript) await hydrated(page);
        await checkA11y(page, { javaScript });
      };
      const email = `nouvelle.${javaScript ? "js" : "nojs"}.${Date.now()}@example.org`;
      const password = "la mer est calme ce matin";
      const unclaimed = demo().households.filter((h) => h.residence === "Résidence Les Tilleuls" && h.occupants === 0);
      const household = unclaimed[javaScript ? 0 : 1];

      await visit(page, "/inscription", { javaScript });
      // A mistake first: the message shows next to the field, and what was typed stays.
      await page.getByLabel("Votre nom").fill("Lucie Moreau");
      await page.getByLabel("Adresse email").fill("lucie@");
      await page.getByLabel("Mot de passe").fill(password);
      await page.getByRole("button", { name: "Créer mon compte" }).click();
      if (javaScript) {
        // The browser runs the server's parser: the form is not even sent.
        await expect(page.getByLabel("Adresse email")).toBeFocused();
        await expect(page).toHaveURL(/\/inscription$/);
      } else {
        await expect(page.getByRole("alert")).toContainText("Le formulaire contient des erreurs");
      }
      await expect(page.getByText("Cette adresse email n'est pas valide").first()).toBeVisible();
      await expect(page.getByLabel("Adresse email")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Votre nom")).toHaveValue("Lucie Moreau");
      await settle();

      await page.getByLabel("Adresse email").fill(email);
      await page.getByLabel("Mot de passe").fill(password);
      await page.getByRole("button", { name: "Créer mon compte" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vérifiez vos emails");
      await settle();

      const message = await emailTo(email, "/verifier?jeton=");
      await visit(page, linkTo(message, "/verifier?jeton=").replace(/^https?:\/\/[^/]+/, ""), { javaScript });
      await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
      await expect(page.getByRole("status")).toContainText("Votre adresse est confirmée");
      await settle();

      await page.getByLabel("Adresse email").fill(email);
      await page.getByLabel("Mot de passe").fill(password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Lucie Moreau");
      await settle();

      await page.getByRole("link", { name: "Saisir mon code" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rejoindre mon logement");
      await settle();
      await page.getByLabel("Code du logement").fill("ZZZZ-ZZZZ-ZZZZ");
      await page.getByRole("button", { name: "Rejoindre mon logement" }).click();
      await expect(page.getByRole("alert")).toContainText("Ce code ne correspond à aucun logement");
      await settle();
      // As typed from the letter: lower case, spaces instead of dashes.
      await page.getByLabel("Code du logement").fill(household.code.toLowerCase().replaceAll("-", " "));
      await page.getByRole("button", { name: "Rejoindre mon logement" }).click();
      await expect(page.getByRole("status")).toContainText("Votre compte est relié à votre logement");
      await expect(page.getByRole("heading", { level: 2, name: "Résidence Les Tilleuls" })).toBeVisible();
      await expect(page.getByText(household.unit, { exact: false }).first()).toBeVisible();
      await settle();

      await page.getByRole("link", { name: "Voir ma résidence" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résidence Les Tilleuls");
      await expect(page.getByText("12 rue des Tilleuls")).toBeVisible();
      await settle();

      await page.getByRole("button", { name: /Se déconnecter/ }).click();
      await expect(page.getByRole("status")).toContainText("Vous êtes déconnecté");
    });

    test("my account page lists sessions and offers my data", async ({ page }) => {
      const tenant = demo().accounts.find((a) => a.role === "tenant" && a.email.startsWith(javaScript ? "louis" : "marc"));
      await visit(page, "/connexion", { javaScript });
      await page.getByLabel("Adresse email").fill(tenant.email);
      await page.getByLabel("Mot de passe").fill(tenant.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour ${tenant.name}`);
      await visit(page, "/compte", { javaScript });
      await expect(page.getByText("cet appareil")).toBeVisible();
      await expect(page.getByRole("link", { name: "Télécharger mes données" })).toBeVisible();
      // A wrong current password is refused next to its field.
      await page.getByLabel("Mot de passe actuel", { exact: true }).fill("pas le bon mot de passe");
      await page.getByLabel("Nouveau mot de passe").fill("une nouvelle phrase secrète");
      await page.getByRole("button", { name: "Changer le mot de passe" }).click();
      await expect(page.getByText("Ce mot de passe n'est pas le bon.").first()).toBeVisible();
      if (javaScript) await hydrated(page);
      await checkA11y(page, { javaScript });
    });
  });
}
