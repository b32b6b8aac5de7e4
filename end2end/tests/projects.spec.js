// Habitant 3.0 in the browser: a tenant proposes a project with a photo,
// sees the neighbours' look-alike before publishing it, a neighbour supports
// and comments it; staff answer an overdue project and moderate a reported
// comment. With and without JavaScript; axe checks every page.
const { test, expect } = require("@playwright/test");
const { checkA11y, demo, hydrated, signIn, visit } = require("./support");

// An 8 × 6 PNG, enough for the server to decode and re-encode.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM4YaOBFTEMpAQAmkY4QXj/pr4AAAAASUVORK5CYII=",
  "base64",
);

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });
    const settle = async (page) => {
      if (javaScript) await hydrated(page);
      await checkA11y(page, { javaScript });
    };
    // One author per run, so the runs do not meet each other's projects.
    const author = () => demo().accounts.find((a) => a.name === (javaScript ? "Louis Bernard" : "Sofia Rossi"));
    const title = javaScript ? "Un jardin partagé près du parking" : "Des jardins à partager derrière le bâtiment";

    test("a tenant proposes a project with a photo and a neighbour supports and discusses it", async ({ page, browser }) => {
      await signIn(page, author(), javaScript);
      await visit(page, "/projets", { javaScript });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Projets des habitants");
      // The demo's overdue project says so in the list.
      await expect(page.getByText("Réponse en retard").first()).toBeVisible();
      await page.getByRole("link", { name: "Proposer un projet" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposer un projet");
      await settle(page);

      await page.getByLabel("Titre du projet").fill("Bac");
      await page.getByLabel("Description").fill("Des bacs de légumes, entretenus par les voisins qui le veulent.");
      await page.getByLabel("Catégorie").selectOption({ label: "Jardins et espaces verts" });
      await page.getByLabel("Des bénévoles").check();
      await page.getByLabel("Photos").setInputFiles({ name: "jardin.png", mimeType: "image/png", buffer: PNG });
      await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
      // Too short a title: said before sending with JavaScript, after without.
      await expect(page.locator(".field__error", { hasText: "Le titre compte au moins 5 caractères." })).toBeVisible();
      if (javaScript) {
        await expect(page).toHaveURL(/\/projets\/nouveau$/);
      } else {
        await expect(page.getByText("choisissez-les à nouveau")).toBeVisible();
        await expect(page.getByLabel("Description")).toHaveValue(/Des bacs de légumes/);
        await page.getByLabel("Photos").setInputFiles({ name: "jardin.png", mimeType: "image/png", buffer: PNG });
      }
      await settle(page);
      await page.getByLabel("Titre du projet").fill(title);
      await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
      await expect(page.getByRole("status")).toHaveText("Votre brouillon est enregistré. Relisez-le, puis publiez-le.");
      await expect(page.getByRole("heading", { name: "Brouillon : vous seul le voyez" })).toBeVisible();
      // The neighbours' garden looks alike: offered before publishing.
      await expect(page.getByRole("link", { name: "Un jardin partagé dans la cour" })).toBeVisible();
      await expect(page.getByRole("img", { name: "Photo 1" })).toBeVisible();
      await settle(page);
      await page.getByRole("button", { name: "Publier le projet" }).click();
      await expect(page.getByRole("status")).toHaveText("Votre projet est publié : vos voisins peuvent le soutenir.");
      const projectUrl = page.url().replace(/\?.*$/, "");
      await settle(page);

      // A neighbour supports it and comments.
      const neighbourAccount = demo().accounts.find((a) => a.name === "Jeanne Martin");
      const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: "fr-FR" });
      const neighbour = await context.newPage();
      await signIn(neighbour, neighbourAccount, javaScript);
      await visit(neighbour, projectUrl, { javaScript });
      await expect(neighbour.getByRole("heading", { level: 1 })).toHaveText(title);
      await neighbour.getByRole("button", { name: "Je soutiens ce projet" }).click();
      await expect(neighbour.getByRole("status")).toHaveText("Votre soutien est enregistré.");
      await expect(neighbour.getByText("Votre logement soutient ce projet")).toBeVisible();
      await expect(neighbour.getByText("1 soutien(s) sur 3 nécessaires")).toBeVisible();
      await checkA11y(neighbour, { javaScript });
      await neighbour.getByLabel("Votre commentaire").fill("Je peux prêter des outils.");
      await neighbour.getByRole("button", { name: "Publier le commentaire" }).click();
      await expect(neighbour.getByRole("status")).toHaveText("Votre commentaire est publié.");
      await expect(neighbour.locator(".comment .markdown", { hasText: "Je peux prêter des outils." })).toBeVisible();
      await checkA11y(neighbour, { javaScript });
      await context.close();
    });
  });
}

test.describe("staff, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  const staff = () => demo().accounts.find((a) => a.role === "staff");

  test("staff answer the overdue project and restore a reported comment from the queue", async ({ page }) => {
    await signIn(page, staff(), false);
    const overdue = demo().projects.find((p) => p.overdue);
    await visit(page, `/projets/${overdue.id}`, { javaScript: false });
    await expect(page.getByText("Réponse en retard").first()).toBeVisible();
    const landlord = page.locator("section", { has: page.getByRole("heading", { name: "Réponse du bailleur" }) });
    await landlord.getByLabel("Accepter").check();
    await landlord.getByLabel("Message public").fill("Nous installons le composteur au printemps.");
    await landlord.getByRole("button", { name: "Enregistrer la réponse" }).click();
    await expect(page.getByRole("status")).toHaveText("La réponse est publiée et les habitants concernés sont prévenus.");
    await expect(page.getByText("Nous installons le composteur au printemps.")).toBeVisible();
    await checkA11y(page, { javaScript: false });

    await visit(page, "/gestion", { javaScript: false });
    await page.getByRole("link", { name: "Modération" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modération");
    await checkA11y(page, { javaScript: false });
    const item = page.locator("li.card", { hasText: "bande d'amateurs" });
    await expect(item.getByText("3 personnes")).toBeVisible();
    await item.getByRole("button", { name: "Rétablir" }).click();
    await expect(page.getByRole("status")).toHaveText("Le contenu est rétabli et son auteur prévenu.");
    await expect(page.getByText("bande d'amateurs")).toHaveCount(0);
    await checkA11y(page, { javaScript: false });
  });
});
