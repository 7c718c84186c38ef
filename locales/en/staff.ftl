## Back office (English)
login-title = Organiser login
login-submit = Log in
login-failed = E-mail address or password is wrong.
login-too-many = Too many login attempts. Please wait { $minutes } minute(s) and try again.
field-password = Password
field-password-repeat = Repeat password
password-help = At least 10 characters; not your e-mail address and not one character repeated.
setup-title = Set up your access
setup-intro = Choose your password. This link works once and for 24 hours.
setup-submit = Set up access
mail-setup-subject = Your access to Treffpunkt
mail-setup-body =
    Hello { $name },

    an account for managing meetings has been created for you. Choose your password with this link (valid { $hours } hours, once):

    { $link }

    This e-mail was sent automatically.

staff-nav = Back office
staff-nav-menu = Menu
staff-nav-overview = Overview
staff-nav-publish = Publish
staff-nav-admin = Administration
staff-nav-account = My account
staff-meetings = Meetings
staff-new-event = New meeting
staff-new-series = New series
staff-edit-event = Edit meeting
staff-users = Accounts
staff-offices = Offices
staff-categories = Topics
staff-audit = Audit log
staff-logout = Log out
staff-door-only = Your account is for door check-in. Organisers and administrators manage meetings.
staff-no-events = No meetings yet.
staff-col-meeting = Meeting
staff-col-state = State
staff-col-seats = Places
staff-col-actions = Actions
staff-waiting-short = waiting
event-status-draft = Draft
event-status-published = Published
event-status-cancelled = Cancelled
visibility-public = Public, listed
visibility-unlisted = Link only
visibility-partners = Partners only (by invitation)
role-admin = Administrator
role-organiser = Organiser
role-door = Door staff

