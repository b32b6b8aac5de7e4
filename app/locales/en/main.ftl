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

## Error pages and lists
forbidden-title = Access denied
pager-label = Pages
pager-previous = Previous page
pager-next = Next page
pager-position = Page { $page } of { $pages }

## Joining a home
join-title = Join my home
join-lead = Enter the code printed on your landlord's letter. It links your account to your home.
join-code-label = Home code
join-code-hint = 12 letters and digits, for example K7QM-9TXR-2HWP. Dashes, spaces and capitals do not matter.
join-submit = Join my home
join-help-title = No letter, or lost code?
join-help-body = Ask your landlord or caretaker for a new letter. The new code replaces the old one.
error-code-unknown = This code matches no home. Check it on your letter; if it was replaced, ask your landlord for the new one.
error-household-full = This home already has the maximum number of accounts. If someone moved out, ask your landlord to remove them.
error-already-joined = Your account is already linked to this home.
my-home-title = My home
my-home-none = Your account is not linked to a home yet.
my-home-unit = Home
my-home-address = Address
my-home-landlord = Landlord
my-home-housemates = Other accounts of this home
my-home-housemates-none = None
my-home-residence-link = See my residence
residence-participation = { $joined } of { $households } homes have joined Palier.
residence-coming-title = Consultations and projects
residence-coming-body = Your landlord's consultations and the residents' projects will appear here.

## Management
back-office-title = Management
back-office-back = ← Back to management
back-office-actions = Actions
back-office-residences = Residences
back-office-no-residence = No residence yet. Start by creating one, then import the homes.
residence-new = New residence
residence-create = Create the residence
residence-edit = Edit the residence
residence-save = Save
residence-name = Residence name
residence-address = Address
residence-postcode = Postcode
residence-city = City
residence-buildings = Buildings
residence-households = Homes
residence-households-count = { $count } home(s)
residence-joined = Homes joined
residence-no-household = No home yet. Add one below or import a file.
residence-no-building = No building: homes belong to the residence itself.
building-name = Building name
building-create = Add the building
household-new = Add a home
household-create = Add the home
household-edit = Edit the home
household-save = Save
household-unit = Home
household-unit-hint = As on the lease, for example "Logement A01" or "3rd floor left".
household-building = Building
household-no-building = No building
household-lease = Lease reference
household-lease-hint = Unique in your organisation: it links an import to the home.
household-max = Maximum number of accounts
household-occupants = Accounts
household-occupants-count = { $count } account(s) of { $max }
household-no-occupant = Nobody has joined this home yet.
household-joined-on = Joined on { $when }
household-remove-occupant = Remove from the home
household-code-title = Invitation code
household-code-body = Print a new letter for this home. The new code replaces the old one, which will stop working.
household-code-renew = New code and letter
household-code-issued = Code issued on
household-code-never = never
letters-title = Invitation letters
letters-body = Each letter (one A4 page) carries a new code for the home. Codes are shown only once: print them straight away.
letters-which = For which homes?
letters-unclaimed = Homes nobody has joined yet
letters-all = All homes
letters-warning = The old codes of these homes will stop working.
letters-submit = Create the letters to print
error-residence-name-empty = Enter the residence's name.
error-residence-name-taken = A residence of your organisation already has this name.
error-text-too-long = This text is too long.
error-postcode = A postcode has 5 digits.
error-building-name = Enter a building name of 100 characters or fewer.
error-building-name-taken = This building already exists in the residence.
error-unit-label = Enter the home (100 characters or fewer).
error-max-occupants = Enter a number of accounts from 1 to 20.
error-lease-ref = Enter the lease reference (64 characters or fewer).
error-lease-ref-taken = A home of your organisation already has this lease reference.

