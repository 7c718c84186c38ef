# Back office: the sign-in list and the attendance certificates staff print for a meeting.
paper-sign-in-link = Teilnehmerliste zum Unterschreiben
paper-sign-in-title = Teilnehmerliste
paper-certificates-link = Teilnahmebescheinigungen
paper-certificates-title = Teilnahmebescheinigungen
paper-col-number = Nr.
paper-col-name = Name
paper-col-companions = Begleitung
paper-col-organisation = Organisation
paper-col-email = E-Mail
paper-col-needs = Hinweis
paper-col-signature = Unterschrift
paper-page = Seite { $page } von { $total }
paper-office = Veranstalter: { $office }
paper-printed = { $office } · gedruckt am { $date }
paper-count = { $count ->
    [one] 1 angemeldete Person
   *[other] { $count } angemeldete Personen
}, { $seats ->
    [one] 1 Platz
   *[other] { $seats } Plätze
}
paper-need-interpreting = Dolmetschen: { $what }
paper-need-accessibility = Barrierefreiheit: { $what }
paper-need-childcare = Kinderbetreuung: { $what ->
    [one] 1 Kind
   *[other] { $what } Kinder
}
paper-needs-legend = Grau hinterlegt: Personen mit einem Hinweis für den Einlass.
paper-walk-ins-heading = Nachmeldungen vor Ort
paper-options = Liste einstellen
paper-order = Sortierung
paper-order-name = nach Name
paper-order-organisation = nach Organisation
paper-walk-ins = Leere Zeilen für Nachmeldungen
paper-walk-ins-invalid = Bitte eine ganze Zahl von 0 bis 200 eingeben.
paper-with-email = E-Mail-Adressen aufnehmen (nur wenn nötig: alle, die unterschreiben, sehen die Liste)
paper-show = Anzeigen
paper-pdf = Als PDF herunterladen
paper-print-hint = Drucken Sie diese Seite mit der Druckfunktion des Browsers (A4) oder laden Sie das PDF herunter.
paper-back = Zurück zu den Anmeldungen
paper-certificates-none = Noch niemand wurde eingecheckt. Bescheinigungen gibt es für Personen, die am Einlass eingecheckt wurden.
paper-certificates-count = { $count ->
    [one] 1 Bescheinigung, in der Sprache der Person und auf Deutsch.
   *[other] { $count } Bescheinigungen, eine pro Seite, jeweils in der Sprache der Person und auf Deutsch.
}
