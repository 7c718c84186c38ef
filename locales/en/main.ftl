site-name = Treffpunkt – meetings and registration
skip-to-content = Skip to content
language-switch = Choose language
privacy-link = Privacy notice
footer-api = Developer interface (OpenAPI)
back-to-event = Back to the meeting
back-to-list = All meetings

## Dates
date-long = { $weekday }, { $day } { $month } { $year }
datetime-span = { $date }, { $start }–{ $end }
datetime-span-days = { $startdate }, { $start } to { $enddate }, { $end }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## List of meetings
index-title = Meetings
index-intro = Public meetings of the district office and the towns. Please register so that we can plan well.
index-empty = No meetings are announced at the moment.
filter-category = Topic
filter-all = All topics
filter-apply = Show

## Availability
availability-free = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
availability-unlimited = Places available
availability-waiting-list = Waiting list
availability-full = Fully booked
availability-cancelled = Cancelled
availability-not-yet-open = Registration not open yet
availability-closed = Registration closed
closed-full = This meeting is fully booked. There is no waiting list.
closed-cancelled = This meeting has been cancelled. You cannot register.
closed-not-yet-open = Registration is not open yet.
closed-over = Registration is closed.

## One meeting
event-cancelled = This meeting has been cancelled.
event-when = When
event-where = Where
event-office = Organiser
event-contact = Contact
event-phone = Phone
event-email = E-mail
event-category = Topic
event-series = Series
event-places = Places
event-capacity = { $count } places in all
event-waiting = { $count ->
    [one] 1 person on the waiting list
   *[other] { $count } people on the waiting list
}
event-window = Registration period
event-opens = Registration opens { $at }
event-closes = Registration closes { $at }
event-about = About this meeting

## Registration form
register-heading = Register
register-waitlist-heading = Join the waiting list
register-waitlist-explain = All places are taken. You can join the waiting list. When a place becomes free, people move up in the order they registered, automatically, and get an e-mail.
form-required-hint = Fields marked * are required.
field-name = Name
field-email = E-mail address
field-email-help = We send the confirmation and the link to manage your registration to this address.
field-organisation = Organisation (optional)
field-companions = People coming with you
field-companions-help = How many people are you bringing? At most { $max }.
field-needs = Accessibility (optional)
field-needs-help = For example a wheelchair space, sign language, a hearing loop or an interpreter.
field-consent = I agree that my details are processed for this registration.
register-submit = Register
register-submit-waitlist = Join the waiting list
register-duplicate = You are already registered for this meeting with this e-mail address.
register-duplicate-offer = We can send you the link to your registration again by e-mail.
register-resend = Send the link again

## Errors in forms
error-summary = Please check your details:
error-name-missing = Please enter your name.
error-name-too-long = The name can be at most 100 characters long.
error-name-no-letter = The name must contain at least one letter.
error-invalid-characters = This field contains control characters that are not allowed.
error-email-missing = Please enter your e-mail address.
error-email-too-long = The e-mail address is too long.
error-email-invalid = Please enter a valid e-mail address, for example name@example.org.
error-organisation-too-long = The organisation can be at most 150 characters long.
error-companions-invalid = Please enter the number of people coming with you as a whole number from 0.
error-companions-too-many = This meeting does not allow that many people coming with you.
error-needs-too-long = Please keep it shorter (at most 1000 characters).
error-consent-missing = Please agree to the privacy notice, otherwise we cannot accept your registration.
error-language-invalid = This language is not supported.

## Registration page
registration-title = Your registration
registration-thanks = Thank you for registering
registration-confirmed = Your registration is confirmed.
registration-confirmed-seats = { $count ->
    [one] 1 place is reserved for you.
   *[other] { $count } places are reserved for you and the people coming with you.
}
registration-waiting = You are on the waiting list at position { $position }.
registration-waiting-explain = When a place becomes free, you move up automatically and get an e-mail.
registration-cancelled = This registration has been cancelled.
registration-details = Your details
registration-registered-at = Registered on
registration-keep-link = Please keep this link
registration-keep-link-text = With this personal link you can see your registration and cancel it.
registration-cancel = Cancel registration

## Cancelling
cancel-title = Cancel registration
cancel-question = Do you really want to cancel your registration for “{ $title }” on { $when }?
cancel-explain = Your place then goes to the next person on the waiting list.
cancel-confirm = Yes, cancel my registration
cancel-keep = No, keep my registration

## Resending the link
resent-title = The link is on its way
resent-text = If { $email } is registered for this meeting, we are sending the link there by e-mail now.

