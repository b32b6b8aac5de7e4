# Palier — textes de l'interface en français (langue par défaut).
# Chaque message existe aussi dans ../en/main.ftl ; un test le vérifie.

site-name = Palier
site-tagline = Le portail de participation des locataires

## Structure de la page
skip-to-content = Aller au contenu
nav-menu = Menu
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

## Menu
nav-sign-in = Se connecter
nav-register = Créer un compte
nav-dashboard = Mon accueil
nav-join = Rejoindre mon logement
nav-back-office = Gestion
nav-platform = Plateforme
nav-account = Mon compte
nav-sign-out = Se déconnecter

## Champs de formulaire
field-display-name = Votre nom
field-display-name-hint = Le nom que verront vos voisins et votre bailleur, par exemple « Jeanne M. ».
field-email = Adresse email
field-email-hint = Nous y enverrons un lien pour confirmer votre compte.
field-new-email = Nouvelle adresse email
field-password = Mot de passe
field-password-confirm = Votre mot de passe actuel, pour confirmer
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-new-password-hint = Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.

## Messages d'erreur
error-summary-title = Le formulaire contient des erreurs
error-invalid = Le formulaire contient des erreurs.
error-unauthenticated = Connectez-vous pour continuer.
error-forbidden = Vous n'avez pas accès à cette page ou à cette action.
error-not-found = Ce que vous cherchez n'existe pas ou n'existe plus.
error-rate-limited = Trop de tentatives. Par sécurité, réessayez dans { $minutes } minute(s).
error-bad-request = La demande est incomplète. Rechargez la page et réessayez.
error-internal = Le service n'a pas pu enregistrer votre demande. Réessayez dans un instant.
error-building-choice = Choisissez un bâtiment de la liste.
error-required = Ce champ est obligatoire.
error-email-empty = Indiquez votre adresse email.
error-email-invalid = Cette adresse email n'est pas valide. Elle ressemble à « nom@exemple.fr ».
error-email-too-long = Cette adresse email est trop longue.
error-email-same = C'est déjà l'adresse de votre compte.
error-email-taken = Cette adresse est maintenant utilisée par un autre compte.
error-name-empty = Indiquez votre nom.
error-name-too-long = Votre nom doit faire 60 caractères au plus.
error-name-invalid = Votre nom contient des caractères invisibles : retapez-le.
error-password-empty = Indiquez votre mot de passe.
error-password-too-short = Le mot de passe doit faire au moins 12 caractères.
error-password-too-long = Le mot de passe doit faire 128 caractères au plus.
error-password-common = Ce mot de passe est trop courant ou trop facile à deviner (mot courant, suite comme 123456, votre nom). Choisissez-en un autre, par exemple une phrase de plusieurs mots.
error-password-wrong = Ce mot de passe n'est pas le bon.
error-login-invalid = Adresse email ou mot de passe incorrect.
error-login-unverified = Votre adresse email n'est pas encore confirmée. Nous venons de vous renvoyer le lien : ouvrez-le, puis connectez-vous.
error-delete-confirm = Cochez la case pour confirmer la suppression.
error-code-empty = Indiquez le code de votre courrier.
error-code-length = Le code compte 12 lettres et chiffres, par exemple K7QM-9TXR-2HWP.
error-code-character = Le code contient un caractère qui n'est jamais utilisé. Vérifiez-le sur votre courrier.

## Confirmations
ok-verified = Votre adresse est confirmée. Vous pouvez vous connecter.
ok-password-reset = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
ok-sent = Si un compte existe pour cette adresse, un email vient d'y être envoyé. Le lien est valable 30 minutes.
ok-renamed = Votre nom a été changé.
ok-email-sent = Nous avons envoyé un lien à la nouvelle adresse. Votre adresse changera quand vous l'aurez ouvert.
ok-email-changed = Votre adresse email a été changée.
ok-password-changed = Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.
ok-session-ended = Cette session a été fermée.
ok-sessions-ended = Toutes vos autres sessions ont été fermées.
ok-signed-out = Vous êtes déconnecté. À bientôt !
ok-account-deleted = Votre compte a été supprimé. Vos contributions restent, signées « ancien locataire ».

## Inscription
register-title = Créer un compte
register-lead = Avec un compte, vous pourrez rejoindre votre logement grâce au code reçu par courrier, puis voter et proposer des projets.
register-privacy = Votre adresse email ne sera jamais montrée à vos voisins.
register-submit = Créer mon compte
register-have-account = J'ai déjà un compte
register-sent-title = Vérifiez vos emails
register-sent-body = Nous vous avons envoyé un email. Ouvrez le lien qu'il contient pour activer votre compte.
register-sent-spam = Rien reçu après quelques minutes ? Regardez dans les courriers indésirables (spam), ou essayez de vous connecter : nous renverrons le lien.
verify-title = Confirmer votre adresse
verify-body = Cliquez sur le bouton pour confirmer votre adresse email et activer votre compte.
verify-submit = Confirmer mon adresse
verify-invalid = Ce lien ne marche plus : il a déjà servi ou il a expiré.
verify-invalid-next = Connectez-vous : si votre adresse n'est pas encore confirmée, nous vous enverrons un nouveau lien.

## Connexion
login-title = Se connecter
login-remember = Rester connecté sur cet appareil
login-remember-hint = Pendant 30 jours. Ne cochez pas sur un ordinateur partagé.
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-new-title = Pas encore de compte ?
login-new-body = Créez-en un en deux minutes avec votre adresse email.
forgot-title = Mot de passe oublié
forgot-body = Indiquez l'adresse email de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Recevoir le lien
reset-title = Choisir un nouveau mot de passe
reset-effect = Ensuite, vous serez déconnecté de tous vos appareils, puis vous vous connecterez avec le nouveau mot de passe.
reset-submit = Enregistrer le mot de passe
reset-invalid = Ce lien ne marche plus : il a déjà servi ou il a expiré (il est valable 30 minutes).
reset-ask-again = Demander un nouveau lien

## Tableau de bord
dashboard-title = Mon accueil
dashboard-hello = Bonjour { $name }
dashboard-votes-title = Votes en cours
dashboard-votes-none = Aucun vote n'est ouvert pour votre logement en ce moment.
dashboard-unread-title = Nouvelles notifications
dashboard-unread-none = Vous avez tout lu.
dashboard-unread-all = { $count ->
    [0] Voir mes notifications
    [one] Voir mes notifications (1 non lue)
   *[other] Voir mes notifications ({ $count } non lues)
}
dashboard-more-title = Et aussi
dashboard-home-title = Mon logement
dashboard-home-body = Votre résidence, ses consultations et ses projets.
dashboard-home-link = Voir mon logement
dashboard-join-title = Rejoindre mon logement
dashboard-join-body = Saisissez le code reçu par courrier de votre bailleur pour relier votre compte à votre logement.
dashboard-join-link = Saisir mon code
dashboard-staff-title = Gestion
dashboard-staff-body = Résidences, logements, courriers d'invitation et équipe.
dashboard-account-title = Mon compte
dashboard-account-body = Nom, adresse email, mot de passe, langue, sessions et données.

## Mon compte
account-title = Mon compte
account-name-title = Mon nom
account-name-submit = Enregistrer le nom
account-language-title = Langue
account-language-label = Langue de Palier et des emails
account-language-hint = Palier s'affichera et vous écrira dans cette langue.
account-language-submit = Enregistrer la langue
account-email-title = Adresse email
account-email-current = Adresse actuelle : { $email }
account-email-submit = Changer d'adresse
account-password-title = Mot de passe
account-password-effect = Vos autres appareils seront déconnectés.
account-password-submit = Changer le mot de passe
account-sessions-title = Mes sessions
account-sessions-body = Les appareils connectés à votre compte. Fermez une session que vous ne reconnaissez pas, puis changez votre mot de passe.
account-sessions-unknown-device = Appareil inconnu
account-sessions-this-device = cet appareil
account-sessions-seen = Dernière activité le { $when }, connecté depuis le { $since }
account-sessions-revoke = Fermer cette session
account-sessions-revoke-others = Fermer toutes les autres sessions
account-data-title = Mes données
account-data-body = Téléchargez tout ce que Palier garde sur vous, dans un fichier JSON. Vos votes sont secrets : ils ne sont pas reliés à votre compte.
account-data-download = Télécharger mes données
account-delete-title = Supprimer mon compte
account-delete-body = Votre adresse, votre nom et votre mot de passe seront effacés, et vous serez déconnecté. Vos propositions et commentaires resteront, signés « ancien locataire » ; vos votes restent comptés, sans lien avec vous. C'est définitif.
account-delete-confirm = Je comprends que c'est définitif
account-delete-submit = Supprimer mon compte
confirm-email-title = Confirmer votre nouvelle adresse
confirm-email-body = Cliquez sur le bouton pour utiliser cette adresse pour votre compte.
confirm-email-submit = Confirmer la nouvelle adresse
confirm-email-invalid = Ce lien ne marche plus : il a déjà servi ou il a expiré.