staff-section-what = What
staff-section-when = When
staff-section-where = Where
staff-section-who = Who invites
staff-section-places = Places and visibility
f-title = Title
f-summary = Summary
f-description = Description
f-description-help = Markdown works: **bold**, *italic*, lists with -, links as [text](https://…).
f-starts-at = Start
f-ends-at = End
f-opens = Registration opens
f-closes = Registration closes
f-window-help = Leave empty: registration opens now and closes when the meeting starts.
f-venue = Venue (building)
f-room = Room
f-street = Street and number
f-postal-code = Postcode
f-town = Town
f-latitude = Latitude
f-longitude = Longitude
f-coordinates-help = Optional, for calendars and maps, e.g. 48.5132 and 9.0706.
f-contact-name = Contact person
f-contact-phone = Contact phone
f-contact-email = Contact e-mail
f-none = – none –
f-capacity = Places in all
f-capacity-help = Leave empty for no limit. People coming along count.
f-max-companions = Most people one registration may bring
f-waitlist = Waiting list when all places are taken
f-visibility = Visibility
staff-save = Save
staff-saved = Saved.
staff-saved-draft = Saved as a draft. Check the preview, then publish.
staff-saved-over-capacity = Saved. More places are confirmed than the new number allows: nobody is removed, only no further registrations are confirmed.
staff-edit = Edit
staff-preview = Preview
staff-preview-banner = Preview: this is how the public page looks.
staff-preview-back = Back to administration
staff-publish = Publish
staff-published = The meeting is published.
staff-unpublish = Withdraw
staff-unpublished = The meeting is a draft again.
staff-withdraw-has-registrations = This meeting has active registrations and cannot be withdrawn: it would silently vanish from every calendar. Cancel it below with a reason instead; the people registered are then mailed.
staff-cancelled-stays = A cancelled meeting stays cancelled.
staff-duplicate = Copy
staff-duplicated = Copy made. Adjust the date and details.
staff-copy-suffix = (copy)
staff-public-page = Public page
staff-registrations = Registrations
staff-overview = Overview
staff-confirmed = Confirmed
staff-seats-count = { $count ->
    [one] 1 place
   *[other] { $count } places
}
staff-seats-left = Places left
staff-waiting = Waiting list
staff-cancelled = Cancelled
staff-checked-in = Checked in
staff-series-dates = Other dates of the series
staff-cancel-event = Cancel meeting
staff-cancel-reason = Reason for cancelling
staff-cancel-reason-help = It is shown on the public page and in the message to everyone registered.
staff-cancel-reason-translations = Reason in further languages
staff-cancel-reason-translations-help = People registered in one of these languages read the reason in their language (page and mail). Where left empty, the reason above is shown.
staff-cancel-reason-needed = Please give a reason for cancelling.
staff-event-cancelled = The meeting is cancelled.
chart-registrations-title = Registrations over time
chart-registrations-desc = { $registrations } registrations with { $count } places together.
chart-capacity = Capacity
chart-checkin-title = Check-in
chart-checkin-desc = { $checked } of { $confirmed } confirmed places checked in.

series-intro = A series makes one meeting for each date. Each can then be edited or cancelled on its own.
series-recurrence = Repeat
series-interval = Every how many weeks
series-interval-help = 1 for weekly, 2 for every second week (at most 8).
series-until = Until and including
series-exceptions = Exceptions
series-exceptions-help = Dates without a meeting, separated by commas, e.g. 22.12.2026, 05.01.2027.
series-publish = Publish the dates at once
series-create = Create series
staff-series-created = The series is created.

staff-counts = { $confirmed } confirmed{ $unconfirmed ->
    [0] {""}
   *[other] , { $unconfirmed } not yet confirmed
} ({ $seats } places), { $waiting } waiting, { $cancelled } cancelled, { $checked } checked in
staff-search = Search by name, e-mail or organisation
staff-status-filter = State
staff-all = All
status-confirmed = Confirmed
status-unconfirmed = Unconfirmed
status-waiting = Waiting list
status-cancelled = Cancelled
status-checked_in = Checked in
staff-export = Download
staff-export-excel = CSV for Excel (semicolons)
staff-no-registrations = No registrations found.
staff-cancel = Cancel
staff-promote = Move up
staff-move-to = To date
staff-move = Move
staff-source-office = taken by phone
staff-source-invitation = by invitation (partner)
staff-add-registration = Add registration
staff-consent-by-phone = The person agreed that their details are processed (for example on the phone).
staff-add = Add
staff-added = The registration is added and confirmed.
staff-added-waiting = The registration is added and on the waiting list.
staff-registration-cancelled = The registration is cancelled.
staff-promoted = The person moved up.
staff-moved = The registration is moved.
staff-move-duplicate = This e-mail address is already registered for the other date.
staff-not-enough-seats = Not enough places are free for that.
export-name = Name
export-email = E-mail
export-organisation = Organisation
export-companions = People coming along
export-seats = Places
export-status = State
export-position = Waiting position
export-needs = Accessibility
export-registered = Registered
export-checked-in = Checked in at
export-phone = Phone
export-postal-address = Postal address
export-via = Registered via
export-source = Channel

staff-role = Role
staff-active = Account active
staff-invite = Create an account
staff-invite-submit = Create account
staff-invited = The account is created. The person gets this link by e-mail to choose a password (valid 24 hours):
staff-invite-pending = invitation open
staff-cannot-demote-self = You cannot remove your own administrator role or lock yourself out.
staff-add-office = Add an office
staff-add-category = Add a topic
staff-name-de = Name (German)
staff-name-en = Name (English)
audit-when = When
audit-who = Who
audit-what = What
audit-detail = Details

error-required = Please fill in this field.
error-too-long = This text is too long.
error-datetime-invalid = Please give date and time, e.g. 2026-12-08T18:00.
error-date-invalid = Please give a valid date, e.g. 2027-05-31 or 31.05.2027.
error-end-before-start = The end must be after the start.
error-window-invalid = Registration must close after it opens.
error-number-invalid = Please give a whole number in the allowed range.
error-office-forbidden = You may not create meetings for this office.
error-coordinates-invalid = Please give latitude and longitude as decimal numbers, both or neither.
error-choice-invalid = Please choose one of the offered values.
error-until-before-start = The series ends before its first date.
error-series-too-long = A series has at most 100 dates. Please choose an earlier end.
error-single-line = Please enter one line only: no line breaks, control characters or writing-direction characters.
error-date-out-of-range = Please give a date from 1 January 2000 and at most ten years ahead.
error-office-unknown = This office does not exist. Please choose one from the list.
error-category-unknown = This topic does not exist. Please choose one from the list.
error-series-unknown = This series does not exist. Please choose one from the list.
error-series-forbidden = This series belongs to an office you do not manage.
error-series-other-office = This series belongs to another office than the meeting.
error-password-short = The password must be at least 10 characters long.
error-password-long = The password can be at most 200 characters long.
error-password-repeated = The password must not be one character repeated.
error-password-email = The password must not contain your e-mail address.
error-password-mismatch = The two passwords differ.
error-account-exists = An account with this e-mail address exists already.
error-not-waiting = This registration is not on the waiting list.
error-move-same = The registration is already for this date.
error-move-series = Moving works only between dates of the same series.
error-move-cancelled = A cancelled registration cannot be moved.
error-move-draft = That date is not published (a draft): nobody can be moved there.
error-move-past = That date has begun or is over: nobody can be moved there.
error-move-party = The party is larger than the other date allows (too many companions).
error-401-title = Login needed
error-401-text = Please log in first.
error-403-title = No access
error-403-text = You are not allowed to do that.
error-429-title = Too many attempts
error-429-text = Please wait a moment and try again.
staff-feed = My calendar
staff-feed-explain = Your private calendar holds your offices' meetings, link-only ones too, with current registration numbers. The address is secret: whoever knows it sees these details. Renew it if it got into the wrong hands.
staff-feed-create = Create a private calendar address
staff-feed-renew = Create a new address (the old one stops working)
staff-feed-revoke = Revoke the address
staff-feed-renewed = The new calendar address works from now on.
staff-feed-revoked = The calendar address is revoked.
sessions-nav = Signed-in devices
sessions-title = Where you are signed in
sessions-explain = These browsers are signed in with your account. A sign-in lasts { $hours } hours. If you do not recognise a device, sign it out and change your password.
sessions-device = { $browser } on { $platform }
sessions-unknown-browser = Unknown browser
sessions-unknown-platform = unknown system
sessions-since = Signed in since
sessions-last-seen = Last active
sessions-this-device = This device
sessions-end-one = Sign out device
sessions-end-others = Sign out all other devices
sessions-only-this = You are signed in on this device only.
sessions-ended = The device is signed out.
sessions-ended-others = All other devices are signed out.
f-reminder = E-mail reminder, hours before
f-reminder-help = Leave empty for no reminder. 24 hours is usual.
f-double-opt-in = A registration counts only once confirmed by the link in the e-mail (double opt-in)
staff-outbox = Mail outbox
staff-outbox-explain = Mails not sent yet or failed for good. Failed tries are repeated with growing pauses.
staff-outbox-empty = All mail is sent.
staff-outbox-mail = Mail
staff-outbox-error = Last error
staff-outbox-failed = Given up on { $at }
staff-outbox-pending = Waiting ({ $attempts } tries), next try { $next }
staff-outbox-retry = Try again
staff-mail-retry = The mail will be sent again shortly.

# Privacy
staff-data-erased = Personal data erased
staff-erase = Erase data
staff-erase-for = Erase data of { $name }
staff-registration-erased = The personal data was erased; a place still held was given up.
staff-privacy = Privacy
staff-privacy-version = Version { $version } is published.
staff-privacy-builtin = The built-in text applies so far.
staff-privacy-see = See the public page
staff-privacy-help = Markdown. Every change is published as a new version; each registration keeps the version it agreed to. Personal data is anonymised { $days } days after a meeting (adjustable per meeting). The English text applies to all languages but German; without it, the German text does.
staff-privacy-de = Text in German
staff-privacy-en = Text in English
staff-privacy-publish = Publish as a new version
staff-privacy-saved = The new version is published.
f-retention = Delete personal data after (days)
f-retention-help = Days after the meeting ends. Leave empty for the installation's default.
staff-section-translations = Translations
f-translations-help = Title, summary, description, venue, contact person and reason for cancelling in further languages. People reading the site in that language see them (in their mails too); whatever is left empty appears as in the original.
f-translation-venue = Venue and room
f-translation-contact = Contact person
f-translation-reason = Reason for cancelling (shown only once the meeting is cancelled)
staff-easy-read = Leichte Sprache (easy-to-read German)
staff-easy-read-help = A version in Leichte Sprache (short sentences, one statement per line, difficult words explained). A "Leichte Sprache" switch on the meeting page leads there, in every language of the page.
error-translation-title = Each translation needs a title.
staff-embed = On your own website
staff-embed-intro = With these snippets your website shows the coming meetings (as an iframe). For a design of your own, use the JSON interface or the calendar feed.
staff-embed-origins = Allowed to embed: { $origins }
staff-embed-no-origins = No other website may embed yet. Your administrator adds your website's address to TREFFPUNKT_EMBED_ORIGINS.
staff-embed-all = All meetings
staff-embed-snippet = To copy into your website
door-wrong-pins = { $count ->
    [one] One wrong PIN
   *[other] { $count } wrong PINs
} for this meeting since { $since }.
door-wrong-pins-none = No wrong PIN for this meeting so far.

## Questions of a meeting or series
staff-questions = Registration questions
staff-questions-explain = The registration form asks these besides name and contact. Answers are kept when you change or remove a question.
staff-questions-series-explain = Every date of the series asks these. Answers are kept when you change or remove a question.
staff-questions-inherited = Questions of the series “{ $series }”
staff-questions-own = Questions of this date only
staff-questions-none = No questions yet.
staff-questions-edit-series = Edit the series' questions
staff-back-to-event = Back to the meeting
staff-question-required = required
staff-question-sensitive = health data
staff-question-up = Move up
staff-question-down = Move down
staff-question-keep = Keep as an office preset
staff-question-remove = Remove
staff-question-remove-explain = A removed question leaves the form; its answers stay readable in lists and exports (marked “removed”).
staff-question-presets = Presets
staff-question-presets-explain = Add with one click, already translated into every language.
staff-preset-interpreting = Interpreting
staff-preset-childcare = Childcare
staff-preset-accessibility = Accessibility
staff-preset-photos = Consent to photos
staff-question-add = Add question
staff-question-edit = Edit question
staff-question-kind = Kind of question
staff-question-label = Question
staff-question-help = Help text
staff-question-options = Choices
staff-question-options-help = One per line; for choice questions only.
staff-question-required-label = Required
staff-question-sensitive-label = Health-related (Art. 9 GDPR)
staff-question-sensitive-help = Answers need a consent of their own and are visible only to this meeting's organisers, not at the door through a door link.
staff-question-translations-help = Question, help text and choices in further languages (choices in the same order). What is missing shows in the original.
staff-question-added = The question was added.
staff-question-saved = The question was saved.
staff-question-removed = The question was removed; its answers are kept.
staff-question-moved = The order was changed.
staff-question-kept = The question is now a preset of your office.
staff-cancel-edit = Cancel
question-kind-short_text = Short text
question-kind-long_text = Long text
question-kind-choice = One choice
question-kind-choices = Several choices
question-kind-yes_no = Yes/no
question-kind-number = Number
error-options-too-few = Please give at least two choices, one per line.
error-translation-label = A translation needs the question (at most 200 characters) and a help text of at most 500 characters.
error-translation-options = Translated choices need as many as the original.
staff-answer-filter = Answer

## Needs of a meeting
staff-needs = Needs
staff-needs-none = No needs from confirmed registrations yet.
staff-need-is-arranged = arranged
staff-need-not-arranged = not arranged yet
staff-need-mark = Mark as arranged
staff-need-reopen = Open again
staff-need-arranged = Marked as arranged.
staff-need-open = Marked as open again.
staff-need-alerts = Messages about needs that must be booked (interpreting, sign language, childcare)
staff-need-mode-now = At once with each registration
staff-need-mode-daily = Once a day as a summary
staff-need-mode-off = No message
staff-need-reminder-days = Reminder of needs not arranged (days before the meeting)
staff-need-alerts-saved = Your choice was saved.
staff-need-alerts-invalid = Please choose a kind of message and 0 to 60 days.
need-kind-interpreting = Interpreting
need-kind-childcare = Childcare
need-kind-accessibility = Accessibility
need-children = { $count ->
    [one] 1 child
   *[other] { $count } children
}
need-age = { $age } years
need-ages = { $from }–{ $to } years
mail-need-subject = A need to arrange: { $title }
mail-need-body = A new registration for “{ $title }” brings a need that must be booked.

    { $name }:
    { $needs }

    { $days } days are left before the meeting.
    Overview and “arranged” marks: { $link }
mail-need-digest-subject = Needs from new registrations
mail-need-digest-body = Since the last summary, registrations came with needs that must be booked:
mail-need-digest-meeting = { $title } ({ $days } days left):
mail-need-reminder-subject = Not arranged yet: { $title }
mail-need-reminder-body = “{ $title }” takes place in { $days } days. These needs are not marked as arranged yet:

    { $needs }

    Overview: { $link }

## Changing a registration, and the confirmation of destructive actions
staff-edit-for = Edit the registration of { $name }
staff-edit-title = Edit registration
staff-edit-state = Now: { $state }, { $seats } places.
staff-edit-notify = Tell the person about the change by e-mail
staff-edit-save = Save changes
staff-edit-saved = The registration has been changed.
staff-edit-saved-waiting = The registration has been changed and is now on the waiting list with the whole party.
staff-edit-unchanged = Nothing was changed.
staff-edit-seats-not-free = There are no free places for additional companions. The registration was not changed.
staff-edit-seats-full = There are no free places for additional companions, and the meeting has no waiting list. The registration was not changed.
staff-edit-waitlist-offer = If the person agrees, the whole party can be put on the waiting list instead. The places confirmed so far are then given up.
staff-edit-waitlist-submit = Put on the waiting list
staff-edit-back = Back to the registrations
staff-confirm-cancel-title = Cancel this registration?
staff-confirm-cancel-what = The registration of { $name } for “{ $title }” on { $when } will be cancelled.
staff-confirm-cancel-seats = { $seats ->
    [one] The place is freed and the waiting list moves up.
   *[other] The { $seats } places are freed and the waiting list moves up.
}
staff-confirm-cancel-waiting = The person is taken off the waiting list.
staff-confirm-cancel-mail = The person gets an e-mail about the cancellation.
staff-confirm-cancel-submit = Yes, cancel the registration
staff-confirm-erase-title = Erase personal data?
staff-confirm-erase-what = The name, e-mail address, organisation and notes of { $name } in the registration for “{ $title }” on { $when } will be erased.
staff-confirm-erase-seat = The registration is cancelled as well: a place held is freed and the waiting list moves up.
staff-confirm-erase-final = The data cannot be restored.
staff-confirm-erase-submit = Yes, erase the data for good
staff-confirm-back = No, back to the registrations
staff-edit-duplicate = Another registration for this meeting already has this e-mail address.

## Registrations the office takes (phone, counter, integration manager)
staff-contact-kind = Reachable
staff-contact-email = by e-mail
staff-contact-phone = by phone
staff-contact-post = by post
staff-contact-via = via an integration manager or organisation
staff-email-help = Only needed when the person is reached by e-mail.
staff-phone = Phone
staff-phone-help = Needed for “by phone”.
staff-postal-address = Postal address
staff-postal-help = Needed for “by post”.
staff-via-legend = Registered via
staff-via-help = Needed for “via an integration manager”: this address gets the confirmation and the ticket of each person separately.
staff-via-name = Name of the integration manager or organisation
staff-via-email = E-mail address for the confirmations
staff-via-title = Registered via integration managers
staff-via-row = via { $name }
staff-papers-language = Language of the papers (e-mails, confirmation slip)
staff-override-reason = Reason when the meeting is full or registration is closed
staff-override-help = Only needed when the meeting is full or registration is closed. With a reason the person is confirmed all the same; the reason is logged. Without one they join the waiting list, if there is one.
staff-error-full-reason = The meeting is full. To confirm all the same, please give a reason.
staff-error-closed-reason = Registration is closed. To register all the same, please give a reason.
staff-added-override = The registration is confirmed beyond the limit; the reason is logged.
staff-slip = Confirmation slip
staff-slip-for = Confirmation slip for { $name }
error-contact-kind = Please choose how the person is reached.
error-phone-missing = Please enter a phone number.
error-phone-invalid = Please enter a phone number of digits (+ - / ( ) and spaces are allowed too).
error-address-missing = Please enter a postal address.
error-address-too-long = The postal address is too long (300 characters at most).
error-via-name-missing = Please say who registers the person.
error-reason-too-long = The reason is too long (300 characters at most).

## How a meeting takes registrations
f-intake = Registration
f-intake-online = Online here (form on the page)
f-intake-none = No registration needed
f-intake-contact = By phone or e-mail only (the office enters registrations)
f-intake-external = On another site
f-intake-url = Registration address
f-intake-url-help = Only for “On another site”, e.g. https://…
error-url-invalid = Please give a web address that starts with https://.
staff-mail-language = Language of e-mails

## Invitations of partner meetings (Runder Tisch)
staff-invitations = Invitations
staff-replies = Replies
staff-attendance-year = Attendance over the year
staff-series-page = Go to the series
staff-invitees-listed = { $count ->
    [0] Nobody is on the invitation list yet.
    [one] One person is on the invitation list.
   *[other] { $count } people are on the invitation list.
}
staff-invitation-tally = { $invited } invited: { $come } coming, { $substitute } sending a substitute, { $declined } declined, { $open } open.
staff-invitation-short = { $come } of { $invited } coming
staff-invited-seats = Seats for invitees: { $count } (not counted against the public capacity).
staff-invitation-send = Send invitations
staff-invitation-series = Invite all coming dates
staff-remind = Remind those who have not answered ({ $count })
staff-invitation-help = Only people without an invitation are invited: whoever is added to the list later is invited with another click. Reminders go out at most once a day.
staff-invitation-sent = { $count ->
    [one] One person was invited.
   *[other] { $count } people were invited.
}
staff-remind-sent = { $count ->
    [one] One person was reminded.
   *[other] { $count } people were reminded.
}
staff-invitation-nobody = There was nobody to invite or remind.
invite-no-open-date = There is no published date still to come.
invite-reminded-today = A reminder already went out today. The next one is possible tomorrow.
staff-series-no-dates = This series has no dates yet.

## Runder Tisch: the reply matrix and the organisations represented
replies-title = Replies
replies-caption = Replies of the invited people by organisation and date
replies-organisation = Organisation
replies-person = Person
replies-deputy = (deputy)
replies-removed = (removed)
replies-none = Nobody is invited to these dates yet.
replies-back-event = Back to the meeting
replies-series-link = All dates of the series
replies-cell-come = coming
replies-cell-decline = declined
replies-cell-substitute = Substitute: { $name }
replies-cell-substitute-erased = Substitute (data erased)
replies-cell-open = no answer
replies-cell-none = not invited
replies-total-come = Coming
replies-total-decline = Declined
replies-total-substitute = Substitutes
replies-total-open = No answer
attendance-title = Organisations represented
attendance-summary = { $present } of { $invited } invited organisations took part.
attendance-present = represented
attendance-absent = not represented
attendance-by-checkin = (recorded at check-in)
attendance-by-staff = (entered by hand)
attendance-mark = Mark as represented
attendance-unmark = Remove the mark
attendance-marked = The organisation is marked as represented.
attendance-unmarked = The mark is removed.
attendance-unknown-partner = This organisation is not invited to this meeting.
attendance-upcoming = still to come
attendance-year-link = Attendance over the year
attendance-year-title = Attendance { $year }
attendance-year-caption = Organisations represented at the dates of { $year }
attendance-year-total = Attendance
attendance-year-count = { $attended } of { $held } dates
attendance-year-none = The series has no dates in this year.
attendance-year-nobody = No organisation is invited to the dates of this year.

## The archive of meetings
staff-archive = Archive
staff-archive-title = Title contains
staff-archive-from = Starting from
staff-archive-to = Starting until
staff-archive-count = { $count ->
    [0] No meeting found.
    [one] One meeting found.
   *[other] { $count } meetings found.
}
staff-archive-pages = Pages
staff-archive-prev = Previous page
staff-archive-next = Next page
staff-archive-page = Page { $page } of { $pages }

## A meeting's agenda, documents, online address and minutes
agenda-staff-title = Agenda and documents
agenda-items = Agenda items
agenda-none = No agenda items yet.
agenda-item-add = Add an item
agenda-item-edit = Change the item
agenda-item-edit-cancel = Keep as it is
agenda-item-remove = Remove
agenda-item-title = Title
agenda-item-presenter = Presented by (optional)
agenda-item-time = Time (optional)
agenda-item-time-help = As HH:MM, e.g. 18:30
agenda-error-time = Please give the time as HH:MM, e.g. 18:30.
agenda-error-too-many = An agenda has at most 50 items.
agenda-item-added = The item was added.
agenda-item-saved = The item was saved.
agenda-item-removed = The item was removed. Its documents now belong to the meeting.
agenda-item-moved = The order was changed.
agenda-update-heading = Send the changed agenda
agenda-update-explain = The invitations have gone out. Those who come learn about changes only if you send the agenda again.
agenda-update-send = { $count ->
    [one] Send the updated agenda to the registered person
   *[other] Send the updated agenda to all { $count } registered people
}
agenda-update-sent = The updated agenda is being sent.
agenda-update-closed = The meeting is over or cancelled; nothing more is sent.
agenda-update-nothing-new = The agenda has not changed since it was last sent; nothing was sent again.
documents-staff-heading = Documents
documents-none = No documents yet.
document-for-item = for “{ $item }”
document-remove = Remove
document-add = Upload a document
document-file = File
document-file-help = PDF, Word, Excel, PowerPoint, OpenDocument or an image (PNG, JPEG, GIF, WebP), at most { $size }.
document-title = Title
document-title-help = Leave empty: the file name.
document-visibility = Who may see it?
document-visibility-public = Everyone who sees the meeting
document-visibility-participants = Invitees and registered people
document-visibility-organisers = Organisers only
document-attach-to = Belongs to
document-attach-meeting = the whole meeting
document-upload = Upload
document-error-missing = Please choose a file.
document-error-too-large = This file is too large. Please make it smaller or split it.
document-error-type = This kind of file is not accepted. Allowed are PDF, Office and OpenDocument files and images.
document-added = The document was uploaded.
document-removed = The document was removed.
online-staff-heading = Hybrid meeting
online-staff-explain = Only confirmed registrants and invitees who come see the video conference address: on their registration page from the set time, and in the reminder. Never on the public page, in calendars or in the API.
online-url = Video conference address
online-url-help = Starts with https://. Leave empty: no online participation.
online-minutes = Shown from how many minutes before the start
online-error-url = Please give a complete address starting with https://.
online-error-minutes = Please give a number from 0 to 1440.
online-saved = The online address was saved.
online-removed = The meeting no longer has an online address.
minutes-staff-title = Minutes
minutes-view = View the minutes
minutes-state = State
minutes-none = No minutes saved yet.
minutes-not-published = Saved, not published yet.
minutes-published-at = Published on { $at }.
minutes-published-once = The mails with the link went out when they were published; each address gets them only once. Changes you save now show on the minutes page, without a new mail.
minutes-publish = { $count ->
    [one] Publish and notify 1 person by mail
   *[other] Publish and notify { $count } people by mail
}
minutes-edit = Edit the minutes
minutes-body = Text (Markdown)
minutes-body-help = Headings with #, lists with -, **bold**. Leave empty if the minutes are a file only.
minutes-document = Minutes as a file
minutes-document-help = One of the meeting's documents, visible to everyone or to invitees and registered people.
minutes-document-none = none
minutes-audience = For whom
minutes-audience-invitees = Invitees and participants (link with personal access)
minutes-audience-public = Public
minutes-error-empty = Please write a text or choose a file.
minutes-saved = The minutes were saved.
minutes-published = The minutes are published; the mails are being sent.
minutes-already-published = The minutes had been published already; no further mail was sent.
minutes-not-saved = Please save the minutes first.

## Partner organisations and invitation lists (Runder Tisch)
staff-partners = Partners
staff-partners-explain = The office's partner organisations and their contact persons, who are invited to partner meetings.
staff-partners-office = Office
staff-partners-show = Show
staff-partners-none = No partner organisations yet.
staff-partners-no-office = You do not manage an office.
staff-partners-back = Back to the partners
staff-partner-name = Name of the organisation
staff-partner-kind = Kind
staff-partner-contacts = Contact persons
staff-partner-contacts-none = No contact persons yet.
staff-partner-add = Add organisation
staff-partner-edit = Change organisation
staff-partner-remove = Remove organisation
staff-partner-remove-explain = A removed organisation is no longer invited. Its past attendance stays in the statistics.
staff-partner-added = The organisation has been added.
staff-partner-saved = The organisation has been saved.
staff-partner-removed = The organisation has been removed.
staff-partner-contact-add = Add contact person
staff-partner-contact-edit = Change contact person
staff-partner-contact-name = Name
staff-partner-contact-email = E-mail address
staff-partner-contact-phone = Phone
staff-partner-contact-role = Role
staff-partner-contact-language = Language of e-mails
staff-partner-role-help = Members are invited with their organisation, deputies only by name.
staff-partner-remove-contact = Remove
staff-partner-contact-added = The contact person has been added.
staff-partner-contact-saved = The contact person has been saved.
staff-partner-contact-removed = The contact person has been removed.
partner-kind-school = School
partner-kind-chamber = Chamber
partner-kind-church_welfare = Church / welfare association
partner-kind-adult_education = Adult education
partner-kind-municipality = Town / municipality
partner-kind-employment = Employment agency / job centre
partner-kind-police = Police
partner-kind-authority = Authority
partner-kind-council_group = Council group
partner-kind-other = Other
partner-role-member = Member
partner-role-deputy = Deputy
error-partner-name-missing = Please give the organisation's name.
error-partner-name-too-long = The name is too long (at most 150 characters).
error-partner-name-taken = There is already an organisation of this name.
error-partner-kind = Please choose a kind from the list.
error-partner-phone = Please give a phone number of digits (also + - / ( ) and spaces, at most 40 characters).
error-partner-role = Please choose member or deputy.
error-partner-language = Please choose a language from the list.
error-partner-contact-duplicate = This address already belongs to a contact person of this organisation.

staff-partner-import = Import partner list
staff-partner-import-explain = Your Excel list saved as a CSV file (also "CSV (comma delimited)" with semicolons): one row per contact person. You see a preview first; nothing is stored until you confirm.
staff-partner-import-columns = Columns (first row): Organisation, Kind, Name, Email, Phone, Role, Language (German names work too). Organisation, Name and Email are needed; without a kind it is "Other", without a role "Member", without a language German. Empty cells change nothing for known contact persons.
staff-partner-import-file = CSV file
staff-partner-import-file-help = At most { $kb } KB.
staff-partner-import-text = Or paste the list here
staff-partner-import-text-help = For example copied from Excel; only used when no file is chosen.
staff-partner-import-check = Show preview
staff-partner-import-preview = Import preview
staff-partner-import-nothing-yet = Nothing has been stored yet. Check the preview and confirm below.
staff-partner-import-changed-meanwhile = The partner data has changed in the meantime. Please check the new preview; nothing was stored.
staff-partner-import-count-new-partners = { $count ->
    [one] 1 new organisation
   *[other] { $count } new organisations
}
staff-partner-import-count-changed-partners = { $count ->
    [one] 1 organisation of another kind
   *[other] { $count } organisations of another kind
}
staff-partner-import-count-new-contacts = { $count ->
    [one] 1 new contact person
   *[other] { $count } new contact persons
}
staff-partner-import-count-changed-contacts = { $count ->
    [one] 1 changed contact person
   *[other] { $count } changed contact persons
}
staff-partner-import-count-unchanged = { $count ->
    [one] 1 contact person unchanged
   *[other] { $count } contact persons unchanged
}
staff-partner-import-count-bad = { $count ->
    [one] 1 faulty row (left out)
   *[other] { $count } faulty rows (left out)
}
staff-partner-import-bad = Faulty rows
staff-partner-import-bad-explain = These rows are not taken. Correct them in the file and import again, or confirm without them.
staff-partner-import-line = Line { $line }
staff-partner-import-new-partners = New organisations
staff-partner-import-changed-partners = Organisations of another kind
staff-partner-import-new-contacts = New contact persons
staff-partner-import-changed-contacts = Changed contact persons (before → after)
staff-partner-import-unchanged = Unchanged contact persons
staff-partner-import-confirm = Confirm import
staff-partner-import-no-changes = The file changes nothing in your partner data.
staff-partner-import-again = Import another file
staff-partner-import-done = Imported: { $partners } new and { $changed } changed organisations, { $contacts } new and { $updated } changed contact persons.
partner-import-too-large = The file is too large (at most 1 MB).
partner-import-empty = Please choose a file or paste the list.
partner-import-header = The first row must name the columns, at least Organisation, Name and Email.
partner-import-no-organisation = the organisation is missing
partner-import-bad-organisation = the organisation's name is too long or contains control characters
partner-import-unknown-kind = unknown kind
partner-import-unknown-role = unknown role (member or deputy)
partner-import-unknown-language = unknown language (de, en, ar, uk, tr)
partner-import-no-name = the name is missing
partner-import-bad-name = the name is not valid
partner-import-no-email = the e-mail address is missing
partner-import-bad-email = the e-mail address is not valid
partner-import-bad-phone = the phone number is not valid
partner-import-duplicate = the same address is already given for this organisation in line { $line }
partner-import-kind-conflict = the organisation has another kind in line { $line }

staff-invitees = Invitation list
staff-invitees-explain = Who is invited to this meeting: whole organisations (all their members) or single persons, in addition to the series' list.
staff-invitees-series-explain = Who is invited to every date of this series: whole organisations (all their members) or single persons.
staff-invitees-inherited = From the series "{ $series }"
staff-invitees-edit-series = Edit the series' list
staff-invitees-own = For this meeting only
staff-invitees-list = Invited
staff-invitees-none = Nobody on the list yet.
staff-invitees-no-partners = The office has no partners yet.
staff-invitees-resolved = { $count ->
    [one] 1 person will be invited
   *[other] { $count } persons will be invited
}
staff-invitee-whole = { $count ->
    [one] whole organisation (1 member)
   *[other] whole organisation ({ $count } members)
}
staff-invitee-add = Add to the list
staff-invitee-partner = Organisation
staff-invitee-partner-help = All its members are invited, also those added later.
staff-invitee-add-partner = Add organisation
staff-invitee-contact = Single person
staff-invitee-add-contact = Add person
staff-invitee-remove = Take off the list
staff-invitee-choose = Please choose an organisation or a person.
staff-invitee-added = Put on the invitation list.
staff-invitee-already = Already on the list.
staff-invitee-removed = Taken off the invitation list.

## Messages to participants
message-title = Write a message
message-write = Write a message
message-write-selection = Message to the rows shown
message-group = Recipients
message-group-confirmed = Everybody with a seat
message-group-waiting = Waiting list
message-group-checked_in = Checked in
message-group-not_checked_in = Registered but not checked in
message-group-invitees = Invitees who have not answered
message-group-selection = The rows of the list (search and filter)
message-reach = { $count ->
    [one] Reaches 1 person.
   *[other] Reaches { $count } people.
}
message-opted-out = { $count ->
    [one] 1 person left out: asked for no more mail.
   *[other] { $count } people left out: asked for no more mail.
}
message-no-address = { $count ->
    [one] 1 person without an e-mail address.
   *[other] { $count } people without an e-mail address.
}
message-no-groups = This meeting has no one to write to.
message-language = Language of the original
message-subject = Subject
message-body = Text
message-body-help = Markdown (**bold**, *italic*, lists, [link](https://…)). Placeholders: {"{"}name{"}"} (the person's name), {"{"}meeting{"}"} (the meeting), {"{"}link{"}"} (the person's own link).
message-versions = Further languages
message-versions-help = People registered in one of these languages get that version; everybody else the original.
message-preview = Preview
message-send = Send
message-preview-title = Preview for { $name } ({ $language })
message-preview-text = As plain text
message-sent-title = Messages sent
message-none-sent = No message sent yet.
message-col-when = Sent
message-col-sender = From
message-col-recipients = Recipients
message-sent = { $count ->
    [one] The message goes to 1 person.
   *[other] The message goes to { $count } people.
}
message-sent-already = This message was sent already; it does not go out again.
message-too-many = You have sent several messages for this meeting in the last hour. Please wait a little before sending the next one.
message-nobody = This group reaches nobody: nothing was sent.
message-group-not-offered = This group exists only once the meeting has begun.
message-form-stale = The form is out of date. Please reload the page.
message-error-group = Please choose the recipients.
message-error-subject = Please enter a subject.
message-error-subject-long = The subject is too long (at most 200 characters, one line).
message-error-body = Please enter a text.
message-error-body-long = The text is too long (at most 20,000 characters).

message-documents = Link documents
message-documents-help = Each person gets links that open only with their own registration or invitation.
message-error-document = Please choose only documents of this meeting.

## Topic names in every language of the public side
topicnames-help = Only the German name is required. Where a language has no name, its pages show the English name, else the German one.
topicnames-name-ar = Name (Arabic)
topicnames-name-uk = Name (Ukrainian)
topicnames-name-tr = Name (Turkish)
topicnames-name-fa = Name (Persian/Dari)
topicnames-name-ru = Name (Russian)
topicnames-edit = Edit names
topicnames-named-in = named in
topicnames-title = Topic “{ $name }”: names