## Privacy
privacy-title = Privacy notice
privacy-what-heading = What we store
privacy-what = For a registration we store your name, your e-mail address, optionally your organisation and accessibility needs, the number of people coming with you, the language you chose, and when you consented to which version of this notice.
privacy-why-heading = What for
privacy-why = We use these details only to plan the meeting, let you in and tell you about changes. We do not pass them on and use no trackers.
privacy-how-long-heading = For how long
privacy-how-long = Your personal details are deleted 30 days after the meeting. Only the number of participants remains.
privacy-rights-heading = Your rights
privacy-rights = You can cancel your registration at any time with your personal link. For access, correction and deletion, contact the organiser named on the meeting's page.
privacy-version = Version of { $version }

## Error pages
error-400-title = Request not understood
error-400-text = The request could not be read. Please try again using the form.
error-404-title = Not found
error-404-text = This page does not exist (any more). The meeting may have been removed or the link is incomplete.
error-405-title = Not allowed
error-405-text = This action is not possible at this address.
error-409-title = Not possible
error-409-text = That is not possible right now.
error-413-title = Too much data
error-413-text = What you sent is too large. Please shorten your input.
error-415-title = Format not supported
error-415-text = The request has a format we do not process.
error-422-title = Details not readable
error-422-text = What you sent could not be read. Please try again using the form.
error-503-title = Temporarily unavailable
error-503-text = The service is not reachable right now. Please try again in a few minutes. Nothing you already registered is lost.
error-other-title = Something went wrong
error-other-text = Sorry, that did not work. Please try again.

## Calendar
calendar-heading = Add to your calendar
calendar-download = Download the date (.ics, for Outlook, Apple and Thunderbird)
calendar-google = Add to Google Calendar
calendar-outlook = Add to Outlook.com
calendar-subscribe-heading = Subscribe to a calendar
calendar-subscribe-explain = A subscription puts all dates into your calendar and keeps them up to date: when a meeting is moved or cancelled, your calendar shows it after its next update (usually within a few hours). You can remove the subscription in your calendar app at any time.
calendar-subscribe-series = All dates of the series “{ $name }”
calendar-subscribe-category = All meetings on “{ $name }”
calendar-subscribe-all = All meetings
calendar-in-app = subscribe in your calendar app
calendar-address = address to copy
feed-name-all = Treffpunkt: all meetings
feed-name-category = Treffpunkt: { $name }
feed-name-series = Treffpunkt: { $name }
feed-name-one = { $name }
feed-name-private = Treffpunkt: my meetings
feed-description = Public meetings with registration. Changes and cancellations appear automatically.
feed-cancelled-prefix = CANCELLED:
feed-private-counts = Registrations: { $confirmed } places confirmed, { $waiting } on the waiting list, { $checked } checked in.

## Mails to registrants
mail-hello = Hello { $name },
mail-manage = See or cancel your registration:
mail-questions = Questions? { $office } is happy to help.
mail-automatic = This e-mail was sent automatically. It contains no tracking pixels.
mail-verify-link = Please confirm your registration here:
mail-verify-button = Confirm registration
mail-confirmed-subject = Registration confirmed: { $title }
mail-confirmed-body = Your registration is confirmed. { $seats ->
    [one] 1 place is reserved for you.
   *[other] { $seats } places are reserved for you and the people coming with you.
} The date for your calendar is attached.
mail-waiting-subject = Waiting list: { $title }
mail-waiting-body = All places are taken. You are on the waiting list at position { $position }. When a place becomes free, you move up automatically and get an e-mail.
mail-promoted-subject = You moved up: { $title }
mail-promoted-body = Good news: a place has become free. Your registration is now confirmed. The date for your calendar is attached.
mail-cancelled-subject = Registration cancelled: { $title }
mail-cancelled-body = { $by ->
    [office] The organiser has cancelled your registration.
   *[other] Your registration is cancelled. Thank you for giving your place back.
}
mail-changed-subject = Changed date: { $title }
mail-changed-body = The meeting has changed. Please note the new time or place below. Your registration stays; the attached calendar entry replaces the old one.
mail-changed-waiting-body = The meeting you are on the waiting list for has changed. Please note the time and place below. You are still at position { $position } on the waiting list. When a place becomes free, you move up automatically and get an e-mail with the calendar entry. If the changed meeting no longer suits you, you can leave the waiting list with the link below.
mail-event_cancelled-subject = Cancelled: { $title }
mail-event_cancelled-body = Unfortunately the meeting has been cancelled. Reason: { $reason }
    The attached calendar entry marks the date as cancelled.
