# Abuse protection of the public forms
field-honeypot = Please leave this field empty
error-too-fast = The form was sent very quickly. Please check your details and send it again.
error-too-many = We have just received a lot of requests from your connection. Please try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.

# The privacy notice (built-in text) and a person's own data
privacy-retention = Your personal details are deleted { $days } days after the meeting (a meeting may name another period). Only the number of people who registered and came remains.
privacy-rights-self = You can cancel your registration at any time with your personal link. You can ask for a copy of your data or its deletion yourself: we send you a link to your e-mail address. For corrections, contact the organiser named on the meeting's page.
privacy-request-link = See or delete my data
privacy-request-title = Your stored data
privacy-request-intro = Enter the e-mail address you registered with. We will send you a link to see, download or delete your data. You do not need an account.
privacy-request-submit = Send me the link
privacy-request-sent = If any data is stored under { $email }, we have sent a link to that address. It is valid for 24 hours.
privacy-data-title = Your stored data
privacy-data-none = No personal data is stored under this address (any more).
privacy-data-intro = This is everything we have stored about your registrations.
privacy-data-when = Meeting on
privacy-data-status = State
privacy-data-registered = Registered on
privacy-data-consent = Version of the privacy notice agreed to
privacy-data-download = Download as a file (JSON)
privacy-status-confirmed = Registered
privacy-status-waiting = On the waiting list
privacy-status-cancelled = Cancelled
privacy-erase-heading = Delete data
privacy-erase-explain = We delete your name, your e-mail address and everything else you told us. Places for coming meetings are given up. This cannot be undone.
privacy-erase-submit = Delete all my data
privacy-erased-title = Your data is deleted
privacy-erased-text = { $count ->
    [one] The details of one registration were deleted.
   *[other] The details of { $count } registrations were deleted.
}
mail-data-subject = Your stored data
mail-data-body =
    Hello,

    you asked for a link to your stored data. With it you can see, download or delete it:

    { $link }

    The link is valid for { $hours } hours. If you did not ask for it, simply delete this e-mail.

# The list for other websites (/embed)
embed-title = Coming meetings
embed-none = No meetings are announced at the moment.
embed-cancelled = Cancelled
embed-all = All meetings and registration