## Pages d'erreur et listes
forbidden-title = Accès refusé
pager-label = Pages
pager-previous = Page précédente
pager-next = Page suivante
pager-position = Page { $page } sur { $pages }

## Rejoindre son logement
join-title = Rejoindre mon logement
join-lead = Saisissez le code imprimé sur le courrier de votre bailleur. Il relie votre compte à votre logement.
join-code-label = Code du logement
join-code-hint = 12 lettres et chiffres, par exemple K7QM-9TXR-2HWP. Les tirets, les espaces et les majuscules ne comptent pas.
join-submit = Rejoindre mon logement
join-help-title = Pas de courrier, ou code perdu ?
join-help-body = Demandez un nouveau courrier à votre bailleur ou à votre gardien. Le nouveau code remplace l'ancien.
error-code-expired = Ce code n'est plus valable : il date de plus de { $days } jours. Demandez à votre bailleur un nouveau courrier avec un nouveau code.
error-code-unknown = Ce code ne correspond à aucun logement. Vérifiez-le sur votre courrier ; s'il a été remplacé, demandez le nouveau à votre bailleur.
error-household-full = Ce logement a déjà le nombre maximum de comptes. Si quelqu'un a déménagé, demandez à votre bailleur de le retirer.
error-already-joined = Votre compte est déjà relié à ce logement.
my-home-title = Mon logement
my-home-none = Votre compte n'est relié à aucun logement pour l'instant.
my-home-unit = Logement
my-home-address = Adresse
my-home-landlord = Bailleur
my-home-housemates = Autres comptes du logement
my-home-housemates-none = Aucun
my-home-residence-link = Voir ma résidence
residence-participation = { $joined } logement(s) sur { $households } ont rejoint Palier.

## Gestion
back-office-title = Gestion
back-office-back = ← Retour à la gestion
back-office-actions = Actions
back-office-residences = Résidences
back-office-no-residence = Aucune résidence pour l'instant. Commencez par en créer une, puis importez les logements.
residence-new = Nouvelle résidence
residence-create = Créer la résidence
residence-edit = Modifier la résidence
residence-save = Enregistrer
residence-name = Nom de la résidence
residence-address = Adresse
residence-postcode = Code postal
residence-city = Ville
residence-buildings = Bâtiments
residence-households = Logements
residence-households-count = { $count } logement(s)
residence-joined = Logements inscrits
residence-no-household = Aucun logement. Ajoutez-en un ci-dessous ou importez un fichier.
residence-no-building = Aucun bâtiment : les logements sont rattachés à la résidence.
building-name = Nom du bâtiment
building-create = Ajouter le bâtiment
household-new = Ajouter un logement
household-create = Ajouter le logement
household-edit = Modifier le logement
household-save = Enregistrer
household-unit = Logement
household-unit-hint = Comme sur le bail, par exemple « Logement A01 » ou « 3e étage gauche ».
household-building = Bâtiment
household-no-building = Aucun bâtiment
household-lease = Référence du bail
household-lease-hint = Unique dans votre organisme : c'est elle qui relie l'import au logement.
household-max = Nombre maximum de comptes
household-occupants = Comptes
household-occupants-count = { $count } compte(s) sur { $max }
household-no-occupant = Personne n'a encore rejoint ce logement.
household-joined-on = A rejoint le { $when }
household-remove-occupant = Retirer du logement
household-code-title = Code d'invitation
household-code-body = Imprimez un nouveau courrier pour ce logement. Le nouveau code remplace l'ancien, qui ne marchera plus.
household-code-renew = Nouveau code et courrier
household-code-issued = Code émis le
household-code-valid-until = Code valable jusqu'au
household-code-expired-on = Code expiré depuis le
household-code-never = aucun code valable (imprimez un courrier)
letters-title = Courriers d'invitation
letters-body = Chaque courrier (une page A4) porte un nouveau code pour le logement. Les codes ne sont affichés qu'une fois : imprimez-les tout de suite.
letters-which = Pour quels logements ?
letters-unclaimed = Les logements que personne n'a encore rejoints
letters-all = Tous les logements
letters-warning = Les anciens codes de ces logements ne marcheront plus.
letters-submit = Créer les courriers à imprimer
error-residence-name-empty = Indiquez le nom de la résidence.
error-residence-name-taken = Une résidence de votre organisme porte déjà ce nom.
error-text-too-long = Ce texte est trop long.
error-postcode = Le code postal compte 5 chiffres.
error-building-name = Indiquez un nom de bâtiment de 100 caractères au plus.
error-building-name-taken = Ce bâtiment existe déjà dans la résidence.
error-unit-label = Indiquez le logement (100 caractères au plus).
error-max-occupants = Indiquez un nombre de comptes de 1 à 20.
error-lease-ref = Indiquez la référence du bail (64 caractères au plus).
error-lease-ref-taken = Un logement de votre organisme a déjà cette référence de bail.

## Import
import-title = Importer des logements
import-body = Envoyez un fichier CSV (enregistré depuis un tableur en « CSV UTF-8 »), avec une ligne d'en-tête et les colonnes suivantes. Les résidences doivent déjà exister ; les bâtiments sont créés s'il le faut. Réimporter le même fichier ne change rien.
import-file = Fichier CSV
import-file-hint = Colonnes : residence, batiment (facultatif), logement, bail, occupants_max (facultatif, 4 par défaut). Séparateur « ; » ou « , ».
import-submit = Importer
import-done = Import terminé : { $created } logement(s) créé(s), { $updated } modifié(s), { $unchanged } inchangé(s), { $buildings } bâtiment(s) créé(s).
import-failed = Rien n'a été importé. Corrigez ces lignes puis recommencez :
error-import-no-file = Choisissez un fichier CSV.
import-problem-not-utf8 = Le fichier n'est pas en UTF-8 : dans votre tableur, enregistrez-le en « CSV UTF-8 ».
import-problem-empty = Le fichier ne contient aucun logement.
import-problem-too-large = Le fichier est trop gros (4 Mo au plus).
import-problem-missing-column = Ligne { $line } : il manque la colonne « { $column } ».
import-problem-malformed = Ligne { $line } : la ligne est illisible (vérifiez les guillemets).
import-problem-empty-value = Ligne { $line } : la colonne « { $column } » est vide.
import-problem-too-long = Ligne { $line } : la colonne « { $column } » est trop longue.
import-problem-unknown-residence = Ligne { $line } : aucune résidence ne s'appelle « { $name } ».
import-problem-max-occupants = Ligne { $line } : « { $value } » n'est pas un nombre de comptes de 1 à 20.
import-problem-duplicate-lease = Ligne { $line } : le bail « { $lease } » figure déjà ligne { $first }.
import-problem-more = … et { $count } autre(s) problème(s).

## Équipe
team-title = Équipe
team-members = Membres de l'équipe
team-name = Nom
team-role = Rôle
team-actions = Actions
team-make-admin = Nommer administrateur
team-make-staff = Retirer l'administration
team-remove = Retirer de l'équipe
team-invite = Inviter une personne
team-invite-submit = Envoyer l'invitation
team-pending = Invitations en attente
team-expires = Expire le { $when }
team-revoke = Annuler l'invitation
role-admin = Administrateur ou administratrice
role-staff = Équipe
error-role = Choisissez un rôle.
error-already-member = Cette personne fait déjà partie de l'équipe.
error-last-admin = Il faut garder au moins un administrateur ou une administratrice.
invitation-title = Invitation
invitation-body = Vous êtes invité(e) à rejoindre { $organisation } sur Palier ({ $role }).
invitation-accept = Accepter l'invitation
invitation-invalid = Cette invitation ne marche plus : elle a déjà servi, a été annulée ou a expiré.
invitation-sign-in-first = Un compte existe déjà pour cette adresse : connectez-vous, puis revenez sur ce lien.
invitation-create-account = Créez votre compte pour accepter.
error-invitation-other-account = Cette invitation est pour une autre adresse email. Déconnectez-vous, puis rouvrez le lien.
error-invitation-sign-in = Un compte existe déjà pour cette adresse : connectez-vous pour accepter.

