# Palier — textes de l'interface en français (langue par défaut).
# Chaque message existe aussi dans ../en/main.ftl ; un test le vérifie.

site-name = Palier
site-tagline = Le portail de participation des locataires

## Structure de la page
skip-to-content = Aller au contenu
nav-main = Menu principal
nav-home = Accueil
footer-nav = Informations sur le site
footer-accessibility = Accessibilité : partiellement conforme
footer-legal = Mentions légales
footer-about = Palier aide les locataires et leurs bailleurs à décider ensemble.

## Choix de la langue
language-current = Langue : { $language } (langue actuelle)

## Accueil
home-title = Palier : votre avis compte dans votre résidence
home-lead = Palier permet aux locataires de donner leur avis à leur bailleur, de voter et de proposer des projets pour leur résidence.
home-what-title = Ce que vous pouvez faire
home-what-vote = Voter aux consultations de votre bailleur, en secret, et vérifier le résultat.
home-what-propose = Proposer des projets pour votre résidence et soutenir ceux de vos voisins.
home-what-follow = Lire les comptes rendus du conseil de locataires et suivre les décisions.
home-join-title = Comment rejoindre votre logement
home-join-step1 = Créez votre compte avec votre adresse email.
home-join-step2 = Saisissez le code reçu par courrier de votre bailleur (par exemple K7QM-9TXR-2HWP).
home-join-step3 = Vous voyez alors les consultations et les projets de votre résidence.
home-help = Besoin d'aide ? Votre gardien, votre bailleur ou une association de locataires peut vous accompagner.

## Accessibilité
a11y-title = Déclaration d'accessibilité
a11y-intro = Palier s'engage à rendre son service accessible à tous, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
a11y-status-title = État de conformité
a11y-status = Palier est partiellement conforme au référentiel général d'amélioration de l'accessibilité (RGAA 4.1), en raison des points listés ci-dessous.
a11y-tests-title = Comment nous testons
a11y-tests = Chaque page est vérifiée automatiquement par l'outil axe-core (règles WCAG 2.1 niveaux A et AA) à chaque modification, et fonctionne sans JavaScript, au clavier et avec un lecteur d'écran.
a11y-limits-title = Limites connues
a11y-limits = Les graphiques de résultats sont accompagnés d'un tableau de données. Les documents joints par les bailleurs peuvent ne pas être accessibles.
a11y-contact-title = Signaler un problème
a11y-contact = Si vous ne pouvez pas accéder à un contenu ou à un service, contactez votre bailleur : il vous répondra ou vous proposera une autre solution.
a11y-recourse-title = Voies de recours
a11y-recourse = Si vous n'obtenez pas de réponse, vous pouvez saisir le Défenseur des droits (www.defenseurdesdroits.fr).

## Mentions légales
legal-title = Mentions légales
legal-publisher-title = Éditeur
legal-publisher = Ce service est publié par l'organisme qui l'exploite (votre bailleur ou sa fédération). Palier est un logiciel libre.
legal-data-title = Données personnelles
legal-data = Palier ne conserve que les données utiles à la participation : votre adresse email, votre nom affiché et votre logement. Votre vote est secret : il n'est jamais relié à votre compte. Vous pouvez télécharger vos données ou supprimer votre compte à tout moment.
legal-cookies-title = Cookies
legal-cookies = Palier n'utilise que deux cookies nécessaires : la langue choisie et, si vous êtes connecté, votre session. Aucun cookie de suivi ni de publicité.

## Erreurs
not-found-title = Page introuvable
not-found-body = La page demandée n'existe pas ou a été déplacée.
back-home = Retour à l'accueil
error-title = Une erreur est survenue
error-body = Le service n'a pas pu répondre. Réessayez dans un instant ; si le problème continue, prévenez votre bailleur.
loading = Chargement…
