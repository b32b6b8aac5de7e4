# Palier — interface text in English (second language).
# Every message also exists in ../fr/main.ftl; a test checks it.

site-name = Palier
site-tagline = The tenant participation portal

## Page structure
skip-to-content = Skip to content
nav-main = Main menu
nav-home = Home
footer-nav = About this site
footer-accessibility = Accessibility: partially compliant
footer-legal = Legal notice
footer-about = Palier helps tenants and their landlords decide together.

## Language choice
language-current = Language: { $language } (current language)

## Home
home-title = Palier: your voice counts in your residence
home-lead = Palier lets tenants give their opinion to their landlord, vote, and propose projects for their residence.
home-what-title = What you can do
home-what-vote = Vote in your landlord's consultations, in secret, and check the result.
home-what-propose = Propose projects for your residence and support your neighbours' projects.
home-what-follow = Read the tenant council's minutes and follow its decisions.
home-join-title = How to join your home
home-join-step1 = Create your account with your email address.
home-join-step2 = Enter the code from your landlord's letter (for example K7QM-9TXR-2HWP).
home-join-step3 = You then see your residence's consultations and projects.
home-help = Need help? Your caretaker, your landlord or a tenants' association can help you.

## Accessibility
a11y-title = Accessibility statement
a11y-intro = Palier is committed to making its service accessible to everyone, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.
a11y-status-title = Compliance status
a11y-status = Palier partially complies with the French accessibility framework (RGAA 4.1), because of the points listed below.
a11y-tests-title = How we test
a11y-tests = Every page is checked automatically with axe-core (WCAG 2.1 level A and AA rules) on every change, and works without JavaScript, with a keyboard and with a screen reader.
a11y-limits-title = Known limitations
a11y-limits = Result charts come with a data table. Documents attached by landlords may not be accessible.
a11y-contact-title = Report a problem
a11y-contact = If you cannot access some content or a service, contact your landlord: they will answer you or offer another way.
a11y-recourse-title = Remedies
a11y-recourse = If you get no answer, you can contact the Défenseur des droits (www.defenseurdesdroits.fr).

## Legal notice
legal-title = Legal notice
legal-publisher-title = Publisher
legal-publisher = This service is published by the organisation that runs it (your landlord or its federation). Palier is free software.
legal-data-title = Personal data
legal-data = Palier keeps only the data needed for participation: your email address, your display name and your home. Your vote is secret: it is never linked to your account. You can download your data or delete your account at any time.
legal-cookies-title = Cookies
legal-cookies = Palier uses only two necessary cookies: your chosen language and, when you are signed in, your session. No tracking or advertising cookies.

## Errors
not-found-title = Page not found
not-found-body = The page you asked for does not exist or has moved.
back-home = Back to the home page
error-title = Something went wrong
error-body = The service could not answer. Try again in a moment; if the problem continues, tell your landlord.
loading = Loading…

## Menu
nav-sign-in = Sign in
nav-register = Create an account
nav-dashboard = My home page
nav-join = Join my home
nav-back-office = Management
nav-platform = Platform
nav-account = My account
nav-sign-out = Sign out

## Form fields
field-display-name = Your name
field-display-name-hint = The name your neighbours and your landlord will see, for example "Jeanne M.".
field-email = Email address
field-email-hint = We will send a link there to confirm your account.
field-new-email = New email address
field-password = Password
field-password-confirm = Your current password, to confirm
field-current-password = Current password
field-new-password = New password
field-new-password-hint = At least 12 characters. A sentence of several words is easy to remember and hard to guess.

## Error messages
error-summary-title = The form has errors
error-invalid = The form has errors.
error-unauthenticated = Sign in to continue.
error-forbidden = You do not have access to this page or action.
error-not-found = What you are looking for does not exist or no longer exists.
error-rate-limited = Too many attempts. For your security, try again in { $minutes } minute(s).
error-bad-request = The request is incomplete. Reload the page and try again.
error-internal = The service could not record your request. Try again in a moment.
error-email-empty = Enter your email address.
error-email-invalid = This email address is not valid. It looks like "name@example.org".
error-email-too-long = This email address is too long.
error-email-same = This is already your account's address.
error-email-taken = This address is now used by another account.
error-name-empty = Enter your name.
error-name-too-long = Your name must be 60 characters or fewer.
error-name-invalid = Your name contains invisible characters: type it again.
error-password-empty = Enter your password.
error-password-too-short = The password must be at least 12 characters long.
error-password-too-long = The password must be 128 characters or fewer.
error-password-common = This password is too common or too easy to guess (a common word, a run like 123456, your name). Choose another one, for example a sentence of several words.
error-password-wrong = This password is not the right one.
error-login-invalid = Wrong email address or password.
error-login-unverified = Your email address is not confirmed yet. We have just sent you the link again: open it, then sign in.
error-delete-confirm = Tick the box to confirm the deletion.
error-code-empty = Enter the code from your letter.
error-code-length = The code has 12 letters and digits, for example K7QM-9TXR-2HWP.
error-code-character = The code contains a character that is never used. Check it on your letter.