## Journal
audit-title = Journal des actions
audit-body = Chaque action de l'équipe est inscrite ici et ne peut être ni modifiée ni effacée.
audit-when = Date
audit-who = Par
audit-what = Action
audit-details = Détails
audit-system = Système
audit-action-residence-created = Résidence créée
audit-action-residence-updated = Résidence modifiée
audit-action-building-created = Bâtiment ajouté
audit-action-household-created = Logement ajouté
audit-action-household-updated = Logement modifié
audit-action-household-joined = Un occupant a rejoint le logement
audit-action-household-occupant-removed = Locataire retiré d'un logement
audit-action-households-imported = Logements importés
audit-action-letters-issued = Courriers d'invitation créés
audit-action-staff-invited = Personne invitée dans l'équipe
audit-action-staff-invitation-revoked = Invitation annulée
audit-action-staff-role-changed = Rôle changé
audit-action-staff-removed = Personne retirée de l'équipe
audit-action-staff-joined = Invitation acceptée
audit-action-unknown = Action inconnue
audit-action-organisation-created = Organisme créé
audit-action-organisation-settings-changed = Réglages de l'organisme modifiés
audit-action-project-recorded = Projet saisi pour un locataire
audit-action-project-status-changed = Projet : réponse ou étape
audit-action-project-progress-posted = Avancement d'un projet publié
audit-action-project-categories-changed = Catégories de projets modifiées
audit-action-content-hidden = Contenu masqué par la modération
audit-action-content-restored = Contenu rétabli par la modération
audit-action-content-reports-dismissed = Signalements écartés par la modération

## Plateforme
platform-title = Plateforme
platform-organisations = Organismes
platform-residences = { $count } résidence(s)
platform-new = Nouvel organisme
platform-org-name = Nom de l'organisme
platform-org-slug = Nom court
platform-org-slug-hint = Lettres minuscules, chiffres et tirets, par exemple « habitat-lyon ». Il sert à la ligne de commande.
platform-org-admin = Email de la première personne administratrice
platform-org-admin-hint = Elle recevra une invitation valable 7 jours.
platform-create = Créer l'organisme
error-organisation-name = Indiquez le nom de l'organisme (200 caractères au plus).
error-slug = Le nom court compte 2 à 64 lettres minuscules, chiffres ou tirets.
error-slug-taken = Ce nom court est déjà utilisé.

## Confirmations de la gestion
ok-residence-created = La résidence a été créée.
ok-residence-updated = La résidence a été modifiée.
ok-building-created = Le bâtiment a été ajouté.
ok-household-created = Le logement a été ajouté. Imprimez son courrier d'invitation.
ok-household-updated = Le logement a été modifié.
ok-occupant-removed = La personne a été retirée du logement. Le code qu'elle connaissait ne marche plus : imprimez un nouveau courrier pour les prochains occupants.
ok-joined = Bienvenue ! Votre compte est relié à votre logement.
ok-joined-team = Bienvenue dans l'équipe !
ok-invited = L'invitation a été envoyée.
ok-invitation-revoked = L'invitation a été annulée.
ok-role-changed = Le rôle a été changé.
ok-member-removed = La personne a été retirée de l'équipe.
ok-organisation-created = L'organisme a été créé et l'invitation envoyée.

## Consultations (locataires)
nav-consultations = Consultations
dashboard-consultations-link = Voir toutes les consultations
consultations-title = Consultations
consultations-none = Aucune consultation pour l'instant.
consultations-until = Vote ouvert jusqu'au { $when }
consultations-from = Le vote ouvrira le { $when }
consultations-closed-on = Vote terminé le { $when }
consultation-vote = Voter
consultation-voted = Votre logement a voté. Merci !
consultation-not-eligible = Votre logement ne fait pas partie de cette consultation, ou a rejoint Palier après son ouverture.
consultation-questions = { $count } question(s)
consultation-links = Liens de la consultation
consultation-manage = Gérer la consultation
status-draft = Brouillon
status-scheduled = Programmée
status-open = Vote ouvert
status-closed = Vote terminé
status-published = Résultats publiés
status-archived = Archivée
rules-title = Les règles du vote
rule-dates = Dates
rule-dates-value = Du { $opens } au { $closes } (heure de Paris)
rule-unit = Qui vote
rule-unit-household = Une voix par logement
rule-unit-adult = Une voix par adulte du logement inscrit sur Palier
rule-secret = Secret
rule-secret-value = Votre vote est secret : la liste de qui a voté est gardée à part des bulletins, sans lien possible. Un reçu vous permet de vérifier que votre bulletin est compté.
rule-results = Résultats
rule-results-live = Visibles pendant le vote
rule-results-after-close = Visibles à la fin du vote
rule-quorum-title = Quorum
rule-quorum = Le résultat compte si au moins { $percent } % des votants possibles participent.

## Bulletin
ballot-title = Voter : { $title }
ballot-intro = Répondez aux questions, puis vérifiez vos réponses avant de valider. Vous ne pourrez voter qu'une fois.
ballot-review = Vérifier mes réponses
ballot-cancel = Annuler
ballot-back = Retour à la consultation
ballot-optional = (facultatif)
ballot-hint-single = Choisissez une réponse.
ballot-hint-multiple = Choisissez de { $min } à { $max } réponses.
ballot-hint-multiple-exact = Choisissez { $count } réponse(s).
ballot-hint-ranking = Donnez un rang à chacune des { $count } propositions : 1 pour votre préférée. Chaque rang ne sert qu'une fois.
ballot-hint-scale = Choisissez une note de 1 à 5.
ballot-hint-text = Écrivez votre réponse ({ $max } caractères au plus).
ballot-rank-none = Rang…
review-title = Vérifiez votre vote
review-intro = Voici vos réponses. Si elles sont justes, validez votre vote.
review-blank = (pas de réponse)
review-final = Une fois validé, votre vote ne pourra plus être changé.
review-confirm = Valider mon vote
review-change = Modifier mes réponses
receipt-title = Votre vote est enregistré
receipt-recorded = Merci, votre vote a bien été compté.
receipt-yours = Votre reçu :
receipt-explain = Ce reçu ne dit pas qui vous êtes. Quand le vote sera terminé, tous les bulletins seront publiés avec leur reçu : vous pourrez vérifier que le vôtre est compté tel que vous l'avez rempli.
receipt-once = Notez-le maintenant : il ne sera plus affiché ici. Nous vous l'avons aussi envoyé par email.
receipt-gone = Le reçu n'est affiché qu'une fois. Retrouvez-le dans l'email que nous vous avons envoyé.
error-answer-missing = Répondez à cette question.
error-answer-too-few = Choisissez au moins { $min } réponse(s).
error-answer-too-many = Choisissez au plus { $max } réponse(s).
error-answer-only-one = Choisissez une seule réponse.
error-answer-unknown = Une réponse ne fait pas partie des choix proposés.
error-answer-ranking = Donnez à chaque proposition un rang différent, de 1 à { $count }.
error-answer-scale = Choisissez une note de 1 à 5.
error-answer-too-long = Votre réponse dépasse { $max } caractères.
error-ballot-already-voted = Votre logement a déjà voté à cette consultation : un seul vote est possible.
error-ballot-not-open = Le vote n'est pas ouvert.
error-ballot-not-eligible = Votre logement ne peut pas voter à cette consultation.

