site-name = Treffpunkt – Veranstaltungen und Anmeldung
skip-to-content = Zum Inhalt springen
language-switch = Sprache wählen
privacy-link = Datenschutzhinweise
footer-api = Schnittstelle für Entwickler (OpenAPI)
back-to-event = Zurück zur Veranstaltung
back-to-list = Alle Veranstaltungen

## Dates
date-long = { $weekday }, { $day }. { $month } { $year }
datetime-span = { $date }, { $start }–{ $end } Uhr
datetime-span-days = { $startdate }, { $start } Uhr bis { $enddate }, { $end } Uhr
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## List of meetings
index-title = Veranstaltungen
index-intro = Öffentliche Termine des Landratsamts und der Gemeinden. Bitte melden Sie sich an, damit wir gut planen können.
index-empty = Zurzeit sind keine Veranstaltungen angekündigt.
filter-category = Thema
filter-all = Alle Themen
filter-apply = Anzeigen

## Availability
availability-free = { $count ->
    [one] Noch 1 Platz frei
   *[other] Noch { $count } Plätze frei
}
availability-unlimited = Plätze frei
availability-waiting-list = Warteliste
availability-full = Ausgebucht
availability-cancelled = Abgesagt
availability-not-yet-open = Anmeldung noch nicht geöffnet
availability-closed = Anmeldung geschlossen
closed-full = Die Veranstaltung ist ausgebucht. Eine Warteliste gibt es nicht.
closed-cancelled = Die Veranstaltung ist abgesagt. Eine Anmeldung ist nicht möglich.
closed-not-yet-open = Die Anmeldung ist noch nicht geöffnet.
closed-over = Die Anmeldung ist geschlossen.

## One meeting
event-cancelled = Diese Veranstaltung ist abgesagt.
event-when = Wann
event-where = Wo
event-office = Veranstalter
event-contact = Ansprechperson
event-phone = Telefon
event-email = E-Mail
event-category = Thema
event-series = Reihe
event-places = Plätze
event-capacity = { $count } Plätze insgesamt
event-waiting = { $count ->
    [one] 1 Person auf der Warteliste
   *[other] { $count } Personen auf der Warteliste
}
event-window = Anmeldezeitraum
event-opens = Anmeldung ab { $at }
event-closes = Anmeldung bis { $at }
event-about = Worum es geht

## Registration form
register-heading = Anmelden
register-waitlist-heading = Auf die Warteliste setzen
register-waitlist-explain = Alle Plätze sind vergeben. Sie können sich auf die Warteliste setzen. Wird ein Platz frei, rücken Sie in der Reihenfolge der Anmeldung automatisch nach und erhalten eine E-Mail.
form-required-hint = Felder mit * müssen ausgefüllt werden.
field-name = Name
field-email = E-Mail-Adresse
field-email-help = An diese Adresse schicken wir die Bestätigung und den Link zum Verwalten Ihrer Anmeldung.
field-organisation = Organisation (freiwillig)
field-companions = Begleitpersonen
field-companions-help = Wie viele Personen bringen Sie mit? Höchstens { $max }.
field-needs = Barrierefreiheit (freiwillig)
field-needs-help = Zum Beispiel Rollstuhlplatz, Gebärdensprache, Induktionsschleife oder Dolmetschen.
field-consent = Ich stimme der Verarbeitung meiner Angaben für diese Anmeldung zu.
register-submit = Verbindlich anmelden
register-submit-waitlist = Auf die Warteliste setzen
register-duplicate = Mit dieser E-Mail-Adresse sind Sie für diese Veranstaltung bereits angemeldet.
register-duplicate-offer = Wir können Ihnen den Link zu Ihrer Anmeldung noch einmal per E-Mail schicken.
register-resend = Link erneut senden

## Errors in forms
error-summary = Bitte prüfen Sie Ihre Angaben:
error-name-missing = Bitte geben Sie Ihren Namen an.
error-name-too-long = Der Name darf höchstens 100 Zeichen lang sein.
error-name-no-letter = Der Name muss mindestens einen Buchstaben enthalten.
error-invalid-characters = Dieses Feld enthält unzulässige Steuerzeichen.
error-email-missing = Bitte geben Sie Ihre E-Mail-Adresse an.
error-email-too-long = Die E-Mail-Adresse ist zu lang.
error-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.
error-organisation-too-long = Die Organisation darf höchstens 150 Zeichen lang sein.
error-companions-invalid = Bitte geben Sie die Zahl der Begleitpersonen als ganze Zahl ab 0 an.
error-companions-too-many = So viele Begleitpersonen sind für diese Veranstaltung nicht möglich.
error-needs-too-long = Bitte fassen Sie sich kürzer (höchstens 1000 Zeichen).
error-consent-missing = Bitte stimmen Sie den Datenschutzhinweisen zu, sonst können wir Ihre Anmeldung nicht annehmen.
error-language-invalid = Diese Sprache wird nicht unterstützt.