## Confirmations
ok-verified = Your address is confirmed. You can sign in.
ok-password-reset = Your password was changed. Sign in with the new one.
ok-sent = If an account exists for this address, an email has just been sent to it. The link is valid for 30 minutes.
ok-renamed = Your name was changed.
ok-email-sent = We sent a link to the new address. Your address will change once you open it.
ok-email-changed = Your email address was changed.
ok-password-changed = Your password was changed. Your other devices were signed out.
ok-session-ended = This session was ended.
ok-sessions-ended = All your other sessions were ended.
ok-signed-out = You are signed out. See you soon!
ok-account-deleted = Your account was deleted. Your contributions remain, signed "former tenant".

## Registration
register-title = Create an account
register-lead = With an account, you can join your home with the code from your letter, then vote and propose projects.
register-privacy = Your email address will never be shown to your neighbours.
register-submit = Create my account
register-have-account = I already have an account
register-sent-title = Check your email
register-sent-body = We sent you an email. Open the link in it to activate your account.
register-sent-spam = Nothing after a few minutes? Look in your junk (spam) folder, or try to sign in: we will send the link again.
verify-title = Confirm your address
verify-body = Press the button to confirm your email address and activate your account.
verify-submit = Confirm my address
verify-invalid = This link no longer works: it was already used or it has expired.
verify-invalid-next = Sign in: if your address is not confirmed yet, we will send you a new link.

## Sign-in
login-title = Sign in
login-remember = Stay signed in on this device
login-remember-hint = For 30 days. Do not tick on a shared computer.
login-submit = Sign in
login-forgot = Forgot your password?
login-new-title = No account yet?
login-new-body = Create one in two minutes with your email address.
forgot-title = Forgotten password
forgot-body = Enter your account's email address: we will send you a link to choose a new password.
forgot-submit = Send me the link
reset-title = Choose a new password
reset-effect = You will then be signed out on all your devices, and sign in again with the new password.
reset-submit = Save the password
reset-invalid = This link no longer works: it was already used or it has expired (it is valid for 30 minutes).
reset-ask-again = Ask for a new link

## Dashboard
dashboard-title = My home page
dashboard-hello = Hello { $name }
dashboard-home-title = My home
dashboard-home-body = Your residence, its consultations and its projects.
dashboard-home-link = See my home
dashboard-join-title = Join my home
dashboard-join-body = Enter the code from your landlord's letter to link your account to your home.
dashboard-join-link = Enter my code
dashboard-staff-title = Management
dashboard-staff-body = Residences, homes, invitation letters and team.
dashboard-account-title = My account
dashboard-account-body = Name, email address, password, language, sessions and data.

## My account
account-title = My account
account-name-title = My name
account-name-submit = Save the name
account-language-title = Language
account-language-label = Language of Palier and its emails
account-language-hint = Palier will show pages and write to you in this language.
account-language-submit = Save the language
account-email-title = Email address
account-email-current = Current address: { $email }
account-email-submit = Change address
account-password-title = Password
account-password-effect = Your other devices will be signed out.
account-password-submit = Change the password
account-sessions-title = My sessions
account-sessions-body = The devices signed in to your account. End a session you do not recognise, then change your password.
account-sessions-unknown-device = Unknown device
account-sessions-this-device = this device
account-sessions-seen = Last active on { $when }, signed in since { $since }
account-sessions-revoke = End this session
account-sessions-revoke-others = End all other sessions
account-data-title = My data
account-data-body = Download everything Palier keeps about you, as a JSON file. Your votes are secret: they are not linked to your account.
account-data-download = Download my data
account-delete-title = Delete my account
account-delete-body = Your address, name and password will be erased, and you will be signed out. Your proposals and comments remain, signed "former tenant"; your votes stay counted, with no link to you. This cannot be undone.
account-delete-confirm = I understand this cannot be undone
account-delete-submit = Delete my account
confirm-email-title = Confirm your new address
confirm-email-body = Press the button to use this address for your account.
confirm-email-submit = Confirm the new address
confirm-email-invalid = This link no longer works: it was already used or it has expired.
