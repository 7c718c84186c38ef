## How a meeting takes registrations
closed-intake = This meeting does not take registrations on this site.
intake-none-short = No registration needed
intake-none = Just come along.
intake-contact-short = Register by phone or e-mail
intake-contact = Please register by phone or e-mail:
intake-external-short = Registration on another site
intake-external = Registration for this meeting is on another site.
intake-external-link = Go to registration
