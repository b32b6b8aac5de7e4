# Palier — interface text in English (second language).
# Every message also exists in ../fr/main.ftl; a test checks it.

site-name = Palier
site-tagline = The tenant participation portal

## Page structure
skip-to-content = Skip to content
nav-menu = Menu
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
error-building-choice = Choose a building from the list.
error-required = This field is required.
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
dashboard-votes-title = Open votes
dashboard-votes-none = No vote is open for your home at the moment.
dashboard-unread-title = New notifications
dashboard-unread-none = You have read everything.
dashboard-unread-all = { $count ->
    [0] See my notifications
    [one] See my notifications (1 unread)
   *[other] See my notifications ({ $count } unread)
}
dashboard-more-title = And also
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
error-code-expired = This code is no longer valid: it is more than { $days } days old. Ask your landlord for a new letter with a new code.
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
household-code-valid-until = Code valid until
household-code-expired-on = Code expired on
household-code-never = no working code (print a letter)
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
audit-action-household-joined = An occupant joined the home
audit-action-household-occupant-removed = Tenant removed from a home
audit-action-households-imported = Homes imported
audit-action-letters-issued = Invitation letters created
audit-action-staff-invited = Person invited to the team
audit-action-staff-invitation-revoked = Invitation cancelled
audit-action-staff-role-changed = Role changed
audit-action-staff-removed = Person removed from the team
audit-action-staff-joined = Invitation accepted
audit-action-unknown = Unknown action
audit-action-organisation-settings-changed = Organisation settings changed
audit-action-project-recorded = Project entered for a tenant
audit-action-project-status-changed = Project: answer or step
audit-action-project-progress-posted = Project progress posted
audit-action-project-categories-changed = Project categories changed
audit-action-content-hidden = Content hidden by moderation
audit-action-content-restored = Content restored by moderation
audit-action-content-reports-dismissed = Reports dismissed by moderation
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
ok-occupant-removed = The person was removed from the home. The code they knew no longer works: print a new letter for the next occupants.
ok-joined = Welcome! Your account is linked to your home.
ok-joined-team = Welcome to the team!
ok-invited = The invitation was sent.
ok-invitation-revoked = The invitation was cancelled.
ok-role-changed = The role was changed.
ok-member-removed = The person was removed from the team.
ok-organisation-created = The organisation was created and the invitation sent.

## Consultations (tenants)
nav-consultations = Consultations
dashboard-consultations-link = See all consultations
consultations-title = Consultations
consultations-none = No consultation for now.
consultations-until = Voting open until { $when }
consultations-from = Voting opens on { $when }
consultations-closed-on = Voting ended on { $when }
consultation-vote = Vote
consultation-voted = Your home has voted. Thank you!
consultation-not-eligible = Your home is not part of this consultation, or joined Palier after it opened.
consultation-questions = { $count } question(s)
consultation-links = Consultation links
consultation-manage = Manage the consultation
status-draft = Draft
status-scheduled = Scheduled
status-open = Voting open
status-closed = Voting over
status-published = Results published
status-archived = Archived
rules-title = The voting rules
rule-dates = Dates
rule-dates-value = From { $opens } to { $closes } (Paris time)
rule-unit = Who votes
rule-unit-household = One vote per home
rule-unit-adult = One vote per adult of the home registered on Palier
rule-secret = Secrecy
rule-secret-value = Your vote is secret: the list of who voted is kept apart from the ballots, with no possible link. A receipt lets you check that your ballot is counted.
rule-results = Results
rule-results-live = Visible during the vote
rule-results-after-close = Visible when voting ends
rule-quorum-title = Quorum
rule-quorum = The result counts if at least { $percent } % of possible voters take part.

## Ballot
ballot-title = Vote: { $title }
ballot-intro = Answer the questions, then check your answers before confirming. You can vote only once.
ballot-review = Check my answers
ballot-cancel = Cancel
ballot-back = Back to the consultation
ballot-optional = (optional)
ballot-hint-single = Choose one answer.
ballot-hint-multiple = Choose from { $min } to { $max } answers.
ballot-hint-multiple-exact = Choose { $count } answer(s).
ballot-hint-ranking = Give each of the { $count } proposals a rank: 1 for your favourite. Each rank is used once.
ballot-hint-scale = Choose a score from 1 to 5.
ballot-hint-text = Write your answer ({ $max } characters at most).
ballot-rank-none = Rank…
review-title = Check your vote
review-intro = Here are your answers. If they are right, confirm your vote.
review-blank = (no answer)
review-final = Once confirmed, your vote cannot be changed.
review-confirm = Confirm my vote
review-change = Change my answers
receipt-title = Your vote is recorded
receipt-recorded = Thank you, your vote was counted.
receipt-yours = Your receipt:
receipt-explain = This receipt does not say who you are. When voting is over, every ballot will be published with its receipt: you can check that yours is counted as you filled it in.
receipt-once = Write it down now: it will not be shown here again. We also emailed it to you.
receipt-gone = The receipt is shown only once. Find it in the email we sent you.
error-answer-missing = Answer this question.
error-answer-too-few = Choose at least { $min } answer(s).
error-answer-too-many = Choose at most { $max } answer(s).
error-answer-only-one = Choose only one answer.
error-answer-unknown = An answer is not one of the choices offered.
error-answer-ranking = Give each proposal a different rank, from 1 to { $count }.
error-answer-scale = Choose a score from 1 to 5.
error-answer-too-long = Your answer is longer than { $max } characters.
error-ballot-already-voted = Your home has already voted in this consultation: only one vote is possible.
error-ballot-not-open = Voting is not open.
error-ballot-not-eligible = Your home cannot vote in this consultation.