## Résultats et dépouillement
results-title = Résultats
results-page-title = Résultats : { $title }
results-hidden = Les résultats seront visibles à la fin du vote.
results-live-note = Le vote est encore ouvert : ces résultats peuvent changer. Pour le secret du vote, ils avancent par groupes d'au moins { $k } votes, les réponses libres paraissent à la fin du vote, la participation d'un bâtiment ou d'une résidence n'apparaît qu'à partir de { $k } votants, et ils ne bougent plus vers la fin du vote (le dernier jour, ou le dernier quart d'un vote court).
results-turnout = Participation
results-turnout-value = { $participants } sur { $eligible } ont voté ({ $percent } %)
results-channels = { $online } en ligne, { $paper } sur papier
results-quorum-reached = Le quorum de { $percent } % est atteint.
results-quorum-missed = Le quorum de { $percent } % n'est pas atteint.
results-turnout-places = Participation par résidence et par bâtiment
results-participants = Votants
results-answers = Réponses
results-answered = { $count } réponse(s)
results-answer = Réponse
results-count = Nombre
results-multiple-note = Plusieurs réponses possibles : les pourcentages sont calculés sur les votants qui ont répondu, leur total dépasse 100 %.
results-borda-caption = Classement
results-rank = Rang
results-borda = Points
results-first-choices = Premiers choix
results-borda-explain = Méthode de Borda : avec n propositions, un rang 1 rapporte n − 1 points, un rang 2 n − 2 points, et ainsi de suite.
results-mean = Note moyenne : { $mean } sur 5
results-no-answer = Pas encore de réponse.
results-text-samples = Quelques réponses (toutes sont dans la liste des bulletins) :
results-response = La réponse du bailleur
results-csv = Télécharger les résultats (CSV)
decision-adopted = Adopté
decision-adjusted = Adopté avec des changements
decision-not-retained = Non retenu
recount-title = Liste des bulletins
recount-intro = Chaque bulletin est publié avec son reçu, sans rien qui dise qui l'a rempli. Comptez vous-même, et retrouvez le vôtre avec votre reçu.
recount-receipt-label = Votre reçu
recount-receipt-submit = Chercher mon bulletin
recount-found = Votre bulletin est bien compté. Il est surligné dans la liste.
recount-not-found = Aucun bulletin n'a ce reçu. Vérifiez qu'il est bien recopié.
recount-total = { $count } bulletin(s)
recount-receipt = Reçu
recount-csv = Télécharger les bulletins (CSV)

## Consultations (gestion)
consultations-admin-title = Consultations
consultation-new = Nouvelle consultation
consultation-create = Créer le brouillon
consultation-save = Enregistrer
consultation-settings = Réglages
consultation-title-label = Titre
consultation-summary = Résumé
consultation-summary-hint = Une ou deux phrases, montrées dans la liste des consultations.
consultation-body = Présentation
consultation-body-hint = Texte en Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…).
consultation-scope = Pour qui ?
scope-organisation = Tout l'organisme
scope-residences = Les résidences cochées
scope-buildings = Les bâtiments cochés
consultation-places = Résidences et bâtiments
consultation-places-hint = Cochez les résidences ou les bâtiments concernés, selon votre choix ci-dessus.
consultation-unit = Qui vote ?
consultation-opens = Ouverture du vote
consultation-closes = Fin du vote
consultation-time-hint = Heure de Paris.
consultation-visibility = Quand montrer les résultats ?
consultation-quorum = Quorum (facultatif)
consultation-quorum-hint = Part des votants possibles, en %, qui doivent participer pour que le résultat compte. Laissez vide pour aucun quorum.
consultation-status = État
consultation-preview = Aperçu du bulletin
consultation-public-page = Page de la consultation
preview-notice = Aperçu : voici le bulletin tel que les locataires le verront. Il ne peut pas être envoyé.
preview-back = Retour à la consultation
lifecycle-title = État
lifecycle-draft = Brouillon : tout peut encore changer. Quand les questions sont prêtes, programmez le vote ; ses règles seront alors figées.
lifecycle-schedule = Programmer le vote
lifecycle-scheduled = Programmée : le vote ouvrira le { $when }. Les règles sont figées.
lifecycle-open-now = Ouvrir le vote maintenant
lifecycle-unschedule = Revenir au brouillon
lifecycle-open = Vote ouvert jusqu'au { $when } : au moins { $participants } votant(s) sur { $eligible }. Pour le secret du vote, ce nombre avance par groupes de { $k }.
lifecycle-extend = Prolonger le vote
lifecycle-extend-label = Nouvelle date de fin
lifecycle-extend-hint = Uniquement plus tard que la date actuelle, une seule fois, et jamais quand les résultats sont visibles en direct. Les logements sont prévenus, et la prolongation est inscrite au journal.
lifecycle-closed = Vote terminé : { $participants } votant(s) sur { $eligible }.
lifecycle-archive = Archiver
lifecycle-archived = Archivée.
publish-title = Publier la réponse du bailleur
publish-decision = Décision
publish-response = Réponse aux locataires
publish-submit = Publier
question-add = Ajouter la question
question-edit = Modifier
question-save = Enregistrer la question
question-up = Monter
question-down = Descendre
question-delete = Supprimer
question-kind = Type de question
kind-single = Un seul choix
kind-multiple = Plusieurs choix
kind-ranking = Classement
kind-scale = Note de 1 à 5
kind-text = Texte libre
question-prompt = Question
question-options = Propositions
question-options-hint = Une par ligne (pour les questions à choix et les classements).
question-min = Choix au minimum
question-max = Choix au maximum
question-scale-low = Libellé de la note 1
question-scale-high = Libellé de la note 5
question-max-chars = Longueur maximale
question-max-chars-hint = Pour le texte libre, en caractères (2000 au plus).
question-required = Réponse obligatoire
paper-title = Bulletins papier
paper-body = Saisissez ici un bulletin rempli sur papier. Le logement ne pourra plus voter en ligne, et un logement qui a déjà voté en ligne ne peut pas avoir de bulletin papier. Pour le secret du vote, cette liste ne dit pas qui a voté ; un bulletin refusé parce que le logement avait voté est inscrit au journal.
paper-unit = Logement
paper-unit-choose = Choisir…
paper-submit = Enregistrer le bulletin papier
error-consultation-title = Indiquez un titre de 200 caractères au plus.
error-consultation-scope = Choisissez à qui s'adresse la consultation, et cochez au moins une résidence ou un bâtiment de votre organisme.
error-consultation-unit = Choisissez qui vote.
error-consultation-visibility = Choisissez quand montrer les résultats.
error-datetime = Indiquez une date et une heure.
error-closes-before-opens = La fin du vote doit venir après son ouverture.
error-closes-in-past = La date de fin est déjà passée.
error-quorum = Le quorum est un pourcentage de 1 à 100, ou vide.
error-consultation-frozen = Le vote est programmé ou ouvert : ses règles et ses questions ne peuvent plus changer.
error-consultation-transition = Cette action n'est pas possible dans l'état actuel de la consultation.
error-consultation-no-question = Ajoutez au moins une question avant de programmer le vote.
error-consultation-too-many-questions = Une consultation compte 50 questions au plus : retirez-en une avant d'en ajouter une autre.
error-consultation-question-not-ready = Une question n'est pas prête (propositions, limites ou libellés manquants).
error-extend-not-later = La nouvelle date de fin doit être plus tard que l'actuelle.
error-extend-once = La date de fin d'un vote ouvert ne peut être repoussée qu'une fois, et elle l'a déjà été.
error-extend-live = Les résultats de ce vote sont visibles en direct : sa date de fin ne peut pas changer, pour que personne ne prolonge le vote en voyant qui mène.
error-response = Écrivez la réponse (20 000 caractères au plus).
error-decision = Choisissez une décision.
error-question-prompt = Écrivez la question (500 caractères au plus).
error-question-kind = Choisissez un type de question.
error-options-too-few = Donnez au moins deux propositions, une par ligne.
error-choice-limits = Indiquez un minimum et un maximum possibles (le maximum ne dépasse pas le nombre de propositions).
error-max-chars = La longueur maximale va de 1 à 2000 caractères.
error-scale-labels = Donnez un libellé à la note 1 et à la note 5.
error-paper-unit = Choisissez un logement qui fait partie de la consultation.
error-receipt-length = Un reçu compte 12 lettres et chiffres, par exemple K7QM-9TXR-2HWP.
error-receipt-character = Ce reçu contient un caractère qui n'est jamais utilisé. Vérifiez-le sur votre reçu.
error-paper-own-home = Vous habitez ce logement : votez pour lui en ligne, avec votre compte, comme ses autres occupants.
error-paper-already-voted = Ce logement a déjà voté : un seul vote est possible.
ok-consultation-created = Le brouillon est créé. Ajoutez maintenant les questions.
ok-consultation-saved = Les réglages sont enregistrés.
ok-question-added = La question est ajoutée.
ok-question-saved = La question est enregistrée.
ok-schedule = Le vote est programmé. Ses règles sont figées.
ok-unschedule = La consultation est revenue au brouillon.
ok-open-now = Le vote est ouvert.
ok-extended = Le vote est prolongé.
ok-published = Les résultats et la réponse sont publiés.
ok-archive = La consultation est archivée.
ok-paper-recorded = Le bulletin papier est enregistré.
audit-action-consultation-created = Consultation créée
audit-action-consultation-scheduled = Vote programmé
audit-action-consultation-unscheduled = Vote déprogrammé
audit-action-consultation-opened-early = Vote ouvert en avance
audit-action-consultation-extended = Vote prolongé
audit-action-consultation-published = Réponse publiée
audit-action-consultation-archived = Consultation archivée
audit-action-consultation-paper-ballot = Bulletin papier saisi
audit-action-consultation-paper-ballot-refused = Bulletin papier refusé : le logement avait déjà voté