## Registration page
registration-title = Ihre Anmeldung
registration-thanks = Vielen Dank für Ihre Anmeldung
registration-confirmed = Ihre Anmeldung ist bestätigt.
registration-confirmed-seats = { $count ->
    [one] Für Sie ist 1 Platz reserviert.
   *[other] Für Sie und Ihre Begleitung sind { $count } Plätze reserviert.
}
registration-waiting = Sie stehen auf der Warteliste auf Platz { $position }.
registration-waiting-explain = Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail.
registration-cancelled = Diese Anmeldung ist storniert.
registration-details = Ihre Angaben
registration-registered-at = Angemeldet am
registration-keep-link = Bitte bewahren Sie diesen Link auf
registration-keep-link-text = Über diesen persönlichen Link sehen Sie Ihre Anmeldung und können sie stornieren.
registration-cancel = Anmeldung stornieren

## Cancelling
cancel-title = Anmeldung stornieren
cancel-question = Möchten Sie Ihre Anmeldung für „{ $title }“ am { $when } wirklich stornieren?
cancel-explain = Ihr Platz wird dann an die nächste Person auf der Warteliste vergeben.
cancel-confirm = Ja, Anmeldung stornieren
cancel-keep = Nein, Anmeldung behalten

## Resending the link
resent-title = Link ist unterwegs
resent-text = Wenn für { $email } eine Anmeldung zu dieser Veranstaltung besteht, schicken wir den Link gleich per E-Mail dorthin.

## Privacy
privacy-title = Datenschutzhinweise
privacy-what-heading = Welche Daten wir speichern
privacy-what = Für eine Anmeldung speichern wir Ihren Namen, Ihre E-Mail-Adresse, freiwillig Ihre Organisation und Hinweise zur Barrierefreiheit, die Zahl Ihrer Begleitpersonen, die gewählte Sprache sowie Zeitpunkt und Fassung Ihrer Einwilligung.
privacy-why-heading = Wozu
privacy-why = Wir nutzen die Daten nur, um die Veranstaltung zu planen, Sie einzulassen und Sie über Änderungen zu informieren. Wir geben sie nicht an Dritte weiter und setzen keine Tracker ein.
privacy-how-long-heading = Wie lange
privacy-how-long = Ihre persönlichen Angaben werden 30 Tage nach der Veranstaltung gelöscht. Übrig bleibt nur die Zahl der Teilnehmenden.
privacy-rights-heading = Ihre Rechte
privacy-rights = Sie können Ihre Anmeldung jederzeit über Ihren persönlichen Link stornieren. Auskunft, Berichtigung und Löschung erhalten Sie beim Veranstalter, dessen Kontakt auf der Seite der Veranstaltung steht.
privacy-version = Fassung vom { $version }

## Error pages
error-400-title = Anfrage nicht verständlich
error-400-text = Die Anfrage konnte nicht gelesen werden. Bitte versuchen Sie es noch einmal über das Formular.
error-404-title = Nicht gefunden
error-404-text = Diese Seite gibt es nicht (mehr). Vielleicht wurde die Veranstaltung entfernt oder der Link ist unvollständig.
error-405-title = Nicht erlaubt
error-405-text = Diese Aktion ist an dieser Adresse nicht möglich.
error-409-title = Nicht möglich
error-409-text = Das ist gerade nicht möglich.
error-413-title = Zu viele Daten
error-413-text = Die gesendeten Angaben sind zu umfangreich. Bitte kürzen Sie Ihre Eingaben.
error-415-title = Format nicht unterstützt
error-415-text = Die Anfrage hat ein Format, das wir nicht verarbeiten.
error-422-title = Angaben nicht lesbar
error-422-text = Die gesendeten Angaben konnten nicht gelesen werden. Bitte versuchen Sie es noch einmal über das Formular.
error-503-title = Vorübergehend nicht erreichbar
error-503-text = Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in wenigen Minuten noch einmal. Ihre bisherigen Angaben sind nicht verloren.
error-other-title = Ein Fehler ist aufgetreten
error-other-text = Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.