mail-event_cancelled-waiting-body = Unfortunately the meeting you are on the waiting list for has been cancelled. Reason: { $reason }
    The waiting list ends with it; there is nothing you need to do.
mail-reminder-subject = Reminder: { $title }
mail-reminder-body = We look forward to seeing you. Here are the time and place again. If you cannot come, please cancel so that someone from the waiting list can move up.
mail-management_link-subject = Your registration link: { $title }
mail-management_link-body = Here is your personal link to your registration again. There you can see your registration and cancel it.
mail-opt_in-subject = Please confirm: { $title }
mail-opt_in-body = Please confirm your registration by { $deadline } with the link below. Otherwise your place is given up.
verify-title = Confirm registration
verify-explain = Please confirm that you registered. Only then is your place safe.
verify-submit = Yes, confirm my registration
verify-done = Your registration is already confirmed.
verify-too-late = The time to confirm has passed; the place was given up. You can register again if places are free.
registration-unconfirmed = Your registration is not confirmed yet.
registration-unconfirmed-explain = Please confirm your registration by { $deadline } with the link in the e-mail we sent you. Until then we hold the place for you; without your confirmation it is given up.
registration-waiting-unconfirmed = Please confirm your registration by { $deadline } with the link in the e-mail we sent you. Without your confirmation the registration lapses and you leave the waiting list.
registration-event-cancelled = Your registration and your ticket are therefore no longer valid. Please do not come to the meeting.
ticket-event-cancelled = This ticket is not valid: the meeting does not take place.
ticket-unconfirmed = You get your ticket once you have confirmed your registration with the link in the e-mail. Without your confirmation the place is given up.
registration-mail-heading = Reminders by e-mail
registration-mail-on = We send you a reminder before the meeting, and the organisers' messages reach you by e-mail. Changes to the meeting and its cancellation always reach you.
registration-mail-off = You have unsubscribed from reminders and the organisers' messages. Your registration stays as it is; changes to the meeting and its cancellation still reach you.
registration-mail-turn-off = Unsubscribe from reminders
registration-mail-turn-on = Turn reminders back on
door-status-unconfirmed = not confirmed
door-unconfirmed-short = registration not confirmed by e-mail, no entry
mail-opt_in_waiting-subject = Please confirm (waiting list): { $title }
mail-opt_in_waiting-body = All places are taken; you are number { $position } on the waiting list. Please confirm your registration by { $deadline } with the link below, otherwise it lapses. If a place becomes free, you move up automatically and get an e-mail.
mail-promoted_unconfirmed-subject = You moved up – please confirm: { $title }
mail-promoted_unconfirmed-body = Good news: a place has become free for you. Please confirm your registration by { $deadline } with the link below, otherwise the place is given up again. You get your ticket once you have confirmed.