## Results and recount
results-title = Results
results-page-title = Results: { $title }
results-hidden = The results will be visible when voting ends.
results-live-note = Voting is still open: these results may change. To keep the vote secret, they move in steps of at least { $k } votes, free-text answers appear when voting closes, a building's or residence's turnout appears only from { $k } voters, and they stop moving towards the end (the last day, or the last quarter of a short vote).
results-turnout = Turnout
results-turnout-value = { $participants } of { $eligible } voted ({ $percent } %)
results-channels = { $online } online, { $paper } on paper
results-quorum-reached = The { $percent } % quorum is reached.
results-quorum-missed = The { $percent } % quorum is not reached.
results-turnout-places = Turnout by residence and building
results-participants = Voters
results-answers = Answers
results-answered = { $count } answer(s)
results-answer = Answer
results-count = Count
results-multiple-note = Several answers allowed: percentages are of the voters who answered, so they add up to more than 100 %.
results-borda-caption = Ranking
results-rank = Rank
results-borda = Points
results-first-choices = First choices
results-borda-explain = Borda count: with n proposals, rank 1 earns n − 1 points, rank 2 earns n − 2 points, and so on.
results-mean = Average score: { $mean } out of 5
results-no-answer = No answer yet.
results-text-samples = A few answers (all are in the ballot list):
results-response = The landlord's response
results-csv = Download the results (CSV)
decision-adopted = Adopted
decision-adjusted = Adopted with changes
decision-not-retained = Not retained
recount-title = Ballot list
recount-intro = Every ballot is published with its receipt, with nothing that says who filled it in. Count for yourself, and find yours with your receipt.
recount-receipt-label = Your receipt
recount-receipt-submit = Find my ballot
recount-found = Your ballot is counted. It is highlighted in the list.
recount-not-found = No ballot has this receipt. Check that you copied it right.
recount-total = { $count } ballot(s)
recount-receipt = Receipt
recount-csv = Download the ballots (CSV)

