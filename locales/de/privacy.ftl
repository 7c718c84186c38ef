# Abuse protection of the public forms
field-honeypot = Dieses Feld bitte leer lassen
error-too-fast = Das Formular wurde sehr schnell abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal.
error-too-many = Von Ihrem Anschluss kamen gerade sehr viele Anfragen. Bitte versuchen Sie es in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} noch einmal.

# The privacy notice (built-in text) and a person's own data
privacy-retention = Ihre personenbezogenen Angaben werden { $days } Tage nach der Veranstaltung gelöscht (eine Veranstaltung kann eine andere Frist nennen). Übrig bleibt nur, wie viele Menschen angemeldet waren und gekommen sind.
privacy-rights-self = Sie können Ihre Anmeldung jederzeit über Ihren persönlichen Link absagen. Eine Kopie Ihrer Daten oder deren Löschung können Sie selbst anfordern: Wir schicken Ihnen dafür einen Link an Ihre E-Mail-Adresse. Für Berichtigungen wenden Sie sich an die auf der Veranstaltungsseite genannte Stelle.
privacy-request-link = Meine Daten ansehen oder löschen
privacy-request-title = Ihre gespeicherten Daten
privacy-request-intro = Geben Sie die E-Mail-Adresse an, mit der Sie sich angemeldet haben. Wir schicken Ihnen einen Link, mit dem Sie Ihre Daten ansehen, herunterladen oder löschen können. Ein Konto brauchen Sie nicht.
privacy-request-submit = Link zuschicken
privacy-request-sent = Wenn unter { $email } Daten gespeichert sind, haben wir einen Link an diese Adresse geschickt. Er ist 24 Stunden gültig.
privacy-data-title = Ihre gespeicherten Daten
privacy-data-none = Unter dieser Adresse sind keine personenbezogenen Daten (mehr) gespeichert.
privacy-data-intro = Das ist alles, was wir zu Ihren Anmeldungen gespeichert haben.
privacy-data-when = Veranstaltung am
privacy-data-status = Stand
privacy-data-registered = Angemeldet am
privacy-data-consent = Zugestimmte Fassung der Datenschutzhinweise
privacy-data-download = Als Datei herunterladen (JSON)
privacy-status-confirmed = Angemeldet
privacy-status-waiting = Auf der Warteliste
privacy-status-cancelled = Abgesagt
privacy-erase-heading = Daten löschen
privacy-erase-explain = Wir löschen Ihren Namen, Ihre E-Mail-Adresse und alle weiteren Angaben. Plätze für kommende Veranstaltungen werden dabei freigegeben. Das lässt sich nicht rückgängig machen.
privacy-erase-submit = Alle meine Daten löschen
privacy-erased-title = Ihre Daten sind gelöscht
privacy-erased-text = { $count ->
    [one] Die Angaben zu einer Anmeldung wurden gelöscht.
   *[other] Die Angaben zu { $count } Anmeldungen wurden gelöscht.
}
mail-data-subject = Ihre gespeicherten Daten
mail-data-body =
    Guten Tag,

    Sie haben einen Link zu Ihren gespeicherten Daten angefordert. Damit können Sie sie ansehen, herunterladen oder löschen:

    { $link }

    Der Link ist { $hours } Stunden gültig. Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail einfach löschen.

# The list for other websites (/embed)
embed-title = Kommende Veranstaltungen
embed-none = Zurzeit sind keine Veranstaltungen angekündigt.
embed-cancelled = Abgesagt
embed-all = Alle Veranstaltungen und Anmeldung