## Calendar
calendar-heading = In den Kalender
calendar-download = Termin herunterladen (.ics, für Outlook, Apple und Thunderbird)
calendar-google = In Google Kalender eintragen
calendar-outlook = In Outlook.com eintragen
calendar-subscribe-heading = Kalender abonnieren
calendar-subscribe-explain = Ein Abo trägt alle Termine in Ihren Kalender ein und hält sie aktuell: Wird ein Termin verschoben oder abgesagt, sehen Sie das in Ihrem Kalender nach der nächsten Aktualisierung (meist innerhalb weniger Stunden). Sie können das Abo jederzeit in Ihrer Kalender-App wieder entfernen.
calendar-subscribe-series = Alle Termine der Reihe „{ $name }“
calendar-subscribe-category = Alle Termine zum Thema „{ $name }“
calendar-subscribe-all = Alle Veranstaltungen
calendar-in-app = in der Kalender-App abonnieren
calendar-address = Adresse zum Kopieren
feed-name-all = Treffpunkt: alle Veranstaltungen
feed-name-category = Treffpunkt: { $name }
feed-name-series = Treffpunkt: { $name }
feed-name-one = { $name }
feed-name-private = Treffpunkt: meine Veranstaltungen
feed-description = Öffentliche Veranstaltungen mit Anmeldung. Änderungen und Absagen erscheinen automatisch.
feed-cancelled-prefix = ABGESAGT:
feed-private-counts = Anmeldungen: { $confirmed } Plätze bestätigt, { $waiting } auf der Warteliste, { $checked } eingelassen.

## Mails to registrants
mail-hello = Guten Tag { $name },
mail-manage = Ihre Anmeldung ansehen oder stornieren:
mail-questions = Fragen? { $office } hilft gern weiter.
mail-automatic = Diese E-Mail wurde automatisch versandt. Sie enthält keine Zählpixel.
mail-verify-link = Bitte bestätigen Sie Ihre Anmeldung hier:
mail-verify-button = Anmeldung bestätigen
mail-confirmed-subject = Anmeldung bestätigt: { $title }
mail-confirmed-body = Ihre Anmeldung ist bestätigt. { $seats ->
    [one] Für Sie ist 1 Platz reserviert.
   *[other] Für Sie und Ihre Begleitung sind { $seats } Plätze reserviert.
} Den Termin für Ihren Kalender finden Sie im Anhang.
mail-waiting-subject = Warteliste: { $title }
mail-waiting-body = alle Plätze sind vergeben. Sie stehen auf der Warteliste auf Platz { $position }. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail.
mail-promoted-subject = Sie sind nachgerückt: { $title }
mail-promoted-body = gute Nachricht: Es ist ein Platz frei geworden. Ihre Anmeldung ist jetzt bestätigt. Den Termin für Ihren Kalender finden Sie im Anhang.
mail-cancelled-subject = Anmeldung storniert: { $title }
mail-cancelled-body = { $by ->
    [office] der Veranstalter hat Ihre Anmeldung storniert.
   *[other] Ihre Anmeldung ist storniert. Danke, dass Sie Ihren Platz freigegeben haben.
}
mail-changed-subject = Geänderter Termin: { $title }
mail-changed-body = der Termin hat sich geändert. Bitte beachten Sie die neue Zeit oder den neuen Ort unten. Ihre Anmeldung bleibt bestehen; der Kalendereintrag im Anhang ersetzt den alten.
mail-changed-waiting-body = der Termin, für den Sie auf der Warteliste stehen, hat sich geändert. Bitte beachten Sie Zeit und Ort unten. Sie stehen weiterhin auf Platz { $position } der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail mit dem Kalendereintrag. Passt Ihnen der geänderte Termin nicht, können Sie sich über den Link unten austragen.
mail-event_cancelled-subject = Abgesagt: { $title }
mail-event_cancelled-body = die Veranstaltung ist leider abgesagt. Grund: { $reason }
    Der Kalendereintrag im Anhang markiert den Termin als abgesagt.
mail-event_cancelled-waiting-body = die Veranstaltung, für die Sie auf der Warteliste stehen, ist leider abgesagt. Grund: { $reason }
    Damit entfällt auch die Warteliste; Sie müssen nichts weiter tun.
