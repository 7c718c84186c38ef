# The attendance certificate (in the person's language, German always beside it), the
# person's own page offering it, and the public page that checks a certificate's code.
certificate-title = Certificate of attendance
certificate-body = This is to certify that { $name } took part in the following event.
certificate-meeting = Event
certificate-when = Date and time
certificate-duration = Duration
certificate-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
certificate-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
certificate-place = Place
certificate-office = Organised by
certificate-signature = Place, date, signature and stamp
certificate-check = Check that it is genuine:
certificate-code = Check code: { $code }
certificate-qr-label = QR code to check that the certificate is genuine
certificate-own = Your certificate of attendance
certificate-own-text = You took part in this event. Your certificate of attendance is ready to download, in your language and in German.
certificate-own-pdf = Download the certificate (PDF)
certificate-own-html = Open for printing
certificate-check-title = Check a certificate of attendance
certificate-check-intro = Enter the check code printed on the certificate (twelve characters, for example 7KQM-2X9D-HW4A).
certificate-check-code = Check code
certificate-check-submit = Check
certificate-check-genuine = This certificate of attendance is genuine.
certificate-check-person = Person (initials)
certificate-check-meeting = Event
certificate-check-date = Date
certificate-check-office = Issued by
certificate-check-privacy = To protect the person, this page shows only their initials. If they and the other details match the certificate, it is genuine.
certificate-check-withdrawn = This certificate can no longer be checked: the person had their data erased.
certificate-check-unknown = There is no certificate of attendance with this code. Please check how it is written.