## Consultations (management)
consultations-admin-title = Consultations
consultation-new = New consultation
consultation-create = Create the draft
consultation-save = Save
consultation-settings = Settings
consultation-title-label = Title
consultation-summary = Summary
consultation-summary-hint = One or two sentences, shown in the list of consultations.
consultation-body = Presentation
consultation-body-hint = Markdown text: **bold**, *italic*, lists with "- ", links [text](https://…).
consultation-scope = For whom?
scope-organisation = The whole organisation
scope-residences = The ticked residences
scope-buildings = The ticked buildings
consultation-places = Residences and buildings
consultation-places-hint = Tick the residences or the buildings concerned, according to your choice above.
consultation-unit = Who votes?
consultation-opens = Voting opens
consultation-closes = Voting ends
consultation-time-hint = Paris time.
consultation-visibility = When to show the results?
consultation-quorum = Quorum (optional)
consultation-quorum-hint = Share of possible voters, in %, who must take part for the result to count. Leave empty for no quorum.
consultation-status = Status
consultation-preview = Ballot preview
consultation-public-page = Consultation page
preview-notice = Preview: this is the ballot as tenants will see it. It cannot be sent.
preview-back = Back to the consultation
lifecycle-title = Status
lifecycle-draft = Draft: everything can still change. When the questions are ready, schedule the vote; its rules are then frozen.
lifecycle-schedule = Schedule the vote
lifecycle-scheduled = Scheduled: voting opens on { $when }. The rules are frozen.
lifecycle-open-now = Open voting now
lifecycle-unschedule = Back to draft
lifecycle-open = Voting open until { $when }: at least { $participants } voter(s) of { $eligible }. To keep the vote secret, this number moves in steps of { $k }.
lifecycle-extend = Extend the vote
lifecycle-extend-label = New end date
lifecycle-extend-hint = Only later than the current date, only once, and never while results are shown live. The homes are told, and the extension is recorded in the audit log.
lifecycle-closed = Voting over: { $participants } voter(s) of { $eligible }.
lifecycle-archive = Archive
lifecycle-archived = Archived.
publish-title = Publish the landlord's response
publish-decision = Decision
publish-response = Response to tenants
publish-submit = Publish
question-add = Add the question
question-edit = Edit
question-save = Save the question
question-up = Move up
question-down = Move down
question-delete = Delete
question-kind = Kind of question
kind-single = One choice
kind-multiple = Several choices
kind-ranking = Ranking
kind-scale = Score from 1 to 5
kind-text = Free text
question-prompt = Question
question-options = Proposals
question-options-hint = One per line (for choice and ranking questions).
question-min = Minimum choices
question-max = Maximum choices
question-scale-low = Label of score 1
question-scale-high = Label of score 5
question-max-chars = Maximum length
question-max-chars-hint = For free text, in characters (2000 at most).
question-required = Answer required
paper-title = Paper ballots
paper-body = Enter a ballot filled in on paper here. The home can then no longer vote online, and a home that already voted online cannot have a paper ballot. To keep the vote secret, this list does not say who has voted; a ballot refused because the home had voted is written in the log.
paper-unit = Home
paper-unit-choose = Choose…
paper-submit = Record the paper ballot
error-consultation-title = Enter a title of 200 characters or fewer.
error-consultation-scope = Choose whom the consultation is for, and tick at least one residence or building of your organisation.
error-consultation-unit = Choose who votes.
error-consultation-visibility = Choose when to show the results.
error-datetime = Enter a date and a time.
error-closes-before-opens = Voting must end after it opens.
error-closes-in-past = The end date has already passed.
error-quorum = The quorum is a percentage from 1 to 100, or empty.
error-consultation-frozen = Voting is scheduled or open: its rules and questions can no longer change.
error-consultation-transition = This action is not possible in the consultation's current status.
error-consultation-no-question = Add at least one question before scheduling the vote.
error-consultation-too-many-questions = A consultation has 50 questions at most: remove one before adding another.
error-consultation-question-not-ready = A question is not ready (missing proposals, limits or labels).
error-extend-not-later = The new end date must be later than the current one.
error-extend-once = An open vote's closing date can be moved only once, and it already was.
error-extend-live = This vote's results are shown live: its closing date cannot change, so that nobody prolongs the vote on seeing who leads.
error-response = Write the response (20,000 characters at most).
error-decision = Choose a decision.
error-question-prompt = Write the question (500 characters at most).
error-question-kind = Choose a kind of question.
error-options-too-few = Give at least two proposals, one per line.
error-choice-limits = Enter a possible minimum and maximum (the maximum does not exceed the number of proposals).
error-max-chars = The maximum length goes from 1 to 2000 characters.
error-scale-labels = Give a label to score 1 and to score 5.
error-paper-unit = Choose a home that is part of the consultation.
error-receipt-length = A receipt has 12 letters and digits, for example K7QM-9TXR-2HWP.
error-receipt-character = This receipt contains a character that is never used. Check it against your receipt.
error-paper-own-home = You live in this home: vote for it online, with your account, like its other occupants.
error-paper-already-voted = This home has already voted: only one vote is possible.
ok-consultation-created = The draft is created. Now add the questions.
ok-consultation-saved = The settings are saved.
ok-question-added = The question is added.
ok-question-saved = The question is saved.
ok-schedule = The vote is scheduled. Its rules are frozen.
ok-unschedule = The consultation is back to draft.
ok-open-now = Voting is open.
ok-extended = The vote is extended.
ok-published = The results and the response are published.
ok-archive = The consultation is archived.
ok-paper-recorded = The paper ballot is recorded.
audit-action-consultation-created = Consultation created
audit-action-consultation-scheduled = Vote scheduled
audit-action-consultation-unscheduled = Vote unscheduled
audit-action-consultation-opened-early = Voting opened early
audit-action-consultation-extended = Vote extended
audit-action-consultation-published = Response published
audit-action-consultation-archived = Consultation archived
audit-action-consultation-paper-ballot = Paper ballot recorded
audit-action-consultation-paper-ballot-refused = Paper ballot refused: the home had already voted

## Notifications
nav-notifications = Notifications
nav-notifications-unread = unread
notifications-title = My notifications
notifications-unread = { $count ->
    [one] You have 1 unread notification.
   *[other] You have { $count } unread notifications.
}
notifications-all-read = You have read everything.
notifications-empty = No notifications yet. You will be told here when a consultation opens for your home.
notifications-new = New
notifications-mark-one = Mark as read
notifications-mark-all = Mark all as read
notifications-preferences-link = Choose my emails
ok-notification-read = The notification is marked as read.
ok-notifications-read = All your notifications are marked as read.
notification-consultation-opened = Vote open: “{ $title }”. You can vote until { $closes }.
notification-consultation-extended = Voting on “{ $title }” is extended until { $closes }.
notification-consultation-closing = 48 hours left to vote: “{ $title }” closes on { $closes }.
notification-results-available = Results available: “{ $title }”.
notification-response-published = The landlord has responded: “{ $title }”.
notification-ballot-cast = Your vote is recorded: “{ $title }”. Your receipt was sent by email.
notification-paper-ballot = A paper ballot was entered for your home in “{ $title }”. If nobody in your home filled it in, tell your landlord.
notification-home-joined = { $name } joined home { $unit } ({ $residence }).
notification-home-left = { $name } is no longer part of home { $unit } ({ $residence }).
notification-project-published = New project in your residence: “{ $title }”.
notification-project-changed = The project “{ $title }” { $status ->
    [under_review] is under review: the landlord must answer within the announced time
    [accepted] was accepted
    [rejected] was refused
    [in_progress] is being carried out
    [done] is done
    [withdrawn] was withdrawn by its author
   *[other] has changed
}.
notification-project-progress = The landlord posted progress on the project “{ $title }”.
notification-new-comment = { $name } commented on “{ $title }”.
notification-comment-reply = { $name } replied to your comment on “{ $title }”.
notification-content-hidden = { $what ->
    [project] Your project “{ $excerpt }” was hidden
    [photo] A photo of your project “{ $excerpt }” was hidden
   *[comment] Your comment “{ $excerpt }” was hidden
} { $reason ->
    [spam] (reported as advertising or spam).
    [offensive] (reported as hurtful or insulting).
    [personal_data] (reported for showing personal data).
    [off_topic] (reported as off-topic).
   *[other] by a moderator.
}
notification-content-restored = { $what ->
    [project] Your project “{ $excerpt }” is shown again.
    [photo] A photo of your project “{ $excerpt }” is shown again.
   *[comment] Your comment “{ $excerpt }” is shown again.
}
notification-meeting-convened = The council “{ $council }” meets on { $starts }.
notification-meeting-moved = The meeting of the council “{ $council }” is moved to { $starts }.
notification-meeting-cancelled = The meeting of the council “{ $council }” on { $starts } is cancelled.

account-notifications-title = My emails
account-notifications-body = Choose what Palier sends you by email: straight away, once a day, or nothing.
account-notifications-link = Choose my emails
preferences-title = My emails
preferences-back = Back to my account
preferences-intro = For each topic, choose when to get an email. You always see everything in your notifications on Palier.
preferences-always = Security emails (address verification, forgotten password) and vote receipts are always sent.
preferences-category-consultations = Consultations in my residence
preferences-category-consultations-hint = A vote opens, the last reminder 48 hours before it ends, results, the landlord's response.
preferences-category-home = My home
preferences-category-home-hint = Someone joins or leaves your home on Palier.
preferences-category-projects = My projects and comments
preferences-category-projects-hint = The landlord's answers and progress on projects you propose or support, comments and replies, moderation.
preferences-category-neighbourhood = Life in my residence
preferences-category-neighbourhood-hint = A neighbour proposes a project; a tenants' council meets.
preferences-mode-immediate = An email straight away
preferences-mode-digest = One summary a day, in the morning
preferences-mode-none = No email
preferences-submit = Save my choices
ok-preferences-saved = Your choices are saved.

unsubscribe-title = Unsubscribe
unsubscribe-invalid = This unsubscribe link is not valid. It may have been cut: copy all of it from the email, or sign in to choose your emails.
unsubscribe-manage = Choose my emails (sign in)
unsubscribe-what-consultations = You will no longer get emails about the consultations of your residence.
unsubscribe-what-home = You will no longer get emails about your home.
unsubscribe-what-projects = You will no longer get emails about your projects and comments.
unsubscribe-what-neighbourhood = You will no longer get emails about new projects and council meetings in your residence.
unsubscribe-what-all = You will no longer get any notification emails.
unsubscribe-kept = You will still see this news in your notifications on Palier. Security emails and vote receipts continue.
unsubscribe-submit = Confirm unsubscribing
unsubscribed-title = Unsubscribed
unsubscribed-body = Done: these emails will no longer be sent to you. You can change your mind at any time in your account.
former-tenant = A former tenant

## The secret-ballot page
secrecy-link = How your vote stays secret, and how to check the count
footer-secrecy = Secret ballot
secrecy-title = How your vote stays secret, and how you can check the count
secrecy-intro = Your landlord runs the vote, but cannot know how your home voted. Here is why, and what you can check yourself.
secrecy-landlord-title = What the landlord sees
secrecy-landlord = While voting is open, the landlord sees how many homes have voted, in steps of at least 5. They do not see which homes voted, nor what any home answered. At the end, they see who voted, like a signed register, but never what anyone voted.
secrecy-apart-title = Your ballot is kept apart
secrecy-apart = When you vote, Palier notes that your home has voted, so that it cannot vote twice. Your ballot is kept apart: without your name, without your home and without the time of the vote.
secrecy-live-title = Results while voting is open
secrecy-live = If results can be seen while voting is open, they change only in steps of at least 5 votes, and written answers appear only at the end. Towards the end of voting (the last day, or the last quarter of a short vote), they stop moving. So nobody can guess your answer by watching the screen just after you vote.
secrecy-receipt-title = Your receipt
secrecy-receipt = After you vote, you get a receipt: a code of 12 letters and digits, shown once and sent by email. Keep it. The code does not say who you are.
secrecy-check-title = Checking the count
secrecy-check = When voting closes, the list of every ballot is published, each with its receipt. Look for your receipt: you will see your ballot as you filled it in. Anyone can recount the results from this list, and the landlord can download it to do so.
secrecy-paper-title = Paper ballots
secrecy-paper = Staff can enter a home's paper ballot. They cannot if the home has already voted, and every entry, accepted or refused, is written in the landlord's log. The home's occupants are told that a paper ballot was entered for them.
secrecy-limits-title = What we are still improving
secrecy-limits = Someone who reads the database directly while voting is open could still link a ballot to a home. We are working to close this gap. If in doubt, talk to your tenants' association.

## An organisation's settings
settings-title = Settings
settings-intro = These settings apply to every residence of the organisation.
settings-codes = Invitation codes
field-code-validity-days = How long a code works, in days
field-code-validity-days-hint = From 7 to 365 days after the letter (90 by default). An older code no longer lets anyone join the home: print a new letter. The change also applies to codes already sent.
settings-save = Save the settings
ok-settings-saved = The settings are saved.
error-code-validity-days = Enter a number of days between 7 and 365.

## Tenants' projects (Habitant 3.0)
nav-projects = Projects
euros = €{ $amount }
projects-title = Tenants' projects
projects-intro = Tenants propose projects for their residence. Support the ones you like: once a project has enough support, the landlord must answer it within an announced time.
projects-propose = Propose a project
projects-back = All projects
projects-drafts = My drafts
projects-drafts-hint = Only you see them. Publish them from their page.
projects-record = The landlord's answers in { $year }: { $on_time } of { $due } within the announced time.
projects-record-none = The landlord's answers in { $year }: no project was waiting for an answer yet.
projects-filters = Sort and filter projects
projects-residence = Residence
projects-any-residence = All residences
projects-category = Category
projects-any-category = All categories
projects-status = Status
projects-any-status = All statuses
projects-sort = Order
projects-sort-newest = Newest first
projects-sort-most-supported = Most supported first
projects-sort-oldest-unanswered = Waiting longest for an answer first
projects-filter = Show
projects-count = { $count ->
    [0] No project.
    [one] 1 project.
   *[other] { $count } projects.
}
projects-export = Open data (no tenant's name or text):
projects-export-csv = spreadsheet (CSV)
projects-export-json = JSON
project-status-draft = Draft
project-status-submitted = Proposed
project-status-under-review = Under review
project-status-accepted = Accepted
project-status-rejected = Refused
project-status-in-progress = In progress
project-status-done = Done
project-status-withdrawn = Withdrawn
project-category-garden = Gardens and green spaces
project-category-conviviality = Get-togethers and parties
project-category-surroundings = Surroundings and fittings
project-category-solidarity = Solidarity and mutual help
project-category-youth = Children and young people
project-category-seniors = Seniors
project-category-environment = Environment and energy savings
project-category-culture = Culture, sport and leisure
project-category-other = Other
project-need-volunteers = Volunteers
project-need-space = A place
project-need-money = A budget
project-overdue = Answer overdue
project-overdue-long = the deadline has passed
project-hidden-title = Hidden project
project-comments = { $count ->
    [0] no comment
    [one] 1 comment
   *[other] { $count } comments
}
project-supports = { $count ->
    [0] no support
    [one] 1 support
   *[other] { $count } supports
}
project-supports-of = { $count } support(s) of { $target } needed
project-back = Back to the project
project-draft-title = Draft: only you see it
project-draft-body = Read your project again, then publish it so your neighbours can support it. You can still change it as long as nobody supports it.
project-similar-title = A neighbour may already have proposed this
project-similar-body = These projects of your residence look like it. If one of them is the same, support it rather than publishing another.
project-place = Where
project-proposed = Proposed by
project-by = { $name }
project-by-gone = a tenant (account deleted)
project-by-channel-online = a tenant, online
project-by-channel-phone = a tenant, by phone (entered by the landlord)
project-by-channel-lodge = a tenant, at the caretaker's lodge (entered by the landlord)
project-by-channel-paper = a tenant, by letter (entered by the landlord)
project-cost = Estimated cost
project-spent = Actual cost
project-spent-hint = In euros, without cents. Leave empty if you do not know it.
project-needs = What the project needs
project-needs-hint = Tick what it takes to carry it out.
project-due = Landlord's answer expected by
project-photo = Photo { $number }
photo-hidden = Photo hidden by moderation.
project-timeline = Project history
project-event-draft = Draft created
project-event-submitted = Project published
project-event-under-review = The project is under review: the landlord must answer within the announced time
project-event-accepted = The landlord accepts the project
project-event-rejected = The landlord refuses the project
project-event-in-progress = The work starts
project-event-done = The project is done
project-event-withdrawn = The author withdraws the project
project-event-progress = News from the landlord
project-event-addition = The author adds to the project
project-event-other = Change
project-support-title = Support
project-support-hint = One support per home. You can take yours back until the project is under review.
project-support = I support this project
project-supported = Your home supports this project
project-unsupport = Take back my support
project-yours = Your project
project-submit = Publish the project
project-edit = Change the project
project-add = Add to the project
project-add-hint = Neighbours already support it: you can no longer rewrite it, but you can add dated details.
project-add-label = Your detail
project-add-submit = Add
project-withdraw = Withdraw the project
project-withdraw-body = The project can no longer be supported. Its supporters will be told. You cannot undo this.
project-withdraw-confirm = Yes, withdraw the project
project-landlord = The landlord's answer
project-answer-action = Step
project-action-review = Start the review (before the support threshold)
project-action-accept = Accept
project-action-reject = Refuse (say why)
project-action-start = Start the work
project-action-finish = The project is done
project-answer-message = Public message
project-answer-message-hint = Tenants read it on the project's page. Required to refuse.
project-answer-submit = Save the answer
project-progress = Give news
project-progress-message = Where does the project stand?
project-progress-submit = Publish the news
project-new-title = Propose a project
project-new-intro = Describe your idea for the residence. It stays a draft, which only you see, until you publish it.
project-new-staff-intro = Enter the project of a tenant who called, came to the caretaker's lodge or wrote. It is published at once, on their behalf.
project-on-behalf = For which tenant?
project-on-behalf-body = The project is recorded for their home, and its page says the landlord entered it.
project-lease = Lease reference
project-lease-hint = The one of the tenant's home, for example TIL-A01.
project-channel = How the tenant proposed it
project-channel-online = Online
project-channel-phone = By phone
project-channel-lodge = At the caretaker's lodge
project-channel-paper = By letter
project-residence = Residence
project-residence-choose = Choose the residence
project-title = Title of the project
project-title-hint = In a few words, for example “A shared garden in the courtyard”.
project-description = Description
project-description-hint = What you propose, for whom, where. You can write in **bold**, in *italics*, and make lists with dashes.
project-category = Category
project-category-choose = Choose a category
project-building = Building
project-building-hint = If the project is for one building only.
project-whole-residence = The whole residence
project-cost-hint = If you have an idea, in euros, without cents. You can leave it empty.
field-photos = Photos
field-photos-hint = { $count ->
    [0] This project already has three photos.
    [one] One more photo at most, as JPEG, PNG or WebP, of 10 MB at most.
   *[other] { $count } photos at most, as JPEG, PNG or WebP, of 10 MB each at most.
} The hidden information of photos (place, camera) is removed.
project-draft-submit = Save the draft
project-record-submit = Publish this tenant's project
project-photos-again = If you had chosen photos, choose them again.
project-edit-title = Change the project
project-edit-intro = You can change it as long as nobody supports it.
project-save = Save
project-photos = Photos of the project
project-photo-remove = Remove this photo
ok-project-drafted = Your draft is saved. Read it again, then publish it.
ok-project-recorded = The tenant's project is published.
ok-project-saved = The project is changed.
ok-project-published = Your project is published: your neighbours can support it.
ok-project-added = Your detail is added.
ok-project-answered = The answer is published and the tenants concerned are told.
ok-progress-posted = The news is published.
ok-support-given = Your support is recorded.
ok-support-reached = Your support is recorded: the project has enough support, the landlord must now answer it.
ok-support-withdrawn = Your support is taken back.
ok-project-withdrawn = The project is withdrawn.
ok-photo-removed = The photo is removed.
error-project-title-short = The title has at least 5 characters.
error-project-title-long = The title has 120 characters at most.
error-project-description-short = Describe the project in 20 characters at least.
error-project-description-long = The description has 10,000 characters at most.
error-project-cost = Give an amount in euros, without cents (or leave it empty).
error-project-category = Choose a category from the list.
error-project-place = Choose a residence (and a building) from the list.
error-project-needs = Tick needs from the list.
error-project-channel = Choose how the tenant proposed the project.
error-project-action = Choose a step from the list.
error-project-message-empty = Write a message.
error-project-message-long = The message has 5,000 characters at most.
error-project-not-now = This is no longer possible: the project changed meanwhile. Reload the page.
error-project-lease-unknown = No home of this residence has this lease reference.
error-photo-count = Three photos at most per project.
error-photo-too-large = A photo is larger than 10 MB: choose a lighter one.
error-photo-type = A photo is not a JPEG, PNG or WebP file.
error-photo-unreadable = A photo is damaged and cannot be read. Choose another one.
error-photo-pixels = A photo is too large (more than 10,000 pixels on a side).

## Comments, reports, moderation
comments-title = { $count ->
    [0] Comments
    [one] 1 comment
   *[other] { $count } comments
}
comments-none = No comment yet.
comment-new = Your comment
comment-label = Your comment
comment-hint = Stay polite: a comment reported by several neighbours is hidden until a moderator decides.
comment-as-landlord = You write on behalf of the landlord.
comment-submit = Publish the comment
comment-reply = Reply
comment-reply-label = Your reply
comment-reply-submit = Publish the reply
comment-edit = Change
comment-edit-submit = Save
comment-delete = Delete
comment-edited = changed
comment-landlord = The landlord
comment-author-gone = Deleted account
comment-deleted = Comment deleted by its author.
content-pending = Hidden after several reports, waiting for a moderator's decision.
content-hidden = Hidden by moderation.
ok-comment-posted = Your comment is published.
ok-comment-edited = Your comment is changed.
ok-comment-deleted = Your comment is deleted.
error-comment-empty = Write your comment.
error-comment-long = A comment has 5,000 characters at most.
error-comment-not-now = This is no longer possible (the 15 minutes to change it are over, or the item no longer takes comments).
moderation-visible = Shown
moderation-pending = Hidden until moderated
moderation-hidden = Hidden by moderation
report-open-project = Report this project
report-open-comment = Report
report-open-photo = Report this photo
report-reason = Why?
report-hint = The landlord tells nobody who reported.
report-reason-spam = Advertising or spam
report-reason-offensive = Hurtful or insulting
report-reason-personal-data = Shows personal data
report-reason-off-topic = Off-topic
report-submit = Report
report-done = You reported it.
ok-reported = Thank you: your report is recorded.
error-report-reason = Choose a reason.
project-hidden-notice = Its content is not shown.
project-hidden-moderator = You see it because you are a moderator.
moderation-title = Moderation
moderation-intro = Content reported by tenants. Content reported by enough people is hidden until you decide. Its author is told the decision; each decision goes to the log.
moderation-empty = No reported content.
moderation-kind-project = Project
moderation-kind-comment = Comment
moderation-kind-photo = Photo
moderation-author = Author
moderation-reports = Reports
moderation-reporters = { $count ->
    [one] 1 person
   *[other] { $count } people
}
moderation-reason-spam = advertising ({ $count })
moderation-reason-offensive = hurtful ({ $count })
moderation-reason-personal-data = personal data ({ $count })
moderation-reason-off-topic = off-topic ({ $count })
moderation-since = First report
moderation-see = See
moderation-decision-hide = Hide
moderation-decision-restore = Restore
moderation-decision-dismiss = Dismiss the reports
ok-hide = The content is hidden and its author told.
ok-restore = The content is restored and its author told.
ok-dismiss = The reports are dismissed.
back-office-moderation = Moderation

## Project settings
settings-projects = Tenants' projects
settings-support-unit = Who supports a project?
settings-unit-household = Each home (one support per home)
settings-unit-adult = Each registered tenant
settings-threshold-kind = How the support threshold is counted
settings-threshold-kind-supports = A number of supports
settings-threshold-kind-percent = A share of the residence's homes (in %)
settings-threshold = Threshold
settings-threshold-hint = When a project reaches it, it goes under review and the landlord must answer it. For example 10 supports, or 5 %.
settings-answer-days = The landlord's time to answer (days)
settings-answer-days-hint = From 1 to 365 days, from the start of the review. It is shown on each project.
settings-report-threshold = Reports before content is hidden
settings-report-threshold-hint = A number of different people, from 1 to 50.
error-support-threshold = Give a threshold from 1 to 10,000.
error-support-percent = A share of homes goes up to 100 %.
error-support-unit = Choose who supports a project.
error-support-threshold-kind = Choose how the threshold is counted.
error-answer-days = Give a time from 1 to 365 days.
error-report-threshold = Give a number from 1 to 50.
residence-projects-count = { $count ->
    [0] No project proposed in the residence yet.
    [one] 1 project proposed in the residence.
   *[other] { $count } projects proposed in the residence.
}
residence-projects-link = See the residence's projects
settings-categories = Project categories
settings-categories-intro = Tenants file their projects under these categories. An archived category is offered no more; projects already filed under it keep it.
settings-category-archived = archived
settings-category-archive = Archive
settings-category-restore = Offer again
settings-category-add = Add a category
settings-category-label = Name of the category
settings-category-add-submit = Add
project-count = { $count ->
    [0] no project
    [one] 1 project
   *[other] { $count } projects
}
ok-category-added = The category is added.
ok-category-archived = The category is archived.
ok-category-restored = The category is offered again.
error-category-label = The name has 2 to 100 characters.
error-category-taken = The organisation already has a category of this name.
project-discard = Delete the draft
project-discard-body = The draft and its photos are deleted. Nobody else saw it.
project-discard-confirm = Yes, delete the draft
ok-draft-discarded = The draft is deleted.
nav-moderation = Moderation
settings-moderators = Tenant moderators
settings-moderators-intro = The organisation may name tenants (members of a tenants' council, say) to moderate the content of the residence they live in: they see the reports and decide, as the team does. The team moderates every residence.
settings-moderators-none = No tenant is named: the team moderates alone.
settings-moderator-remove = Stop moderating
settings-moderator-email = The tenant's email address
settings-moderator-email-hint = The one of their Palier account. They must live in one of the organisation's residences.
settings-moderator-name = Name as moderator
ok-moderator-named = The tenant is named moderator.
ok-moderator-removed = The tenant no longer moderates.
error-moderator-not-tenant = No tenant of the organisation's residences has an account with this address.
audit-action-moderator-named = Tenant named moderator
audit-action-moderator-removed = Tenant removed from moderation
audit-action-council-created = Council created
audit-action-council-member-added = Council member added or changed
audit-action-council-member-removed = Member removed from a council
audit-action-meeting-convened = Meeting convened
audit-action-meeting-moved = Meeting moved
audit-action-meeting-cancelled = Meeting cancelled
audit-action-meeting-agenda-changed = Agenda changed
dashboard-projects-title = The residence's projects
dashboard-projects-body = Propose an idea for the residence, support your neighbours' ideas, follow the landlord's answer.
dashboard-projects-link = See the projects

## Tenants' councils
councils-admin-title = Tenants' councils
councils-admin-intro = The tenants' consultation council, residence councils, tenants' associations: each has a public page, its members, its meetings and their agenda.
councils-none = No council yet.
council-covers-all = All residences
council-covers-all-of = All residences of { $organisation }
council-covers = Residences concerned
council-kind = Kind of council
council-kind-ccl = Tenants' consultation council (CCL)
council-kind-residence-council = Residence council
council-kind-tenants-association = Tenants' association
council-kind-other = Other council
council-new = Create a council
council-name = Name of the council
council-name-hint = For example: “CCL Habitat Centre” or “Les Tilleuls residence council”.
council-residences = Residences concerned
council-residences-hint = Tick nothing if the council concerns all your residences.
council-description = What this council is for
council-description-hint = A few lines, visible to everyone. Optional.
council-create = Create the council
council-upcoming = Next meetings
council-no-upcoming = No meeting planned.
council-past = Past meetings
council-feed = Add the meetings to my calendar (.ics file)
council-feed-hint = In your calendar application, subscribe to this address: the meetings will stay up to date by themselves.
council-members = Members
council-no-members = No member yet.
council-term-ends = Term until { $date }
council-member-remove = Remove
council-member-add = Add a member or change their role
council-member-email = The person's email address
council-member-email-hint = The person must have a Palier account with this address.
council-member-role = Role
council-member-term = End of term
council-member-term-hint = Optional.
council-member-save = Save the member
seat-role-president = Chair
seat-role-secretary = Secretary
seat-role-member = Member
seat-role-landlord-representative = Landlord's representative
seat-role-guest = Guest
meeting-convene = Convene a meeting
meeting-convene-intro = Then prepare the agenda, and send the notice to the members: each gets it by email with an invitation for their calendar.
meeting-convene-submit = Create the meeting
meeting-starts = Date and time
meeting-minutes = Length, in minutes
meeting-minutes-hint = Between 15 minutes and 8 hours.
meeting-place = Place
meeting-place-hint = For example: common room, building A. A place or a video link is needed.
meeting-video = Video link
meeting-video-hint = Optional. An address starting with https://
meeting-status-cancelled = Cancelled
meeting-title = { $council }: meeting of { $when }
meeting-cancelled-notice = This meeting is cancelled.
meeting-held-notice = This meeting has taken place.
meeting-when = When
meeting-when-value = On { $when }, until { $ends } (Paris time)
meeting-agenda = Agenda
meeting-agenda-empty = The agenda is not set yet.
meeting-item-minutes = { $minutes } min
meeting-item-remove = Remove this item
meeting-agenda-total = Planned length of the items: { $minutes } min.
meeting-agenda-too-long = Warning: the planned items last longer than the meeting.
meeting-item-add = Add an item to the agenda
meeting-item-title = Title of the item
meeting-item-description = Description
meeting-item-presenter = Presented by
meeting-item-presenter-hint = Optional. For example: the landlord, the chair.
meeting-item-duration = Planned length, in minutes
meeting-item-save = Add the item
meeting-answer = Will you be there?
meeting-answer-label = My answer
meeting-answer-submit = Send my answer
meeting-reply-present = I will attend
meeting-reply-excused = I send my apologies, I cannot come
meeting-reply-is-present = You answered: attending.
meeting-reply-is-excused = You answered: apologies.
meeting-replies = Members' answers
meeting-reply-none = no answer yet
meeting-manage = Manage the meeting
meeting-convocations-intro = Send the notice when the agenda is ready. If the meeting changes, members get the update automatically.
meeting-convocations-send = Send the notice to the members
meeting-move = Move the meeting
meeting-move-intro = Members get the new date by email, and their calendar updates.
meeting-move-submit = Move the meeting
meeting-cancel = Cancel the meeting
meeting-cancel-intro = Members are told by email, and the meeting leaves their calendar. This cannot be undone.
meeting-cancel-submit = Cancel the meeting
meeting-permalink = Address of this meeting
ok-council-created = The council is created. Add its members.
ok-council-member-added = The member is saved.
ok-council-member-removed = The member is removed from the council.
ok-meeting-convened = The meeting is created. Prepare the agenda, then send the notice.
ok-meeting-moved = The meeting is moved. Members are told.
ok-meeting-cancelled = The meeting is cancelled. Members are told.
ok-convocations-sent = The notice is on its way to the members.
ok-item-added = The item is added to the agenda.
ok-item-removed = The item is removed from the agenda.
ok-reply-present = Thank you: you are down as attending.
ok-reply-excused = Thank you: your apologies are noted.
error-council-name = The council's name must be 2 to 150 characters long.
error-council-kind = Choose the kind of council.
error-council-residence = One of the ticked residences is not your organisation's.
error-council-unknown-person = No account has this address. The person must first create their account.
error-seat-role = Choose the role.
error-term-end = Give a valid date, or leave it empty.
error-meeting-duration = The length must be between 15 and 480 minutes.
error-meeting-where = Give a place or a video link.
error-meeting-not-now = This is no longer possible: the date has passed, or the meeting is cancelled.
error-video-link = The video link must start with https:// (500 characters at most).
error-item-title = The item's title must be 2 to 200 characters long.
error-item-minutes = The length must be between 1 and 240 minutes.

residence-councils = Tenants' councils of the residence