mail-reminder-subject = Erinnerung: { $title }
mail-reminder-body = wir freuen uns auf Sie. Hier noch einmal Zeit und Ort. Wenn Sie nicht kommen können, stornieren Sie bitte, damit jemand von der Warteliste nachrücken kann.
mail-management_link-subject = Ihr Link zur Anmeldung: { $title }
mail-management_link-body = hier ist noch einmal Ihr persönlicher Link zur Anmeldung. Dort sehen Sie Ihre Anmeldung und können sie stornieren.
mail-opt_in-subject = Bitte bestätigen: { $title }
mail-opt_in-body = bitte bestätigen Sie Ihre Anmeldung bis { $deadline } über den Link unten. Sonst verfällt Ihr Platz.
verify-title = Anmeldung bestätigen
verify-explain = Bitte bestätigen Sie, dass Sie sich angemeldet haben. Erst dann ist Ihr Platz sicher.
verify-submit = Ja, Anmeldung bestätigen
verify-done = Ihre Anmeldung ist bereits bestätigt.
verify-too-late = Die Frist zur Bestätigung ist abgelaufen; der Platz wurde freigegeben. Sie können sich neu anmelden, wenn noch Plätze frei sind.
registration-unconfirmed = Ihre Anmeldung ist noch nicht bestätigt.
registration-unconfirmed-explain = Bitte bestätigen Sie Ihre Anmeldung bis { $deadline } über den Link in der E-Mail, die wir Ihnen geschickt haben. Bis dahin halten wir den Platz für Sie frei; ohne Bestätigung verfällt er.
registration-waiting-unconfirmed = Bitte bestätigen Sie Ihre Anmeldung bis { $deadline } über den Link in der E-Mail, die wir Ihnen geschickt haben. Ohne Bestätigung verfällt die Anmeldung, und Sie stehen nicht mehr auf der Warteliste.
registration-event-cancelled = Ihre Anmeldung und Ihr Ticket gelten damit nicht mehr. Bitte kommen Sie nicht zum Termin.
ticket-event-cancelled = Dieses Ticket gilt nicht: Die Veranstaltung findet nicht statt.
ticket-unconfirmed = Ihr Ticket bekommen Sie, sobald Sie Ihre Anmeldung über den Link in der E-Mail bestätigt haben. Ohne Bestätigung verfällt der Platz.
registration-mail-heading = Erinnerungen per E-Mail
registration-mail-on = Vor dem Termin schicken wir Ihnen eine Erinnerung, und Nachrichten der Veranstalter erreichen Sie per E-Mail. Änderungen und eine Absage des Termins bekommen Sie immer.
registration-mail-off = Erinnerungen und Nachrichten der Veranstalter haben Sie abbestellt. Ihre Anmeldung bleibt bestehen; Änderungen und eine Absage des Termins bekommen Sie weiterhin.
registration-mail-turn-off = Erinnerungen abbestellen
registration-mail-turn-on = Erinnerungen wieder einschalten
door-status-unconfirmed = unbestätigt
door-unconfirmed-short = Anmeldung nicht per E-Mail bestätigt, kein Einlass
mail-opt_in_waiting-subject = Bitte bestätigen (Warteliste): { $title }
mail-opt_in_waiting-body = alle Plätze sind vergeben; Sie stehen auf der Warteliste an Stelle { $position }. Bitte bestätigen Sie Ihre Anmeldung bis { $deadline } über den Link unten, sonst verfällt sie. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail.
mail-promoted_unconfirmed-subject = Sie sind nachgerückt – bitte bestätigen: { $title }
mail-promoted_unconfirmed-body = gute Nachricht: Es ist ein Platz für Sie frei geworden. Bitte bestätigen Sie Ihre Anmeldung bis { $deadline } über den Link unten, sonst verfällt der Platz wieder. Ihr Ticket bekommen Sie, sobald Sie bestätigt haben.

