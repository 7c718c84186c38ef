# Back office: the sign-in list and the attendance certificates staff print for a meeting.
paper-sign-in-link = Sign-in list
paper-sign-in-title = Sign-in list
paper-certificates-link = Certificates of attendance
paper-certificates-title = Certificates of attendance
paper-col-number = No.
paper-col-name = Name
paper-col-companions = Companions
paper-col-organisation = Organisation
paper-col-email = E-mail
paper-col-needs = Note
paper-col-signature = Signature
paper-page = Page { $page } of { $total }
paper-office = Organiser: { $office }
paper-printed = { $office } · printed on { $date }
paper-count = { $count ->
    [one] 1 registered person
   *[other] { $count } registered people
}, { $seats ->
    [one] 1 seat
   *[other] { $seats } seats
}
paper-need-interpreting = Interpreting: { $what }
paper-need-accessibility = Accessibility: { $what }
paper-need-childcare = Childcare: { $what ->
    [one] 1 child
   *[other] { $what } children
}
paper-needs-legend = Grey rows: people with a note for the door.
paper-walk-ins-heading = Walk-ins
paper-options = Adjust the list
paper-order = Order
paper-order-name = by name
paper-order-organisation = by organisation
paper-walk-ins = Empty rows for walk-ins
paper-walk-ins-invalid = Please enter a whole number from 0 to 200.
paper-with-email = Include e-mail addresses (only when needed: everyone who signs sees the list)
paper-show = Show
paper-pdf = Download as PDF
paper-print-hint = Print this page with the browser's print function (A4) or download the PDF.
paper-back = Back to the registrations
paper-certificates-none = Nobody has been checked in yet. Certificates are for people checked in at the door.
paper-certificates-count = { $count ->
    [one] 1 certificate, in the person's language and in German.
   *[other] { $count } certificates, one per page, each in the person's language and in German.
}
