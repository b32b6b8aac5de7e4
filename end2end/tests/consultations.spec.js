// Consultations in the browser: staff build and open one and record a paper
// ballot; a tenant votes through the review step and gets a receipt (by
// email too); anyone in the residence reads the results, the landlord's
// response and the recount list, and finds their ballot by its receipt.
// With and without JavaScript; axe checks every page.
const { test, expect } = require("@playwright/test");
const { checkA11y, demo, hydrated, signIn, visit } = require("./support");
const { emailTo } = require("./mail");

/** A `datetime-local` value `days` from now. */
function inDays(days) {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });
    const settle = async (page) => {
      if (javaScript) await hydrated(page);
      await checkA11y(page, { javaScript });
    };

    test("staff build a consultation, open it and record a paper ballot", async ({ page }) => {
      const tag = javaScript ? "JS" : "NOJS";
      const staff = demo().accounts.find((a) => a.role === "staff" && a.organisation === "Habitat Exemple");
      await signIn(page, staff, javaScript);
      await visit(page, "/gestion", { javaScript });
      await page.getByRole("main").getByRole("link", { name: "Consultations", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultations");
      await expect(page.getByRole("link", { name: "Rénovation des halls d'entrée" })).toBeVisible();
      await settle(page);

      // The settings, with a mistake first: the dates are the wrong way round.
      await page.getByRole("link", { name: "Nouvelle consultation" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle consultation");
      await settle(page);
      const title = `Local vélos ${tag}`;
      await page.getByLabel("Titre").fill(title);
      await page.getByLabel("Résumé").fill("Où ranger les vélos ?");
      await page.getByLabel("Présentation").fill("Le local sera **fermé à clé**.");
      await page.getByLabel("Ouverture du vote", { exact: true }).fill(inDays(7));
      await page.getByLabel("Fin du vote", { exact: true }).fill(inDays(1));
      await page.getByLabel("Quorum (facultatif)").fill("20");
      // No residence ticked: said before sending with JavaScript, after without.
      const newPage = page.url();
      await page.getByRole("button", { name: "Créer le brouillon" }).click();
      await expect(page.locator(".field__error", { hasText: "cochez au moins une résidence ou un bâtiment" })).toBeVisible();
      if (javaScript) expect(page.url()).toBe(newPage);
      await expect(page.getByLabel("Titre")).toHaveValue(title);
      await settle(page);
      if (!javaScript) {
        await page.getByLabel("Ouverture du vote", { exact: true }).fill(inDays(7));
        await page.getByLabel("Fin du vote", { exact: true }).fill(inDays(1));
      }
      await page.getByLabel("Résidence Le Parc", { exact: true }).check();
      await page.getByRole("button", { name: "Créer le brouillon" }).click();
      await expect(page.locator(".field__error", { hasText: "La fin du vote doit venir après son ouverture." })).toBeVisible();
      await expect(page.getByLabel("Titre")).toHaveValue(title);
      await settle(page);
      await page.getByLabel("Ouverture du vote", { exact: true }).fill(inDays(1));
      await page.getByLabel("Fin du vote", { exact: true }).fill(inDays(14));
      await page.getByRole("button", { name: "Créer le brouillon" }).click();
      await expect(page.getByRole("status")).toContainText("Le brouillon est créé");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await settle(page);

      // Two questions.
      const addForm = page.locator("form", { has: page.getByRole("button", { name: "Ajouter la question" }) });
      await addForm.getByLabel("Type de question").selectOption("single");
      await addForm.getByLabel("Question", { exact: true }).fill("Où mettre le local ?");
      await addForm.getByLabel("Propositions").fill("Au sous-sol\nDans la cour");
      await addForm.getByRole("button", { name: "Ajouter la question" }).click();
      await expect(page.getByRole("status")).toContainText("La question est ajoutée");
      await settle(page);
      await addForm.getByLabel("Type de question").selectOption("scale");
      await addForm.getByLabel("Question", { exact: true }).fill("Le stationnement des vélos vous gêne-t-il ?");
      await addForm.getByLabel("Libellé de la note 1").fill("Pas du tout");
      await addForm.getByLabel("Libellé de la note 5").fill("Beaucoup");
      await addForm.getByRole("button", { name: "Ajouter la question" }).click();
      await expect(page.getByRole("status")).toContainText("La question est ajoutée");

      // The tenant's view of the ballot.
      await page.getByRole("link", { name: "Aperçu du bulletin" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Voter : ${title}`);
      await expect(page.getByRole("group", { name: "Où mettre le local ?" })).toBeVisible();
      await expect(page.getByText("5 — Beaucoup")).toBeVisible();
      await expect(page.locator(".markdown strong")).toHaveText("fermé à clé");
      await settle(page);
      await page.getByRole("link", { name: "Retour à la consultation" }).click();

      // Scheduled, then opened now: the rules are frozen.
      await page.getByRole("button", { name: "Programmer le vote" }).click();
      await expect(page.getByRole("status")).toContainText("Le vote est programmé");
      await page.getByRole("button", { name: "Ouvrir le vote maintenant" }).click();
      await expect(page.getByRole("status")).toContainText("Le vote est ouvert");
      await expect(page.getByRole("button", { name: "Ajouter la question" })).toHaveCount(0);
      await settle(page);

      // A paper ballot for one home of the residence.
      const paper = page.locator("form", { has: page.getByRole("button", { name: "Enregistrer le bulletin papier" }) });
      const home = `Résidence Le Parc, ${javaScript ? "Logement 102" : "Logement 103"}`;
      // No home chosen: said next to the list, before sending with JavaScript.
      const before = page.url();
      await paper.getByRole("button", { name: "Enregistrer le bulletin papier" }).click();
      await expect(paper.locator(".field__error", { hasText: "Choisissez un logement qui fait partie de la consultation." })).toBeVisible();
      if (javaScript) expect(page.url()).toBe(before);
      await settle(page);
      await paper.getByLabel("Logement", { exact: true }).selectOption({ label: home });
      await paper.getByLabel("Dans la cour").check();
      await paper.getByLabel("4", { exact: true }).check();
      await paper.getByRole("button", { name: "Enregistrer le bulletin papier" }).click();
      await expect(page.getByRole("status")).toContainText("Le bulletin papier est enregistré");
      // The list never says which homes voted; a second ballot for this one is refused.
      await expect(paper.getByLabel("Logement", { exact: true }).locator("option", { hasText: "a voté" })).toHaveCount(0);
      await settle(page);
      await paper.getByLabel("Logement", { exact: true }).selectOption({ label: home });
      await paper.getByLabel("Au sous-sol").check();
      await paper.getByLabel("2", { exact: true }).check();
      await paper.getByRole("button", { name: "Enregistrer le bulletin papier" }).click();
      await expect(page.getByText("Ce logement a déjà voté").first()).toBeVisible();
      await settle(page);
    });

    test("a tenant votes, reviews the ballot and keeps the receipt", async ({ page }) => {
      const data = demo();
      const open = data.consultations.find((c) => c.status === "open");
      const name = javaScript ? "Jeanne Martin" : "Louis Bernard";
      const tenant = data.accounts.find((a) => a.name === name);
      await signIn(page, tenant, javaScript);

      await page.getByRole("link", { name: "Consultations" }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultations");
      await settle(page);
      await page.getByRole("link", { name: open.title }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(open.title);
      await expect(page.getByText("Une voix par logement")).toBeVisible();
      await settle(page);
      await page.getByRole("link", { name: "Voter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Voter : ${open.title}`);
      await settle(page);

      // Nothing answered: each required question says so.
      await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
      if (javaScript) {
        // The ballot's own rules run in the browser: nothing is sent yet.
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Voter : ${open.title}`);
        await expect(page.locator(".field__error", { hasText: "Répondez à cette question." })).toHaveCount(4);
      } else {
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vérifiez votre vote");
        await expect(page.locator(".field__error", { hasText: "Répondez à cette question." }).first()).toBeVisible();
        // Each message of the summary leads to its question.
        for (const link of await page.getByRole("alert").getByRole("link").all()) {
          await expect(page.locator(await link.getAttribute("href"))).toHaveCount(1);
        }
      }
      await settle(page);

      // Too many equipments: that question alone complains, the other answers stay.
      await page.getByLabel("Vert sauge").check();
      for (const item of ["Un banc", "Des plantes", "Un meilleur éclairage"]) await page.getByLabel(item).check();
      await page.getByLabel("Les boîtes aux lettres").selectOption({ label: "1" });
      await page.getByLabel("L'interphone").selectOption({ label: "2" });
      await page.getByLabel("Le sol").selectOption({ label: "3" });
      await page.getByLabel("4", { exact: true }).check();
      await page.getByLabel("Une idée, une remarque ?").fill("Un local à poussettes, s'il vous plaît.");
      if (javaScript) {
        // Checked as soon as the question changes, before anything is sent.
        await expect(page.locator(".field__error", { hasText: "Choisissez au plus 2 réponse(s)." })).toBeVisible();
        await expect(page.locator(".field__error", { hasText: "Répondez à cette question." })).toHaveCount(0);
      }
      await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
      await expect(page.locator(".field__error", { hasText: "Choisissez au plus 2 réponse(s)." })).toBeVisible();
      await expect(page.locator(".field__error")).toHaveCount(1);
      await expect(page.getByLabel("Vert sauge")).toBeChecked();
      await settle(page);
      await page.getByLabel("Un meilleur éclairage").uncheck();
      await page.getByRole("button", { name: "Vérifier mes réponses" }).click();

      // The review, then the final confirmation.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vérifiez votre vote");
      await expect(page.getByText("Vert sauge")).toBeVisible();
      await expect(page.getByText("Un local à poussettes, s'il vous plaît.")).toBeVisible();
      expect(page.url()).not.toContain("answers");
      await settle(page);
      await page.getByRole("button", { name: "Valider mon vote" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre vote est enregistré");
      const receipt = (await page.locator(".receipt strong").textContent()).trim();
      expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await checkA11y(page, { javaScript: false });
      const email = await emailTo(tenant.email, receipt);
      expect(email).toContain(open.title);

      // Shown once; the home cannot vote again.
      await page.reload();
      await expect(page.getByText("Le reçu n'est affiché qu'une fois.")).toBeVisible();
      await expect(page.getByText(receipt)).toHaveCount(0);
      await visit(page, `/consultations/${open.id}`, { javaScript });
      await expect(page.getByText("Votre logement a voté. Merci !")).toBeVisible();
      await expect(page.getByRole("link", { name: "Voter" })).toHaveCount(0);
    });

    test("results, the landlord's response and the recount list are public to the residence", async ({ page }) => {
      const data = demo();
      const done = data.consultations.find((c) => c.status === "published");
      const tenant = data.accounts.find((a) => a.name === "Sofia Rossi");
      await signIn(page, tenant, javaScript);

      await visit(page, `/consultations/${done.id}/resultats`, { javaScript });
      await expect(page.getByRole("heading", { level: 1 })).toContainText(done.title);
      await expect(page.getByText("12 sur 24 ont voté")).toBeVisible();
      await expect(page.getByText("10 en ligne, 2 sur papier")).toBeVisible();
      await expect(page.getByText("Le quorum de 30 % est atteint.")).toBeVisible();
      // A chart whose labels are whole and readable on a phone, and the same
      // figures in a table for screen readers.
      await page.setViewportSize({ width: 360, height: 740 });
      const label = page.locator(".chart__label", { hasText: "Un jardin partagé" }).first();
      await expect(label).toBeVisible();
      const { size, cut } = await label.evaluate((el) => ({
        size: parseFloat(getComputedStyle(el).fontSize),
        cut: el.scrollWidth > el.clientWidth,
      }));
      expect(size, "the chart's labels are at least 14 px").toBeGreaterThanOrEqual(14);
      expect(cut, "the chart's label is not cut").toBe(false);
      await page.setViewportSize({ width: 1280, height: 720 });
      await expect(page.getByRole("rowheader", { name: "Un jardin partagé" }).first()).toBeVisible();
      await expect(page.getByText("Note moyenne")).toBeVisible();
      await expect(page.getByRole("heading", { name: "La réponse du bailleur" })).toBeVisible();
      await expect(page.getByText("Adopté", { exact: true })).toBeVisible();
      await expect(page.locator(".markdown strong", { hasText: "jardin partagé" })).toBeVisible();

      await page.getByRole("link", { name: "Liste des bulletins" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Liste des bulletins");
      await expect(page.getByText("12 bulletin(s)")).toBeVisible();
      await settle(page);
      const receipt = (await page.locator("table tbody tr th").first().textContent()).trim();
      await page.getByLabel("Votre reçu").fill(receipt.toLowerCase());
      await page.getByRole("button", { name: "Chercher mon bulletin" }).click();
      await expect(page.getByText("Votre bulletin est bien compté.")).toBeVisible();
      await settle(page);
      await page.getByLabel("Votre reçu").fill("AAAA-BBBB-CCCC");
      await page.getByRole("button", { name: "Chercher mon bulletin" }).click();
      await expect(page.getByText("Aucun bulletin n'a ce reçu.")).toBeVisible();
      // A receipt too short is said next to the field, before the search
      // with JavaScript, after it without.
      await settle(page);
      const searched = page.url();
      await page.getByLabel("Votre reçu").fill("K7QM-9TX");
      await page.getByRole("button", { name: "Chercher mon bulletin" }).click();
      await expect(page.locator(".field__error", { hasText: "Un reçu compte 12 lettres et chiffres" })).toBeVisible();
      if (javaScript) expect(page.url()).toBe(searched);
      else await expect(page.getByText("Aucun bulletin n'a ce reçu.")).toHaveCount(0);
      await settle(page);
    });
  });
}