## Door and tickets
door-title = Einlass
door-welcome = Willkommen, { $name }! { $party ->
    [one] 1 Person.
   *[other] Gruppe mit { $party } Personen.
}
door-welcome-short = Willkommen
door-already = { $name } ist schon eingelassen: um { $time } Uhr an Gerät „{ $device }“.
door-already-short = schon eingelassen um
door-welcome-again = Schon angezeigt: um { $time } Uhr an diesem Gerät eingelassen.
door-cancelled = { $name }: Die Anmeldung ist storniert. Das Ticket gilt nicht mehr.
door-cancelled-short = Anmeldung storniert, Ticket ungültig
door-waiting = { $name } steht auf der Warteliste und hat noch keinen Platz.
door-waiting-short = auf der Warteliste, noch kein Platz
door-unconfirmed = { $name } hat die Anmeldung nicht per E-Mail bestätigt.
door-wrong-meeting = Dieses Ticket gilt für eine andere Veranstaltung.
door-invalid = Kein gültiges Ticket.
door-unknown = Ticket nicht in der Liste dieses Geräts.
door-full = Alle Plätze sind belegt. Nur mit ausdrücklicher Freigabe über die Platzzahl hinaus.
door-offline = Keine Verbindung. Einlass geht weiter; {"{"}n{"}"} Einlässe warten auf den Abgleich.
door-offline-welcome = Willkommen, {"{"}name{"}"} ({"{"}party{"}"}) – ohne Verbindung geprüft
door-conflict = Abgleich: {"{"}name{"}"} war schon an Gerät „{"{"}device{"}"}“ eingelassen.
door-counters = eingelassen / bestätigt / Plätze
door-verdict-ok = Einlass erlaubt
door-verdict-bad = Kein Einlass
door-status-confirmed = bestätigt
door-status-waiting = Warteliste
door-status-cancelled = storniert
door-scan = Ticket scannen
door-camera = Kamerabild zum Scannen der Tickets
door-camera-error = Die Kamera ist nicht verfügbar. Bitte die Suche nach Namen nutzen.
door-undo = Letzten Einlass zurücknehmen
door-next = Weiter
door-search = Nach Namen suchen
door-search-label = Name oder E-Mail
door-search-go = Suchen
door-let-in = Einlassen
door-party = Personen
door-party-n = { $party } Personen
door-walk-in = Ohne Anmeldung gekommen
door-walk-in-submit = Eintragen und einlassen
door-override = Auch über die Platzzahl hinaus einlassen (wird protokolliert)
door-device = Dieses Gerät
door-device-name = Name des Geräts
door-device-default = Gerät {"{"}code{"}"}
door-pin = PIN für den Einlass
door-pin-go = Einlass öffnen
checkin-denied-title = Kein Zugriff auf den Einlass
checkin-denied-text = Diese Einlass-Seite öffnet sich nur mit dem Einlass-Link oder der PIN dieser Veranstaltung, oder nach der Anmeldung mit einem Konto ihres Amts.
checkin-denied-pin = Einlass-PIN eingeben
checkin-denied-login = Anmelden (Organisation und Einlass-Personal)
door-pin-wrong = Diese PIN gilt nicht (mehr).
door-pin-meeting = Nummer der Veranstaltung
door-pin-meeting-hint = Die Nummer steht neben der PIN, die Sie vom Veranstalter bekommen haben.
door-pin-meeting-missing = Bitte geben Sie die Nummer der Veranstaltung ein.
door-pin-too-many = Zu viele falsche PINs von diesem Anschluss oder insgesamt. Bitte versuchen Sie es in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} noch einmal. Der Einlass-Link funktioniert weiterhin.
door-links = Einlass
door-links-explain = Ein Einlass-Link öffnet die Einlass-Seite dieser Veranstaltung auf einem Handy, ohne Zugang. Alternativ { $pin_url } öffnen und die Nummer der Veranstaltung ({ $number }) und die achtstellige PIN eingeben. Links gelten bis zum Tag nach der Veranstaltung und lassen sich sperren.
door-open-myself = Einlass selbst öffnen
door-label = Bezeichnung (z. B. Eingang Nord)
door-create = Einlass-Link erzeugen
door-revoke = Sperren
door-valid-until = gültig bis { $at }
door-default-label = Eingang
ticket-title = Ihr Ticket
ticket-show = Ticket anzeigen
ticket-qr-label = QR-Code Ihres Tickets
ticket-explain = Zeigen Sie diesen Code am Eingang vor, auf dem Handy oder ausgedruckt.
ticket-waiting = Sie stehen auf der Warteliste. Ein Ticket gibt es, sobald Sie nachrücken.
ticket-revoked = Diese Anmeldung ist storniert; das Ticket gilt nicht mehr.
door-expired = Die Veranstaltung ist vorbei; das Ticket gilt nicht mehr.
door-app-name = Treffpunkt Einlass
door-nonce-too-long = Die Kennung des Scans (nonce) ist zu lang: höchstens 100 Zeichen.
door-not-json = Bitte als JSON senden (Content-Type: application/json).
door-token-missing = Diese Einlass-Seite ist nicht mehr gültig. Bitte die Seite neu laden, neu anmelden oder den Einlass-Link erneut öffnen.
door-locked-out = Kein Zugang zum Einlass mehr: Bitte neu anmelden oder den Einlass-Link erneut öffnen. {"{"}n{"}"} Einlässe bleiben auf diesem Gerät gespeichert und werden danach abgeglichen.
door-not-sent = Nicht gesendet: Der Server ist gerade nicht erreichbar. Bitte gleich noch einmal versuchen.
pages = Seiten
pages-previous = Frühere Veranstaltungen
pages-next = Weitere Veranstaltungen