## Door and tickets
door-title = Check-in
door-welcome = Welcome, { $name }! { $party ->
    [one] 1 person.
   *[other] Party of { $party }.
}
door-welcome-short = Welcome
door-already = { $name } is already checked in: at { $time } on device “{ $device }”.
door-already-short = already checked in at
door-welcome-again = Already shown: checked in on this device at { $time }.
door-cancelled = { $name }: the registration is cancelled. The ticket is no longer valid.
door-cancelled-short = registration cancelled, ticket not valid
door-waiting = { $name } is on the waiting list and has no place yet.
door-waiting-short = on the waiting list, no place yet
door-unconfirmed = { $name } did not confirm the registration by e-mail.
door-wrong-meeting = This ticket is for another meeting.
door-invalid = Not a valid ticket.
door-unknown = Ticket not in this device's list.
door-full = All places are taken. Only with an explicit override beyond capacity.
door-offline = No connection. Check-in goes on; {"{"}n{"}"} check-ins wait to be synced.
door-offline-welcome = Welcome, {"{"}name{"}"} ({"{"}party{"}"}) – checked without connection
door-conflict = Sync: {"{"}name{"}"} was already checked in on device “{"{"}device{"}"}”.
door-counters = checked in / confirmed / places
door-verdict-ok = Let in
door-verdict-bad = Do not let in
door-status-confirmed = confirmed
door-status-waiting = waiting list
door-status-cancelled = cancelled
door-scan = Scan ticket
door-camera = Camera picture for scanning tickets
door-camera-error = The camera is not available. Please use the search by name.
door-undo = Undo last check-in
door-next = Next
door-search = Search by name
door-search-label = Name or e-mail
door-search-go = Search
door-let-in = Let in
door-party = people
door-party-n = { $party } people
door-walk-in = Came without registering
door-walk-in-submit = Add and let in
door-override = Let in beyond capacity too (logged)
door-device = This device
door-device-name = Device name
door-device-default = Device {"{"}code{"}"}
door-pin = Check-in PIN
door-pin-go = Open check-in
checkin-denied-title = No access to the check-in
checkin-denied-text = This check-in page opens only with this meeting's door link or PIN, or after logging in with an account of its office.
checkin-denied-pin = Enter the check-in PIN
checkin-denied-login = Log in (organisers and door staff)
door-pin-wrong = This PIN is not valid (any more).
door-pin-meeting = Meeting number
door-pin-meeting-hint = The number is given next to the PIN you got from the organiser.
door-pin-meeting-missing = Please enter the meeting number.
door-pin-too-many = Too many wrong PINs from this connection or in total. Please try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}. The check-in link keeps working.
door-links = Check-in
door-links-explain = A check-in link opens this meeting's check-in page on a phone, without an account. Or open { $pin_url } and type the meeting number ({ $number }) and the eight-digit PIN. Links are valid until the day after the meeting and can be revoked.
door-open-myself = Open check-in myself
door-label = Label (e.g. north entrance)
door-create = Create check-in link
door-revoke = Revoke
door-valid-until = valid until { $at }
door-default-label = Entrance
ticket-title = Your ticket
ticket-show = Show ticket
ticket-qr-label = QR code of your ticket
ticket-explain = Show this code at the entrance, on your phone or printed.
ticket-waiting = You are on the waiting list. You get a ticket once you move up.
ticket-revoked = This registration is cancelled; the ticket is no longer valid.
door-expired = The meeting is over; the ticket is no longer valid.
door-app-name = Treffpunkt check-in
door-nonce-too-long = The scan's identifier (nonce) is too long: 100 characters at most.
door-not-json = Please send JSON (Content-Type: application/json).
door-token-missing = This check-in page is no longer valid. Please reload the page, log in again or open the door link again.
door-locked-out = No access to the check-in any more: please log in again or open the door link again. {"{"}n{"}"} check-ins stay stored on this device and are synced afterwards.
door-not-sent = Not sent: the server cannot be reached right now. Please try again in a moment.
pages = Pages
pages-previous = Earlier meetings
pages-next = More meetings

## Changing one's own registration
change-heading = Change your registration
change-intro = You can change the number of people coming with you and the language of your e-mails. You then get an e-mail with your changed registration.
change-intro-answers = You can change the number of people coming with you, your answers to the questions and the language of your e-mails. You then get an e-mail with your changed registration.
change-language = Language of e-mails
change-submit = Save change
change-done = Your registration has been changed. You will get a confirmation by e-mail.
change-done-waiting = Your registration has been changed and is now on the waiting list. You will get a confirmation by e-mail.
change-unchanged = Nothing was changed.
change-seats-not-free = There are no more free places for additional companions. Your registration stays as it was.
change-seats-full = There are no more free places for additional companions, and there is no waiting list. Your registration stays as it was.
change-waitlist-offer = Instead, you can join the waiting list with your whole party. The places you hold now are then given up; as soon as enough places are free, you move up automatically and get an e-mail.
change-waitlist-submit = Join the waiting list with everyone
change-language-invalid = Please choose one of the languages offered.
change-cancelled = A cancelled registration can no longer be changed.
change-past = This registration can no longer be changed: the meeting has already begun or is cancelled.
change-erased = The data of this registration has been erased; it can no longer be changed.
mail-registration_changed-subject = Your registration has been changed: { $title }
mail-registration_changed-body = Your registration has been changed and is still valid. Places reserved: { $seats } (you and { $companions } companions). You find the other details on your registration page (link below).
mail-registration_changed_waiting-subject = Your registration has been changed: { $title }
mail-registration_changed_waiting-body = Your registration has been changed. You are on the waiting list with { $seats } places (you and { $companions } companions), at position { $position }. As soon as enough places are free, you move up automatically and get an e-mail.

## Confirmation slip (printed by the office, for people without e-mail)
slip-title = Registration confirmation
slip-name = Name: { $name }
slip-party = People: { $party }
slip-when = When
slip-where = Where
slip-ticket = Your ticket
slip-ticket-explain = Please bring this slip and show the QR code at the entrance.
slip-cancel = If you cannot come, please cancel by phone: { $phone }
slip-cancel-office = If you cannot come, please tell: { $office }
slip-pdf = Download PDF
mail-via-note = You receive this message because you registered { $name } ({ $via }). Please pass it on to { $name } with the ticket.
