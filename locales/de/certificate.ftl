# The attendance certificate (in the person's language, German always beside it), the
# person's own page offering it, and the public page that checks a certificate's code.
certificate-title = Teilnahmebescheinigung
certificate-body = Hiermit wird bestätigt, dass { $name } an der folgenden Veranstaltung teilgenommen hat.
certificate-meeting = Veranstaltung
certificate-when = Datum und Uhrzeit
certificate-duration = Dauer
certificate-hours = { $count ->
    [one] 1 Stunde
   *[other] { $count } Stunden
}
certificate-minutes = { $count ->
    [one] 1 Minute
   *[other] { $count } Minuten
}
certificate-place = Ort
certificate-office = Veranstalter
certificate-signature = Ort, Datum, Unterschrift und Stempel
certificate-check = Echtheit prüfen:
certificate-code = Prüfcode: { $code }
certificate-qr-label = QR-Code zur Prüfung der Echtheit
certificate-own = Ihre Teilnahmebescheinigung
certificate-own-text = Sie waren bei dieser Veranstaltung. Ihre Teilnahmebescheinigung steht in Ihrer Sprache und auf Deutsch zum Herunterladen bereit.
certificate-own-pdf = Teilnahmebescheinigung herunterladen (PDF)
certificate-own-html = Zum Drucken öffnen
certificate-check-title = Teilnahmebescheinigung prüfen
certificate-check-intro = Geben Sie den Prüfcode von der Bescheinigung ein (zwölf Zeichen, zum Beispiel 7KQM-2X9D-HW4A).
certificate-check-code = Prüfcode
certificate-check-submit = Prüfen
certificate-check-genuine = Diese Teilnahmebescheinigung ist echt.
certificate-check-person = Person (Initialen)
certificate-check-meeting = Veranstaltung
certificate-check-date = Datum
certificate-check-office = Ausgestellt von
certificate-check-privacy = Zum Schutz der Person zeigt diese Seite nur die Initialen. Stimmen sie und die übrigen Angaben mit der Bescheinigung überein, ist sie echt.
certificate-check-withdrawn = Diese Bescheinigung kann nicht mehr geprüft werden: Die Person hat ihre Daten löschen lassen.
certificate-check-unknown = Zu diesem Code gibt es keine Teilnahmebescheinigung. Bitte prüfen Sie die Schreibweise.