## Changing one's own registration
change-heading = Anmeldung ändern
change-intro = Sie können die Zahl Ihrer Begleitpersonen und die Sprache Ihrer E-Mails ändern. Sie bekommen danach eine E-Mail mit Ihrer geänderten Anmeldung.
change-intro-answers = Sie können die Zahl Ihrer Begleitpersonen, Ihre Antworten auf die Fragen und die Sprache Ihrer E-Mails ändern. Sie bekommen danach eine E-Mail mit Ihrer geänderten Anmeldung.
change-language = Sprache der E-Mails
change-submit = Änderung speichern
change-done = Ihre Anmeldung wurde geändert. Sie bekommen eine Bestätigung per E-Mail.
change-done-waiting = Ihre Anmeldung wurde geändert und steht jetzt auf der Warteliste. Sie bekommen eine Bestätigung per E-Mail.
change-unchanged = Es wurde nichts geändert.
change-seats-not-free = Für zusätzliche Begleitpersonen sind keine Plätze mehr frei. Ihre Anmeldung bleibt unverändert.
change-seats-full = Für zusätzliche Begleitpersonen sind keine Plätze mehr frei, und es gibt keine Warteliste. Ihre Anmeldung bleibt unverändert.
change-waitlist-offer = Sie können stattdessen mit allen Personen auf die Warteliste gehen. Ihre bisher reservierten Plätze werden dann frei; sobald genug Plätze frei sind, rücken Sie automatisch nach und bekommen eine E-Mail.
change-waitlist-submit = Mit allen Personen auf die Warteliste setzen
change-language-invalid = Bitte wählen Sie eine der angebotenen Sprachen.
change-cancelled = Eine stornierte Anmeldung kann nicht mehr geändert werden.
change-past = Diese Anmeldung kann nicht mehr geändert werden: Der Termin hat schon begonnen oder ist abgesagt.
change-erased = Die Daten dieser Anmeldung sind gelöscht; sie kann nicht mehr geändert werden.
mail-registration_changed-subject = Ihre Anmeldung wurde geändert: { $title }
mail-registration_changed-body = Ihre Anmeldung wurde geändert und ist weiter gültig. Reservierte Plätze: { $seats } (Sie und { $companions } Begleitpersonen). Die übrigen Angaben finden Sie auf Ihrer Anmeldeseite (Link unten).
mail-registration_changed_waiting-subject = Ihre Anmeldung wurde geändert: { $title }
mail-registration_changed_waiting-body = Ihre Anmeldung wurde geändert. Sie stehen mit { $seats } Plätzen (Sie und { $companions } Begleitpersonen) auf der Warteliste auf Platz { $position }. Sobald genug Plätze frei sind, rücken Sie automatisch nach und bekommen eine E-Mail.

## Bestätigungszettel (vom Amt gedruckt, für Personen ohne E-Mail)
slip-title = Anmeldebestätigung
slip-name = Name: { $name }
slip-party = Personen: { $party }
slip-when = Wann
slip-where = Wo
slip-ticket = Ihre Eintrittskarte
slip-ticket-explain = Bitte bringen Sie diesen Zettel mit und zeigen Sie den QR-Code am Eingang vor.
slip-cancel = Wenn Sie nicht kommen können, sagen Sie bitte ab: Telefon { $phone }
slip-cancel-office = Wenn Sie nicht kommen können, sagen Sie bitte ab bei: { $office }
slip-pdf = PDF herunterladen
mail-via-note = Sie erhalten diese Nachricht, weil Sie { $name } angemeldet haben ({ $via }). Bitte geben Sie sie mit dem Ticket an { $name } weiter.