## Import
import-title = Import homes
import-body = Send a CSV file (saved from a spreadsheet as "CSV UTF-8") with a header line and the columns below. Residences must already exist; buildings are created when needed. Importing the same file again changes nothing.
import-file = CSV file
import-file-hint = Columns: residence, batiment (optional), logement, bail, occupants_max (optional, 4 by default). Separator ";" or ",".
import-submit = Import
import-done = Import finished: { $created } home(s) created, { $updated } updated, { $unchanged } unchanged, { $buildings } building(s) created.
import-failed = Nothing was imported. Fix these lines and try again:
error-import-no-file = Choose a CSV file.
import-problem-not-utf8 = The file is not UTF-8: in your spreadsheet, save it as "CSV UTF-8".
import-problem-empty = The file contains no home.
import-problem-too-large = The file is too large (4 MB at most).
import-problem-missing-column = Line { $line }: the "{ $column }" column is missing.
import-problem-malformed = Line { $line }: the line cannot be read (check the quotes).
import-problem-empty-value = Line { $line }: the "{ $column }" column is empty.
import-problem-too-long = Line { $line }: the "{ $column }" column is too long.
import-problem-unknown-residence = Line { $line }: no residence is named "{ $name }".
import-problem-max-occupants = Line { $line }: "{ $value }" is not a number of accounts from 1 to 20.
import-problem-duplicate-lease = Line { $line }: lease "{ $lease }" is already on line { $first }.
import-problem-more = … and { $count } more problem(s).

## Team
team-title = Team
team-members = Team members
team-name = Name
team-role = Role
team-actions = Actions
team-make-admin = Make administrator
team-make-staff = Remove administration
team-remove = Remove from the team
team-invite = Invite someone
team-invite-submit = Send the invitation
team-pending = Pending invitations
team-expires = Expires on { $when }
team-revoke = Cancel the invitation
role-admin = Administrator
role-staff = Team member
error-role = Choose a role.
error-already-member = This person is already in the team.
error-last-admin = The organisation must keep at least one administrator.
invitation-title = Invitation
invitation-body = You are invited to join { $organisation } on Palier ({ $role }).
invitation-accept = Accept the invitation
invitation-invalid = This invitation no longer works: it was used, cancelled or it has expired.
invitation-sign-in-first = An account already exists for this address: sign in, then come back to this link.
invitation-create-account = Create your account to accept.
error-invitation-other-account = This invitation is for another email address. Sign out, then open the link again.
error-invitation-sign-in = An account already exists for this address: sign in to accept.

## Audit log
audit-title = Audit log
audit-body = Every action of the team is recorded here and can be neither changed nor erased.
audit-when = Date
audit-who = By
audit-what = Action
audit-details = Details
audit-system = System
audit-action-residence-created = Residence created
audit-action-residence-updated = Residence edited
audit-action-building-created = Building added
audit-action-household-created = Home added
audit-action-household-updated = Home edited
audit-action-household-occupant-removed = Tenant removed from a home
audit-action-households-imported = Homes imported
audit-action-letters-issued = Invitation letters created
audit-action-staff-invited = Person invited to the team
audit-action-staff-invitation-revoked = Invitation cancelled
audit-action-staff-role-changed = Role changed
audit-action-staff-removed = Person removed from the team
audit-action-staff-joined = Invitation accepted
audit-action-organisation-created = Organisation created

## Platform
platform-title = Platform
platform-organisations = Organisations
platform-residences = { $count } residence(s)
platform-new = New organisation
platform-org-name = Organisation name
platform-org-slug = Short name
platform-org-slug-hint = Lower-case letters, digits and dashes, for example "habitat-lyon". Used on the command line.
platform-org-admin = Email of the first administrator
platform-org-admin-hint = They will receive an invitation valid for 7 days.
platform-create = Create the organisation
error-organisation-name = Enter the organisation's name (200 characters or fewer).
error-slug = The short name has 2 to 64 lower-case letters, digits or dashes.
error-slug-taken = This short name is already used.

## Management confirmations
ok-residence-created = The residence was created.
ok-residence-updated = The residence was edited.
ok-building-created = The building was added.
ok-household-created = The home was added. Print its invitation letter.
ok-household-updated = The home was edited.
ok-occupant-removed = The person was removed from the home.
ok-joined = Welcome! Your account is linked to your home.
ok-joined-team = Welcome to the team!
ok-invited = The invitation was sent.
ok-invitation-revoked = The invitation was cancelled.
ok-role-changed = The role was changed.
ok-member-removed = The person was removed from the team.
ok-organisation-created = The organisation was created and the invitation sent.