## Notifications
nav-notifications = Notifications
nav-notifications-unread = { $count ->
    [one] non lue
   *[other] non lues
}
notifications-title = Mes notifications
notifications-unread = { $count ->
    [one] Vous avez 1 notification non lue.
   *[other] Vous avez { $count } notifications non lues.
}
notifications-all-read = Vous avez tout lu.
notifications-empty = Aucune notification pour l'instant. Vous serez prévenu ici quand une consultation s'ouvrira pour votre logement.
notifications-new = Nouveau
notifications-mark-one = Marquer comme lue
notifications-mark-all = Tout marquer comme lu
notifications-preferences-link = Choisir mes emails
ok-notification-read = La notification est marquée comme lue.
ok-notifications-read = Toutes vos notifications sont marquées comme lues.
notification-consultation-opened = Vote ouvert : « { $title } ». Vous pouvez voter jusqu'au { $closes }.
notification-consultation-extended = Le vote « { $title } » est prolongé jusqu'au { $closes }.
notification-consultation-closing = Plus que 48 heures pour voter : « { $title } » ferme le { $closes }.
notification-results-available = Résultats disponibles : « { $title } ».
notification-response-published = Le bailleur a répondu : « { $title } ».
notification-ballot-cast = Votre vote est enregistré : « { $title } ». Votre reçu vous a été envoyé par email.
notification-paper-ballot = Un bulletin papier a été saisi pour votre logement dans « { $title } ». Si personne chez vous ne l'a rempli, prévenez votre bailleur.
notification-home-joined = { $name } a rejoint le logement { $unit } ({ $residence }).
notification-home-left = { $name } ne fait plus partie du logement { $unit } ({ $residence }).
notification-project-published = Nouveau projet dans votre résidence : « { $title } ».
notification-project-changed = Le projet « { $title } » { $status ->
    [under_review] est à l'étude : le bailleur doit répondre dans le délai annoncé
    [accepted] a été accepté
    [rejected] a été refusé
    [in_progress] est en cours de réalisation
    [done] est réalisé
    [withdrawn] a été retiré par son auteur
   *[other] a changé
}.
notification-project-progress = Le bailleur a publié l'avancement du projet « { $title } ».
notification-new-comment = { $name } a commenté « { $title } ».
notification-comment-reply = { $name } a répondu à votre commentaire sur « { $title } ».
notification-content-hidden = { $what ->
    [project] Votre projet « { $excerpt } » a été masqué
    [photo] Une photo de votre projet « { $excerpt } » a été masquée
   *[comment] Votre commentaire « { $excerpt } » a été masqué
} { $reason ->
    [spam] (signalé comme publicité ou spam).
    [offensive] (signalé comme blessant ou insultant).
    [personal_data] (signalé parce qu'il montre des données personnelles).
    [off_topic] (signalé comme hors sujet).
   *[other] par un modérateur.
}
notification-content-restored = { $what ->
    [project] Votre projet « { $excerpt } » est de nouveau visible.
    [photo] Une photo de votre projet « { $excerpt } » est de nouveau visible.
   *[comment] Votre commentaire « { $excerpt } » est de nouveau visible.
}
notification-meeting-convened = Le conseil « { $council } » se réunit le { $starts }.
notification-meeting-moved = La réunion du conseil « { $council } » est déplacée au { $starts }.
notification-meeting-cancelled = La réunion du conseil « { $council } » du { $starts } est annulée.

account-notifications-title = Mes emails
account-notifications-body = Choisissez ce que Palier vous envoie par email : tout de suite, une fois par jour, ou rien.
account-notifications-link = Choisir mes emails
preferences-title = Mes emails
preferences-back = Retour à mon compte
preferences-intro = Pour chaque sujet, choisissez quand recevoir un email. Vous voyez toujours tout dans vos notifications sur Palier.
preferences-always = Les emails de sécurité (vérification de l'adresse, mot de passe oublié) et les reçus de vote sont toujours envoyés.
preferences-category-consultations = Consultations de ma résidence
preferences-category-consultations-hint = Ouverture d'un vote, dernier rappel 48 heures avant la fin, résultats, réponse du bailleur.
preferences-category-home = Mon logement
preferences-category-home-hint = Une personne rejoint ou quitte votre logement sur Palier.
preferences-category-projects = Mes projets et mes commentaires
preferences-category-projects-hint = Réponse du bailleur et avancement des projets que vous proposez ou soutenez, commentaires et réponses, modération.
preferences-category-neighbourhood = La vie de ma résidence
preferences-category-neighbourhood-hint = Un voisin propose un projet ; un conseil de locataires se réunit.
preferences-mode-immediate = Un email tout de suite
preferences-mode-digest = Un résumé par jour, le matin
preferences-mode-none = Pas d'email
preferences-submit = Enregistrer mes choix
ok-preferences-saved = Vos choix sont enregistrés.

unsubscribe-title = Se désabonner
unsubscribe-invalid = Ce lien de désabonnement n'est pas valide. Il a peut-être été coupé : copiez-le en entier depuis l'email, ou connectez-vous pour choisir vos emails.
unsubscribe-manage = Choisir mes emails (connexion)
unsubscribe-what-consultations = Vous ne recevrez plus d'emails sur les consultations de votre résidence.
unsubscribe-what-home = Vous ne recevrez plus d'emails sur votre logement.
unsubscribe-what-projects = Vous ne recevrez plus d'emails sur vos projets et vos commentaires.
unsubscribe-what-neighbourhood = Vous ne recevrez plus d'emails sur les nouveaux projets et les réunions des conseils de votre résidence.
unsubscribe-what-all = Vous ne recevrez plus aucun email de notification.
unsubscribe-kept = Vous verrez toujours ces informations dans vos notifications sur Palier. Les emails de sécurité et les reçus de vote continuent.
unsubscribe-submit = Confirmer le désabonnement
unsubscribed-title = Désabonnement confirmé
unsubscribed-body = C'est fait : ces emails ne vous seront plus envoyés. Vous pouvez changer d'avis à tout moment dans votre compte.
former-tenant = Un ancien locataire

## The secret-ballot page
secrecy-link = Comment votre vote reste secret, et comment vérifier le compte
footer-secrecy = Le secret du vote
secrecy-title = Comment votre vote reste secret, et comment vérifier le compte
secrecy-intro = Votre bailleur organise le vote, mais il ne peut pas savoir ce que votre logement a voté. Voici pourquoi, et ce que vous pouvez vérifier vous-même.
secrecy-landlord-title = Ce que le bailleur voit
secrecy-landlord = Pendant le vote, le bailleur voit combien de logements ont voté, par groupes d'au moins 5. Il ne voit pas quels logements ont voté, ni ce qu'un logement a répondu. À la fin, il voit qui a voté, comme sur une liste d'émargement, mais jamais ce que chacun a voté.
secrecy-apart-title = Votre bulletin est rangé à part
secrecy-apart = Quand vous votez, Palier note que votre logement a voté, pour qu'il ne vote pas deux fois. Votre bulletin est rangé à part : sans votre nom, sans votre logement et sans l'heure du vote.
secrecy-live-title = Les résultats pendant le vote
secrecy-live = Si les résultats sont visibles pendant le vote, ils changent seulement par groupes d'au moins 5 votes, et les réponses écrites ne paraissent qu'à la fin. Vers la fin du vote (le dernier jour, ou le dernier quart d'un vote court), ils ne bougent plus. Ainsi, personne ne peut deviner votre réponse en regardant l'écran juste après votre vote.
secrecy-receipt-title = Votre reçu
secrecy-receipt = Après votre vote, vous recevez un reçu : un code de 12 lettres et chiffres, montré une seule fois et envoyé par email. Gardez-le. Ce code ne dit pas qui vous êtes.
secrecy-check-title = Vérifier le compte
secrecy-check = À la fin du vote, la liste de tous les bulletins est publiée, chacun avec son reçu. Cherchez-y votre reçu : vous verrez votre bulletin tel que vous l'avez rempli. Tout le monde peut recompter les résultats avec cette liste, et le bailleur peut la télécharger pour le faire.
secrecy-paper-title = Les bulletins papier
secrecy-paper = Le personnel peut saisir le bulletin papier d'un logement. Il ne le peut pas si le logement a déjà voté, et chaque saisie, acceptée ou refusée, est inscrite au journal du bailleur. Les occupants du logement sont prévenus qu'un bulletin papier a été saisi pour eux.
secrecy-limits-title = Ce que nous améliorons encore
secrecy-limits = Une personne qui lit directement la base de données pendant le vote pourrait encore relier un bulletin à un logement. Nous travaillons à fermer cette possibilité. Si vous avez un doute, parlez-en à votre association de locataires.

## Réglages d'un organisme
settings-title = Réglages
settings-intro = Ces réglages valent pour toutes les résidences de l'organisme.
settings-codes = Codes d'invitation
field-code-validity-days = Durée de validité d'un code, en jours
field-code-validity-days-hint = De 7 à 365 jours après le courrier (90 par défaut). Un code plus ancien ne permet plus de rejoindre le logement : il faut imprimer un nouveau courrier. Le changement vaut aussi pour les codes déjà envoyés.
settings-save = Enregistrer les réglages
ok-settings-saved = Les réglages sont enregistrés.
error-code-validity-days = Indiquez un nombre de jours entre 7 et 365.

## Projets des habitants (Habitant 3.0)
nav-projects = Projets
euros = { $amount } €
projects-title = Projets des habitants
projects-intro = Les habitants proposent des projets pour leur résidence. Soutenez ceux qui vous plaisent : quand un projet a assez de soutiens, le bailleur doit y répondre dans un délai annoncé.
projects-propose = Proposer un projet
projects-back = Tous les projets
projects-drafts = Mes brouillons
projects-drafts-hint = Vous seul les voyez. Publiez-les depuis leur page.
projects-record = Réponses du bailleur en { $year } : { $on_time } sur { $due } dans le délai annoncé.
projects-record-none = Réponses du bailleur en { $year } : aucun projet n'attendait encore de réponse.
projects-filters = Trier et filtrer les projets
projects-residence = Résidence
projects-any-residence = Toutes les résidences
projects-category = Catégorie
projects-any-category = Toutes les catégories
projects-status = État
projects-any-status = Tous les états
projects-sort = Ordre
projects-sort-newest = Les plus récents
projects-sort-most-supported = Les plus soutenus
projects-sort-oldest-unanswered = En attente de réponse depuis le plus longtemps
projects-filter = Afficher
projects-count = { $count ->
    [0] Aucun projet.
    [one] 1 projet.
   *[other] { $count } projets.
}
projects-export = Données ouvertes (sans nom ni texte des habitants) :
projects-export-csv = tableur (CSV)
projects-export-json = JSON
project-status-draft = Brouillon
project-status-submitted = Proposé
project-status-under-review = À l'étude
project-status-accepted = Accepté
project-status-rejected = Refusé
project-status-in-progress = En cours
project-status-done = Réalisé
project-status-withdrawn = Retiré
project-category-garden = Jardins et espaces verts
project-category-conviviality = Convivialité et fêtes
project-category-surroundings = Cadre de vie et aménagements
project-category-solidarity = Solidarité et entraide
project-category-youth = Enfants et jeunes
project-category-seniors = Seniors
project-category-environment = Environnement et économies d'énergie
project-category-culture = Culture, sport et loisirs
project-category-other = Autre
project-need-volunteers = Des bénévoles
project-need-space = Un lieu
project-need-money = Un budget
project-overdue = Réponse en retard
project-overdue-long = le délai est dépassé
project-hidden-title = Projet masqué
project-comments = { $count ->
    [0] aucun commentaire
    [one] 1 commentaire
   *[other] { $count } commentaires
}
project-supports = { $count ->
    [0] aucun soutien
    [one] 1 soutien
   *[other] { $count } soutiens
}
project-supports-of = { $count } soutien(s) sur { $target } nécessaires
project-back = Retour au projet
project-draft-title = Brouillon : vous seul le voyez
project-draft-body = Relisez votre projet, puis publiez-le pour que vos voisins puissent le soutenir. Vous pourrez encore le modifier tant que personne ne l'a soutenu.
project-similar-title = Un voisin a peut-être déjà proposé cela
project-similar-body = Ces projets de votre résidence lui ressemblent. Si l'un d'eux est le même, soutenez-le plutôt que d'en publier un autre.
project-place = Où
project-proposed = Proposé par
project-by = { $name }
project-by-gone = un habitant (compte supprimé)
project-by-channel-online = un habitant, en ligne
project-by-channel-phone = un habitant, par téléphone (saisi par le bailleur)
project-by-channel-lodge = un habitant, à la loge (saisi par le bailleur)
project-by-channel-paper = un habitant, par courrier (saisi par le bailleur)
project-cost = Coût estimé
project-spent = Coût réel
project-spent-hint = En euros, sans centimes. Laissez vide si vous ne le connaissez pas.
project-needs = Ce dont le projet a besoin
project-needs-hint = Cochez ce qu'il faut pour le réaliser.
project-due = Réponse du bailleur attendue avant le
project-photo = Photo { $number }
photo-hidden = Photo masquée par la modération.
project-timeline = Historique du projet
project-event-draft = Brouillon créé
project-event-submitted = Projet publié
project-event-under-review = Le projet passe à l'étude : le bailleur doit répondre dans le délai annoncé
project-event-accepted = Le bailleur accepte le projet
project-event-rejected = Le bailleur refuse le projet
project-event-in-progress = La réalisation commence
project-event-done = Le projet est réalisé
project-event-withdrawn = L'auteur retire son projet
project-event-progress = Le bailleur donne des nouvelles
project-event-addition = L'auteur complète son projet
project-event-other = Changement
project-support-title = Soutiens
project-support-hint = Un soutien par logement. Vous pouvez retirer le vôtre tant que le projet n'est pas à l'étude.
project-support = Je soutiens ce projet
project-supported = Votre logement soutient ce projet
project-unsupport = Retirer mon soutien
project-yours = Votre projet
project-submit = Publier le projet
project-edit = Modifier le projet
project-add = Compléter le projet
project-add-hint = Des voisins le soutiennent déjà : vous ne pouvez plus le réécrire, mais vous pouvez ajouter des précisions, datées.
project-add-label = Votre précision
project-add-submit = Ajouter
project-withdraw = Retirer le projet
project-withdraw-body = Le projet ne pourra plus être soutenu. Ses soutiens seront prévenus. Vous ne pourrez pas annuler.
project-withdraw-confirm = Oui, retirer le projet
project-landlord = Réponse du bailleur
project-answer-action = Étape
project-action-review = Mettre à l'étude (avant le seuil de soutiens)
project-action-accept = Accepter
project-action-reject = Refuser (expliquer pourquoi)
project-action-start = Commencer la réalisation
project-action-finish = Le projet est réalisé
project-answer-message = Message public
project-answer-message-hint = Les habitants le lisent sur la page du projet. Obligatoire pour un refus.
project-answer-submit = Enregistrer la réponse
project-progress = Donner des nouvelles
project-progress-message = Où en est le projet ?
project-progress-submit = Publier les nouvelles
project-new-title = Proposer un projet
project-new-intro = Décrivez votre idée pour la résidence. Elle reste un brouillon, que vous seul voyez, jusqu'à ce que vous la publiiez.
project-new-staff-intro = Saisissez le projet d'un habitant qui a appelé, est passé à la loge ou a écrit. Il est publié tout de suite, en son nom.
project-on-behalf = Pour quel habitant ?
project-on-behalf-body = Le projet est enregistré pour son logement, et la page dit qu'il a été saisi par le bailleur.
project-lease = Référence du bail
project-lease-hint = Celle du logement de l'habitant, par exemple TIL-A01.
project-channel = Comment l'habitant l'a proposé
project-channel-online = En ligne
project-channel-phone = Par téléphone
project-channel-lodge = À la loge
project-channel-paper = Par courrier
project-residence = Résidence
project-residence-choose = Choisissez la résidence
project-title = Titre du projet
project-title-hint = En quelques mots, par exemple « Un jardin partagé dans la cour ».
project-description = Description
project-description-hint = Ce que vous proposez, pour qui, où. Vous pouvez écrire en **gras**, en *italique* et faire des listes avec des tirets.
project-category = Catégorie
project-category-choose = Choisissez une catégorie
project-building = Bâtiment
project-building-hint = Si le projet concerne un seul bâtiment.
project-whole-residence = Toute la résidence
project-cost-hint = Si vous avez une idée, en euros, sans centimes. Vous pouvez laisser vide.
field-photos = Photos
field-photos-hint = { $count ->
    [0] Ce projet a déjà trois photos.
    [one] Une photo de plus au plus, en JPEG, PNG ou WebP, de 10 Mo au plus.
   *[other] { $count } photos au plus, en JPEG, PNG ou WebP, de 10 Mo chacune au plus.
} Les informations cachées des photos (lieu, appareil) sont supprimées.
project-draft-submit = Enregistrer le brouillon
project-record-submit = Publier le projet de cet habitant
project-photos-again = Si vous aviez choisi des photos, choisissez-les à nouveau.
project-edit-title = Modifier le projet
project-edit-intro = Vous pouvez le modifier tant que personne ne l'a soutenu.
project-save = Enregistrer
project-photos = Photos du projet
project-photo-remove = Retirer cette photo
ok-project-drafted = Votre brouillon est enregistré. Relisez-le, puis publiez-le.
ok-project-recorded = Le projet de l'habitant est publié.
ok-project-saved = Le projet est modifié.
ok-project-published = Votre projet est publié : vos voisins peuvent le soutenir.
ok-project-added = Votre précision est ajoutée.
ok-project-answered = La réponse est publiée et les habitants concernés sont prévenus.
ok-progress-posted = Les nouvelles sont publiées.
ok-support-given = Votre soutien est enregistré.
ok-support-reached = Votre soutien est enregistré : le projet a assez de soutiens, le bailleur doit maintenant y répondre.
ok-support-withdrawn = Votre soutien est retiré.
ok-project-withdrawn = Le projet est retiré.
ok-photo-removed = La photo est retirée.
error-project-title-short = Le titre compte au moins 5 caractères.
error-project-title-long = Le titre compte 120 caractères au plus.
error-project-description-short = Décrivez le projet en 20 caractères au moins.
error-project-description-long = La description compte 10 000 caractères au plus.
error-project-cost = Indiquez un montant en euros, sans centimes (ou laissez vide).
error-project-category = Choisissez une catégorie de la liste.
error-project-place = Choisissez une résidence (et un bâtiment) de la liste.
error-project-needs = Cochez les besoins de la liste.
error-project-channel = Choisissez comment l'habitant a proposé le projet.
error-project-action = Choisissez une étape de la liste.
error-project-message-empty = Écrivez un message.
error-project-message-long = Le message compte 5 000 caractères au plus.
error-project-not-now = Ce n'est plus possible : le projet a changé entre-temps. Rechargez la page.
error-project-lease-unknown = Aucun logement de cette résidence n'a cette référence de bail.
error-photo-count = Trois photos au plus par projet.
error-photo-too-large = Une photo fait plus de 10 Mo : choisissez-en une plus légère.
error-photo-type = Une photo n'est pas au format JPEG, PNG ou WebP.
error-photo-unreadable = Une photo est abîmée et ne peut pas être lue. Choisissez-en une autre.
error-photo-pixels = Une photo est trop grande (plus de 10 000 pixels de côté).

## Commentaires, signalements, modération
comments-title = { $count ->
    [0] Commentaires
    [one] 1 commentaire
   *[other] { $count } commentaires
}
comments-none = Pas encore de commentaire.
comment-new = Votre commentaire
comment-label = Votre commentaire
comment-hint = Restez courtois : un commentaire signalé par plusieurs voisins est masqué jusqu'à la décision d'un modérateur.
comment-as-landlord = Vous écrivez au nom du bailleur.
comment-submit = Publier le commentaire
comment-reply = Répondre
comment-reply-label = Votre réponse
comment-reply-submit = Publier la réponse
comment-edit = Modifier
comment-edit-submit = Enregistrer
comment-delete = Supprimer
comment-edited = modifié
comment-landlord = Le bailleur
comment-author-gone = Compte supprimé
comment-deleted = Commentaire supprimé par son auteur.
content-pending = Masqué après plusieurs signalements, en attente de la décision d'un modérateur.
content-hidden = Masqué par la modération.
ok-comment-posted = Votre commentaire est publié.
ok-comment-edited = Votre commentaire est modifié.
ok-comment-deleted = Votre commentaire est supprimé.
error-comment-empty = Écrivez votre commentaire.
error-comment-long = Un commentaire compte 5 000 caractères au plus.
error-comment-not-now = Ce n'est plus possible (le délai de 15 minutes pour modifier est passé, ou l'élément n'accepte plus de commentaire).
moderation-visible = Visible
moderation-pending = Masqué en attente de modération
moderation-hidden = Masqué par la modération
report-open-project = Signaler ce projet
report-open-comment = Signaler
report-open-photo = Signaler cette photo
report-reason = Pourquoi ?
report-hint = Le bailleur ne dit à personne qui a signalé.
report-reason-spam = Publicité ou spam
report-reason-offensive = Blessant ou insultant
report-reason-personal-data = Montre des données personnelles
report-reason-off-topic = Hors sujet
report-submit = Signaler
report-done = Vous l'avez signalé.
ok-reported = Merci : votre signalement est enregistré.
error-report-reason = Choisissez une raison.
project-hidden-notice = Son contenu n'est pas affiché.
project-hidden-moderator = Vous le voyez parce que vous êtes modérateur.
moderation-title = Modération
moderation-intro = Les contenus signalés par les habitants. Un contenu signalé par assez de personnes est masqué jusqu'à votre décision. Son auteur est prévenu de la décision ; chaque décision est inscrite au journal.
moderation-empty = Aucun contenu signalé.
moderation-kind-project = Projet
moderation-kind-comment = Commentaire
moderation-kind-photo = Photo
moderation-author = Auteur
moderation-reports = Signalements
moderation-reporters = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}
moderation-reason-spam = publicité ({ $count })
moderation-reason-offensive = blessant ({ $count })
moderation-reason-personal-data = données personnelles ({ $count })
moderation-reason-off-topic = hors sujet ({ $count })
moderation-since = Premier signalement
moderation-see = Voir
moderation-decision-hide = Masquer
moderation-decision-restore = Rétablir
moderation-decision-dismiss = Écarter les signalements
ok-hide = Le contenu est masqué et son auteur prévenu.
ok-restore = Le contenu est rétabli et son auteur prévenu.
ok-dismiss = Les signalements sont écartés.
back-office-moderation = Modération

## Réglages des projets
settings-projects = Projets des habitants
settings-support-unit = Qui soutient un projet ?
settings-unit-household = Chaque logement (un soutien par logement)
settings-unit-adult = Chaque habitant inscrit
settings-threshold-kind = Comment compter le seuil de soutiens
settings-threshold-kind-supports = Un nombre de soutiens
settings-threshold-kind-percent = Une part des logements de la résidence (en %)
settings-threshold = Seuil
settings-threshold-hint = Quand un projet l'atteint, il passe à l'étude et le bailleur doit y répondre. Par exemple 10 soutiens, ou 5 %.
settings-answer-days = Délai de réponse du bailleur (jours)
settings-answer-days-hint = Entre 1 et 365 jours, à partir de la mise à l'étude. Il est affiché sur chaque projet.
settings-report-threshold = Signalements avant de masquer un contenu
settings-report-threshold-hint = Nombre de personnes différentes, entre 1 et 50.
error-support-threshold = Indiquez un seuil entre 1 et 10 000.
error-support-percent = Une part des logements va jusqu'à 100 %.
error-support-unit = Choisissez qui soutient un projet.
error-support-threshold-kind = Choisissez comment compter le seuil.
error-answer-days = Indiquez un délai entre 1 et 365 jours.
error-report-threshold = Indiquez un nombre entre 1 et 50.
residence-projects-count = { $count ->
    [0] Pas encore de projet proposé dans la résidence.
    [one] 1 projet proposé dans la résidence.
   *[other] { $count } projets proposés dans la résidence.
}
residence-projects-link = Voir les projets de la résidence
settings-categories = Catégories de projets
settings-categories-intro = Les habitants classent leurs projets dans ces catégories. Une catégorie archivée n'est plus proposée ; les projets déjà classés la gardent.
settings-category-archived = archivée
settings-category-archive = Archiver
settings-category-restore = Proposer à nouveau
settings-category-add = Ajouter une catégorie
settings-category-label = Nom de la catégorie
settings-category-add-submit = Ajouter
project-count = { $count ->
    [0] aucun projet
    [one] 1 projet
   *[other] { $count } projets
}
ok-category-added = La catégorie est ajoutée.
ok-category-archived = La catégorie est archivée.
ok-category-restored = La catégorie est de nouveau proposée.
error-category-label = Le nom compte 2 à 100 caractères.
error-category-taken = L'organisme a déjà une catégorie de ce nom.
project-discard = Supprimer le brouillon
project-discard-body = Le brouillon et ses photos sont supprimés. Personne d'autre ne l'a vu.
project-discard-confirm = Oui, supprimer le brouillon
ok-draft-discarded = Le brouillon est supprimé.
nav-moderation = Modération
settings-moderators = Habitants modérateurs
settings-moderators-intro = L'organisme peut nommer des habitants (les membres d'un conseil de concertation, par exemple) pour modérer les contenus de la résidence où ils habitent : ils voient les signalements et décident, comme l'équipe. L'équipe modère toutes les résidences.
settings-moderators-none = Aucun habitant n'est nommé : l'équipe modère seule.
settings-moderator-remove = Ne plus modérer
settings-moderator-email = Adresse email de l'habitant
settings-moderator-email-hint = Celle de son compte Palier. Il doit habiter une résidence de l'organisme.
settings-moderator-name = Nommer modérateur
ok-moderator-named = L'habitant est nommé modérateur.
ok-moderator-removed = L'habitant ne modère plus.
error-moderator-not-tenant = Aucun habitant d'une résidence de l'organisme n'a un compte à cette adresse.
audit-action-moderator-named = Habitant nommé modérateur
audit-action-moderator-removed = Habitant retiré de la modération
audit-action-council-created = Conseil créé
audit-action-council-member-added = Membre d'un conseil ajouté ou modifié
audit-action-council-member-removed = Membre retiré d'un conseil
audit-action-meeting-convened = Réunion convoquée
audit-action-meeting-moved = Réunion déplacée
audit-action-meeting-cancelled = Réunion annulée
audit-action-meeting-agenda-changed = Ordre du jour modifié
dashboard-projects-title = Projets de la résidence
dashboard-projects-body = Proposez une idée pour la résidence, soutenez celles de vos voisins, suivez la réponse du bailleur.
dashboard-projects-link = Voir les projets

## Conseils de locataires
councils-admin-title = Conseils de locataires
councils-admin-intro = Le conseil de concertation locative, les conseils de résidence, les associations de locataires : chacun a une page publique, ses membres, ses réunions et leur ordre du jour.
councils-none = Aucun conseil pour l'instant.
council-covers-all = Toutes les résidences
council-covers-all-of = Toutes les résidences de { $organisation }
council-covers = Résidences concernées
council-kind = Type de conseil
council-kind-ccl = Conseil de concertation locative
council-kind-residence-council = Conseil de résidence
council-kind-tenants-association = Association de locataires
council-kind-other = Autre conseil
council-new = Créer un conseil
council-name = Nom du conseil
council-name-hint = Par exemple : « CCL Habitat Centre » ou « Conseil de résidence Les Tilleuls ».
council-residences = Résidences concernées
council-residences-hint = Ne cochez rien si le conseil concerne toutes vos résidences.
council-description = À quoi sert ce conseil
council-description-hint = Quelques lignes, visibles de tous. Facultatif.
council-create = Créer le conseil
council-upcoming = Prochaines réunions
council-no-upcoming = Aucune réunion prévue.
council-past = Réunions passées
council-feed = Ajouter les réunions à mon agenda (fichier .ics)
council-feed-hint = Dans votre application d'agenda, abonnez-vous à cette adresse : les réunions s'y mettront à jour toutes seules.
council-members = Membres
council-no-members = Aucun membre pour l'instant.
council-term-ends = Mandat jusqu'au { $date }
council-member-remove = Retirer
council-member-add = Ajouter un membre ou changer son rôle
council-member-email = Adresse email de la personne
council-member-email-hint = La personne doit avoir un compte Palier avec cette adresse.
council-member-role = Rôle
council-member-term = Fin du mandat
council-member-term-hint = Facultatif.
council-member-save = Enregistrer le membre
seat-role-president = Président·e
seat-role-secretary = Secrétaire
seat-role-member = Membre
seat-role-landlord-representative = Représentant·e du bailleur
seat-role-guest = Invité·e
meeting-convene = Convoquer une réunion
meeting-convene-intro = Préparez ensuite l'ordre du jour, puis envoyez la convocation aux membres : chacun la reçoit par email avec une invitation pour son agenda.
meeting-convene-submit = Créer la réunion
meeting-starts = Date et heure
meeting-minutes = Durée, en minutes
meeting-minutes-hint = Entre 15 minutes et 8 heures.
meeting-place = Lieu
meeting-place-hint = Par exemple : salle commune, bâtiment A. Un lieu ou un lien de visio est nécessaire.
meeting-video = Lien de visio
meeting-video-hint = Facultatif. Une adresse qui commence par https://
meeting-status-cancelled = Annulée
meeting-title = { $council } : réunion du { $when }
meeting-cancelled-notice = Cette réunion est annulée.
meeting-held-notice = Cette réunion a eu lieu.
meeting-when = Quand
meeting-when-value = Le { $when }, jusqu'à { $ends } (heure de Paris)
meeting-agenda = Ordre du jour
meeting-agenda-empty = L'ordre du jour n'est pas encore fixé.
meeting-item-minutes = { $minutes } min
meeting-item-remove = Retirer ce point
meeting-agenda-total = Durée prévue des points : { $minutes } min.
meeting-agenda-too-long = Attention : les points prévus durent plus longtemps que la réunion.
meeting-item-add = Ajouter un point à l'ordre du jour
meeting-item-title = Titre du point
meeting-item-description = Description
meeting-item-presenter = Présenté par
meeting-item-presenter-hint = Facultatif. Par exemple : le bailleur, la présidente.
meeting-item-duration = Durée prévue, en minutes
meeting-item-save = Ajouter le point
meeting-answer = Serez-vous là ?
meeting-answer-label = Ma réponse
meeting-answer-submit = Envoyer ma réponse
meeting-reply-present = Je serai présent·e
meeting-reply-excused = Je m'excuse, je ne pourrai pas venir
meeting-reply-is-present = Vous avez répondu : présent·e.
meeting-reply-is-excused = Vous avez répondu : excusé·e.
meeting-replies = Réponses des membres
meeting-reply-none = pas encore de réponse
meeting-manage = Gérer la réunion
meeting-convocations-intro = Envoyez la convocation quand l'ordre du jour est prêt. Si la réunion change, les membres reçoivent la mise à jour automatiquement.
meeting-convocations-send = Envoyer la convocation aux membres
meeting-move = Déplacer la réunion
meeting-move-intro = Les membres reçoivent la nouvelle date par email, et leur agenda se met à jour.
meeting-move-submit = Déplacer la réunion
meeting-cancel = Annuler la réunion
meeting-cancel-intro = Les membres sont prévenus par email, et la réunion disparaît de leur agenda. Ce choix est définitif.
meeting-cancel-submit = Annuler la réunion
meeting-permalink = Adresse de cette réunion
ok-council-created = Le conseil est créé. Ajoutez ses membres.
ok-council-member-added = Le membre est enregistré.
ok-council-member-removed = Le membre est retiré du conseil.
ok-meeting-convened = La réunion est créée. Préparez l'ordre du jour, puis envoyez la convocation.
ok-meeting-moved = La réunion est déplacée. Les membres sont prévenus.
ok-meeting-cancelled = La réunion est annulée. Les membres sont prévenus.
ok-convocations-sent = La convocation part aux membres.
ok-item-added = Le point est ajouté à l'ordre du jour.
ok-item-removed = Le point est retiré de l'ordre du jour.
ok-reply-present = Merci : vous êtes noté·e présent·e.
ok-reply-excused = Merci : vous êtes noté·e excusé·e.
error-council-name = Le nom du conseil doit faire entre 2 et 150 caractères.
error-council-kind = Choisissez le type de conseil.
error-council-residence = Une des résidences cochées n'est pas à votre organisme.
error-council-unknown-person = Aucun compte n'a cette adresse. La personne doit d'abord créer son compte.
error-seat-role = Choisissez le rôle.
error-term-end = Indiquez une date valide, ou laissez vide.
error-meeting-duration = La durée doit être entre 15 et 480 minutes.
error-meeting-where = Indiquez un lieu ou un lien de visio.
error-meeting-not-now = Ce n'est plus possible : la date est passée, ou la réunion est annulée.
error-video-link = Le lien de visio doit commencer par https:// (500 caractères au plus).
error-item-title = Le titre du point doit faire entre 2 et 200 caractères.
error-item-minutes = La durée doit être entre 1 et 240 minutes.

residence-councils = Conseils de locataires de la résidence
