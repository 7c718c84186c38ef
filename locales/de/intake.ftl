## How a meeting takes registrations
closed-intake = Für diese Veranstaltung ist keine Anmeldung über diese Seite möglich.
intake-none-short = Anmeldung nicht erforderlich
intake-none = Kommen Sie einfach vorbei.
intake-contact-short = Anmeldung telefonisch oder per E-Mail
intake-contact = Bitte melden Sie sich telefonisch oder per E-Mail an:
intake-external-short = Anmeldung auf einer anderen Seite
intake-external = Die Anmeldung für diese Veranstaltung läuft über eine andere Seite.
intake-external-link = Zur Anmeldung
