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
