// The landlord's journey: sign in, import households, print letters, invite
// a colleague; another landlord's residence stays out of reach. With and
// without JavaScript; axe checks every page.
const { test, expect } = require("@playwright/test");
const { default: AxeBuilder } = require("@axe-core/playwright");
const { checkA11y, demo, hydrated, signIn, visit } = require("./support");
const { emailTo } = require("./mail");

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("staff import households, print letters and invite a colleague", async ({ page, browser }) => {
      const settle = async () => {
        if (javaScript) await hydrated(page);
        await checkA11y(page, { javaScript });
      };
      const tag = javaScript ? "JS" : "NOJS";
      const admin = demo().accounts.find((a) => a.role === "org_admin" && a.organisation === "Habitat Exemple");
      await signIn(page, admin, javaScript);

      await page.getByRole("link", { name: "Gestion" }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gestion");
      await expect(page.getByRole("link", { name: "Résidence Le Parc" })).toBeVisible();
      await expect(page.getByText("Résidence Les Cèdres")).toHaveCount(0);
      await settle();

      // Import two households from a spreadsheet export.
      await page.getByRole("link", { name: "Importer des logements" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des logements");
      await settle();
      // No file chosen: said before sending with JavaScript, after without.
      const importPage = page.url();
      await page.getByRole("button", { name: "Importer" }).click();
      await expect(page.getByText("Choisissez un fichier CSV.")).toBeVisible();
      if (javaScript) {
        expect(page.url()).toBe(importPage);
        // A file the server would refuse for its size is not even sent.
        const huge = Buffer.alloc(4 * 1024 * 1024 + 1, "a");
        await page.getByLabel("Fichier CSV").setInputFiles({ name: "gros.csv", mimeType: "text/csv", buffer: huge });
        await expect(page.getByText("Le fichier est trop gros (4 Mo au plus).")).toBeVisible();
        await page.getByRole("button", { name: "Importer" }).click();
        expect(page.url()).toBe(importPage);
      }
      await settle();
      const csv = `residence;batiment;logement;bail\nRésidence Le Parc;Bâtiment 2;Logement ${tag}-1;${tag}-1\nRésidence Le Parc;Bâtiment 2;Logement ${tag}-2;${tag}-2\n`;
      await page.getByLabel("Fichier CSV").setInputFiles({ name: "logements.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByRole("button", { name: "Importer" }).click();
      await expect(page.getByRole("status")).toContainText("2 logement(s) créé(s)");
      await settle();

      // A broken file: every bad line is named, nothing is imported.
      const broken = "residence;logement;bail\nRésidence Nulle Part;Logement 1;X-1\n";
      await page.getByLabel("Fichier CSV").setInputFiles({ name: "faux.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
      await page.getByRole("button", { name: "Importer" }).click();
      await expect(page.getByRole("alert")).toContainText("Ligne 2 : aucune résidence ne s'appelle « Résidence Nulle Part »");
      await settle();

      // Letters for the households nobody joined yet, in a new tab.
      await visit(page, "/gestion", { javaScript });
      await page.getByRole("link", { name: "Résidence Le Parc" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résidence Le Parc");
      await expect(page.getByRole("link", { name: `Logement ${tag}-1` })).toBeVisible();
      await settle();
      const [letters] = await Promise.all([
        page.waitForEvent("popup"),
        page.getByRole("button", { name: "Créer les courriers à imprimer" }).click(),
      ]);
      await letters.waitForLoadState();
      await expect(letters.locator("p.code").first()).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await expect(letters.getByText(`Logement ${tag}-1`).first()).toBeVisible();
      // axe on the letters document, in a page where scripts run.
      const html = await letters.content();
      await letters.close();
      const readerContext = await browser.newContext({ javaScriptEnabled: true });
      const reader = await readerContext.newPage();
      await reader.setContent(html);
      const results = await new AxeBuilder({ page: reader }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
      await readerContext.close();

      // Invite a colleague: the email goes out through SMTP.
      await visit(page, "/gestion", { javaScript });
      await page.getByRole("link", { name: "Équipe" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Équipe");
      await settle();
      const colleague = `collegue.${tag.toLowerCase()}.${Date.now()}@example.org`;
      await page.getByLabel("Adresse email").fill(colleague);
      await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
      await expect(page.getByRole("status")).toContainText("L'invitation a été envoyée");
      await expect(page.getByText(colleague)).toBeVisible();
      await settle();
      const invitation = await emailTo(colleague, "/invitation?jeton=");
      expect(invitation).toContain("Habitat Exemple");

      // The neighbouring landlord's residence is out of reach.
      const cedres = demo().residences.find((r) => r.organisation === "Logis Voisin");
      await visit(page, `/gestion/residences/${cedres.id}`, { javaScript, status: 404 });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
      await expect(page.getByText("Résidence Les Cèdres")).toHaveCount(0);
    });
  });
}
