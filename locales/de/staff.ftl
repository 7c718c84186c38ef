## Back office (German)
login-title = Anmeldung für Veranstalter
login-submit = Anmelden
login-failed = E-Mail-Adresse oder Passwort stimmen nicht.
login-too-many = Zu viele Anmeldeversuche. Bitte warten Sie { $minutes } Minute(n) und versuchen Sie es dann noch einmal.
field-password = Passwort
field-password-repeat = Passwort wiederholen
password-help = Mindestens 10 Zeichen; nicht Ihre E-Mail-Adresse und nicht immer dasselbe Zeichen.
setup-title = Zugang einrichten
setup-intro = Legen Sie Ihr Passwort fest. Der Link gilt nur einmal und 24 Stunden lang.
setup-submit = Zugang einrichten
mail-setup-subject = Ihr Zugang zu Treffpunkt
mail-setup-body =
    Guten Tag { $name },

    für Sie wurde ein Zugang zur Veranstaltungsverwaltung angelegt. Legen Sie Ihr Passwort über diesen Link fest (gültig { $hours } Stunden, nur einmal):

    { $link }

    Diese E-Mail wurde automatisch versandt.

staff-nav = Back-Office
staff-nav-menu = Menü
staff-nav-overview = Übersicht
staff-nav-publish = Veröffentlichen
staff-nav-admin = Verwaltung
staff-nav-account = Mein Konto
staff-meetings = Veranstaltungen
staff-new-event = Neue Veranstaltung
staff-new-series = Neue Terminreihe
staff-edit-event = Veranstaltung bearbeiten
staff-users = Zugänge
staff-offices = Dienststellen
staff-categories = Themen
staff-audit = Protokoll
staff-logout = Abmelden
staff-door-only = Ihr Zugang ist für den Einlass bestimmt. Veranstaltungen verwalten können Veranstalter und Administratoren.
staff-no-events = Noch keine Veranstaltungen.
staff-col-meeting = Veranstaltung
staff-col-state = Stand
staff-col-seats = Plätze
staff-col-actions = Aktionen
staff-waiting-short = wartend
event-status-draft = Entwurf
event-status-published = Veröffentlicht
event-status-cancelled = Abgesagt
visibility-public = Öffentlich in der Liste
visibility-unlisted = Nur mit Link
visibility-partners = Nur Partner (auf Einladung)
role-admin = Administration
role-organiser = Veranstalter
role-door = Einlass

staff-section-what = Was
staff-section-when = Wann
staff-section-where = Wo
staff-section-who = Wer lädt ein
staff-section-places = Plätze und Sichtbarkeit
f-title = Titel
f-summary = Kurzbeschreibung
f-description = Beschreibung
f-description-help = Markdown ist möglich: **fett**, *kursiv*, Listen mit -, Links als [Text](https://…).
f-starts-at = Beginn
f-ends-at = Ende
f-opens = Anmeldung ab
f-closes = Anmeldung bis
f-window-help = Leer lassen: Anmeldung sofort möglich und bis zum Beginn.
f-venue = Ort (Gebäude)
f-room = Raum
f-street = Straße und Hausnummer
f-postal-code = Postleitzahl
f-town = Ort
f-latitude = Breitengrad
f-longitude = Längengrad
f-coordinates-help = Freiwillig, für Kalender und Karten, z. B. 48.5132 und 9.0706.
f-contact-name = Ansprechperson
f-contact-phone = Telefon der Ansprechperson
f-contact-email = E-Mail der Ansprechperson
f-none = – keine –
f-capacity = Plätze insgesamt
f-capacity-help = Leer lassen für unbegrenzt. Begleitpersonen zählen mit.
f-max-companions = Höchstzahl Begleitpersonen je Anmeldung
f-waitlist = Warteliste, wenn alle Plätze vergeben sind
f-visibility = Sichtbarkeit
staff-save = Speichern
staff-saved = Gespeichert.
staff-saved-draft = Als Entwurf gespeichert. Prüfen Sie die Vorschau und veröffentlichen Sie dann.
staff-saved-over-capacity = Gespeichert. Es sind mehr Plätze bestätigt, als die neue Platzzahl erlaubt: Niemand wird ausgeladen, es werden nur keine weiteren Anmeldungen bestätigt.
staff-edit = Bearbeiten
staff-preview = Vorschau
staff-preview-banner = Vorschau: So sieht die öffentliche Seite aus.
staff-preview-back = Zurück zur Verwaltung
staff-publish = Veröffentlichen
staff-published = Die Veranstaltung ist veröffentlicht.
staff-unpublish = Zurückziehen
staff-unpublished = Die Veranstaltung ist wieder ein Entwurf.
staff-withdraw-has-registrations = Diese Veranstaltung hat aktive Anmeldungen und kann nicht zurückgezogen werden: Sie würde still aus allen Kalendern verschwinden. Sagen Sie sie stattdessen unten mit einer Begründung ab; die Angemeldeten bekommen dann eine E-Mail.
staff-cancelled-stays = Eine abgesagte Veranstaltung bleibt abgesagt.
staff-duplicate = Kopieren
staff-duplicated = Kopie angelegt. Passen Sie Datum und Angaben an.
staff-copy-suffix = (Kopie)
staff-public-page = Öffentliche Seite
staff-registrations = Anmeldungen
staff-overview = Überblick
staff-confirmed = Bestätigt
staff-seats-count = { $count ->
    [one] 1 Platz
   *[other] { $count } Plätze
}
staff-seats-left = Freie Plätze
staff-waiting = Warteliste
staff-cancelled = Storniert
staff-checked-in = Eingelassen
staff-series-dates = Weitere Termine der Reihe
staff-cancel-event = Veranstaltung absagen
staff-cancel-reason = Grund der Absage
staff-cancel-reason-help = Er steht auf der öffentlichen Seite und in der Nachricht an alle Angemeldeten.
staff-cancel-reason-translations = Grund in weiteren Sprachen
staff-cancel-reason-translations-help = Wer in einer dieser Sprachen angemeldet ist, liest den Grund in seiner Sprache (Seite und E-Mail). Leer gelassen gilt der Grund oben.
staff-cancel-reason-needed = Bitte geben Sie einen Grund für die Absage an.
staff-event-cancelled = Die Veranstaltung ist abgesagt.
chart-registrations-title = Anmeldungen im Zeitverlauf
chart-registrations-desc = { $registrations } Anmeldungen mit zusammen { $count } Plätzen.
chart-capacity = Platzzahl
chart-checkin-title = Einlass
chart-checkin-desc = { $checked } von { $confirmed } bestätigten Plätzen eingelassen.

series-intro = Eine Terminreihe legt für jedes Datum eine eigene Veranstaltung an. Jeder Termin lässt sich danach einzeln bearbeiten oder absagen.
series-recurrence = Wiederholung
series-interval = Alle wie viele Wochen
series-interval-help = 1 für wöchentlich, 2 für jede zweite Woche (höchstens 8).
series-until = Bis einschließlich
series-exceptions = Ausnahmen
series-exceptions-help = Daten ohne Termin, durch Komma getrennt, z. B. 22.12.2026, 05.01.2027.
series-publish = Termine gleich veröffentlichen
series-create = Terminreihe anlegen
staff-series-created = Die Terminreihe ist angelegt.

staff-counts = { $confirmed } bestätigt{ $unconfirmed ->
    [0] {""}
   *[other] , { $unconfirmed } noch nicht bestätigt
} ({ $seats } Plätze), { $waiting } auf der Warteliste, { $cancelled } storniert, { $checked } eingelassen
staff-search = Suche nach Name, E-Mail oder Organisation
staff-status-filter = Stand
staff-all = Alle
status-confirmed = Bestätigt
status-unconfirmed = Unbestätigt
status-waiting = Warteliste
status-cancelled = Storniert
status-checked_in = Eingelassen
staff-export = Herunterladen
staff-export-excel = CSV für Excel (Semikolon)
staff-no-registrations = Keine Anmeldungen gefunden.
staff-cancel = Stornieren
staff-promote = Nachrücken lassen
staff-move-to = Auf Termin
staff-move = Verschieben
staff-source-office = telefonisch erfasst
staff-source-invitation = auf Einladung (Partner)
staff-add-registration = Anmeldung erfassen
staff-consent-by-phone = Die Person hat der Verarbeitung ihrer Angaben zugestimmt (z. B. am Telefon).
staff-add = Hinzufügen
staff-added = Die Anmeldung ist erfasst und bestätigt.
staff-added-waiting = Die Anmeldung ist erfasst und steht auf der Warteliste.
staff-registration-cancelled = Die Anmeldung ist storniert.
staff-promoted = Die Person ist nachgerückt.
staff-moved = Die Anmeldung ist verschoben.
staff-move-duplicate = Diese E-Mail-Adresse ist für den anderen Termin schon angemeldet.
staff-not-enough-seats = Dafür sind nicht genug Plätze frei.
export-name = Name
export-email = E-Mail
export-organisation = Organisation
export-companions = Begleitpersonen
export-seats = Plätze
export-status = Stand
export-position = Wartelistenplatz
export-needs = Barrierefreiheit
export-registered = Angemeldet
export-checked-in = Eingelassen um
export-phone = Telefon
export-postal-address = Postanschrift
export-via = Angemeldet über
export-source = Weg

staff-role = Rolle
staff-active = Zugang aktiv
staff-invite = Neuen Zugang anlegen
staff-invite-submit = Zugang anlegen
staff-invited = Der Zugang ist angelegt. Die Person bekommt diesen Link per E-Mail, um ihr Passwort festzulegen (24 Stunden gültig):
staff-invite-pending = Einladung offen
staff-cannot-demote-self = Sie können sich nicht selbst die Administration entziehen oder sperren.
staff-add-office = Dienststelle hinzufügen
staff-add-category = Thema hinzufügen
staff-name-de = Name (Deutsch)
staff-name-en = Name (Englisch)
audit-when = Wann
audit-who = Wer
audit-what = Was
audit-detail = Einzelheiten

error-required = Bitte füllen Sie dieses Feld aus.
error-too-long = Dieser Text ist zu lang.
error-datetime-invalid = Bitte geben Sie Datum und Uhrzeit an, z. B. 2026-12-08T18:00.
error-date-invalid = Bitte geben Sie ein gültiges Datum an, z. B. 2027-05-31 oder 31.05.2027.
error-end-before-start = Das Ende muss nach dem Beginn liegen.
error-window-invalid = Das Ende der Anmeldung muss nach ihrem Beginn liegen.
error-number-invalid = Bitte geben Sie eine ganze Zahl im erlaubten Bereich an.
error-office-forbidden = Für diese Dienststelle dürfen Sie keine Veranstaltungen anlegen.
error-coordinates-invalid = Bitte geben Sie Breiten- und Längengrad als Dezimalzahlen an, beide oder keinen.
error-choice-invalid = Bitte wählen Sie einen der angebotenen Werte.
error-until-before-start = Das Ende der Reihe liegt vor dem ersten Termin.
error-series-too-long = Eine Reihe hat höchstens 100 Termine. Bitte wählen Sie ein früheres Ende.
error-single-line = Bitte nur eine Zeile eingeben: ohne Zeilenumbruch, Steuerzeichen oder Zeichen zur Schreibrichtung.
error-date-out-of-range = Bitte ein Datum ab dem 1. Januar 2000 und höchstens zehn Jahre im Voraus angeben.
error-office-unknown = Diese Dienststelle gibt es nicht. Bitte wählen Sie eine aus der Liste.
error-category-unknown = Dieses Thema gibt es nicht. Bitte wählen Sie eines aus der Liste.
error-series-unknown = Diese Reihe gibt es nicht. Bitte wählen Sie eine aus der Liste.
error-series-forbidden = Diese Reihe gehört zu einer Dienststelle, die Sie nicht verwalten.
error-series-other-office = Diese Reihe gehört zu einer anderen Dienststelle als die Veranstaltung.
error-password-short = Das Passwort muss mindestens 10 Zeichen lang sein.
error-password-long = Das Passwort darf höchstens 200 Zeichen lang sein.
error-password-repeated = Das Passwort darf nicht nur aus einem Zeichen bestehen.
error-password-email = Das Passwort darf nicht Ihre E-Mail-Adresse enthalten.
error-password-mismatch = Die beiden Passwörter stimmen nicht überein.
error-account-exists = Für diese E-Mail-Adresse gibt es schon einen Zugang.
error-not-waiting = Diese Anmeldung steht nicht auf der Warteliste.
error-move-same = Die Anmeldung ist schon bei diesem Termin.
error-move-series = Verschieben geht nur zwischen Terminen derselben Reihe.
error-move-cancelled = Eine stornierte Anmeldung lässt sich nicht verschieben.
error-move-draft = Dieser Termin ist nicht veröffentlicht (Entwurf): Dorthin lässt sich niemand verschieben.
error-move-past = Dieser Termin hat schon begonnen oder ist vorbei: Dorthin lässt sich niemand verschieben.
error-move-party = Die Gruppe ist größer, als der andere Termin erlaubt (zu viele Begleitpersonen).
error-401-title = Anmeldung nötig
error-401-text = Bitte melden Sie sich zuerst an.
error-403-title = Kein Zugriff
error-403-text = Dafür fehlt Ihnen die Berechtigung.
error-429-title = Zu viele Versuche
error-429-text = Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.
staff-feed = Mein Kalender
staff-feed-explain = Ihr privater Kalender enthält die Veranstaltungen Ihrer Dienststellen, auch die nur mit Link erreichbaren, mit den aktuellen Anmeldezahlen. Die Adresse ist geheim: Wer sie kennt, sieht diese Angaben. Erneuern Sie sie, wenn sie in falsche Hände geraten ist.
staff-feed-create = Private Kalenderadresse erzeugen
staff-feed-renew = Neue Adresse erzeugen (die alte hört auf zu funktionieren)
staff-feed-revoke = Adresse sperren
staff-feed-renewed = Die neue Kalenderadresse gilt ab sofort.
staff-feed-revoked = Die Kalenderadresse ist gesperrt.
sessions-nav = Angemeldete Geräte
sessions-title = Wo Sie angemeldet sind
sessions-explain = Diese Browser sind mit Ihrem Zugang angemeldet. Eine Anmeldung gilt { $hours } Stunden. Kennen Sie ein Gerät nicht, beenden Sie dessen Anmeldung und ändern Sie Ihr Passwort.
sessions-device = { $browser } unter { $platform }
sessions-unknown-browser = Unbekannter Browser
sessions-unknown-platform = unbekanntem System
sessions-since = Angemeldet seit
sessions-last-seen = Zuletzt aktiv
sessions-this-device = Dieses Gerät
sessions-end-one = Gerät abmelden
sessions-end-others = Alle anderen Geräte abmelden
sessions-only-this = Sie sind nur auf diesem Gerät angemeldet.
sessions-ended = Das Gerät ist abgemeldet.
sessions-ended-others = Alle anderen Geräte sind abgemeldet.
f-reminder = Erinnerung per E-Mail, Stunden vorher
f-reminder-help = Leer lassen: keine Erinnerung. Üblich sind 24 Stunden.
f-double-opt-in = Anmeldung erst gültig, wenn sie über den Link in der E-Mail bestätigt wurde (Double-Opt-in)
staff-outbox = E-Mail-Ausgang
staff-outbox-explain = E-Mails, die noch nicht versandt sind oder endgültig scheiterten. Fehlgeschlagene Versuche werden mit wachsendem Abstand wiederholt.
staff-outbox-empty = Alle E-Mails sind versandt.
staff-outbox-mail = E-Mail
staff-outbox-error = Letzter Fehler
staff-outbox-failed = Aufgegeben am { $at }
staff-outbox-pending = Wartet ({ $attempts } Versuche), nächster Versuch { $next }
staff-outbox-retry = Erneut versuchen
staff-mail-retry = Die E-Mail wird gleich erneut versandt.

# Privacy
staff-data-erased = Personenbezogene Daten gelöscht
staff-erase = Daten löschen
staff-erase-for = Daten löschen für { $name }
staff-registration-erased = Die personenbezogenen Daten wurden gelöscht; ein noch gehaltener Platz wurde freigegeben.
staff-privacy = Datenschutz
staff-privacy-version = Veröffentlicht ist Fassung { $version }.
staff-privacy-builtin = Noch gilt der eingebaute Text.
staff-privacy-see = Öffentliche Seite ansehen
staff-privacy-help = Markdown. Jede Änderung wird als neue Fassung veröffentlicht; jede Anmeldung speichert, welcher Fassung sie zugestimmt hat. Personenbezogene Daten werden { $days } Tage nach einer Veranstaltung anonymisiert (je Veranstaltung einstellbar). Der englische Text gilt für alle Sprachen außer Deutsch; ohne ihn gilt der deutsche.
staff-privacy-de = Text auf Deutsch
staff-privacy-en = Text auf Englisch
staff-privacy-publish = Als neue Fassung veröffentlichen
staff-privacy-saved = Die neue Fassung ist veröffentlicht.
f-retention = Personenbezogene Daten löschen nach (Tagen)
f-retention-help = Tage nach dem Ende der Veranstaltung. Leer lassen: die Voreinstellung der Installation.
staff-section-translations = Übersetzungen
f-translations-help = Titel, Kurzbeschreibung, Beschreibung, Ort, Ansprechperson und Absagegrund in weiteren Sprachen. Wer die Seite in dieser Sprache liest, sieht sie (auch in den E-Mails); was leer bleibt, erscheint im Originaltext.
f-translation-venue = Ort und Raum
f-translation-contact = Ansprechperson
f-translation-reason = Grund der Absage (nur bei einer abgesagten Veranstaltung zu sehen)
staff-easy-read = Leichte Sprache
staff-easy-read-help = Eine Fassung in Leichter Sprache (kurze Sätze, ein Gedanke pro Zeile, schwere Wörter erklärt). Auf der Seite der Veranstaltung führt ein Schalter „Leichte Sprache“ dorthin, in jeder Sprache der Seite.
error-translation-title = Jede Übersetzung braucht einen Titel.
staff-embed = Auf der eigenen Website
staff-embed-intro = Mit diesen Schnipseln zeigt Ihre Website die kommenden Veranstaltungen an (als iframe). Wer ein eigenes Design braucht, nimmt die JSON-Schnittstelle oder den Kalender-Feed.
staff-embed-origins = Einbetten dürfen: { $origins }
staff-embed-no-origins = Noch darf keine andere Website einbetten. Die Verwaltung trägt die Adresse Ihrer Website unter TREFFPUNKT_EMBED_ORIGINS ein.
staff-embed-all = Alle Veranstaltungen
staff-embed-snippet = Zum Kopieren in die Website
door-wrong-pins = { $count ->
    [one] Eine falsche PIN
   *[other] { $count } falsche PINs
} für diese Veranstaltung seit { $since }.
door-wrong-pins-none = Bisher keine falsche PIN für diese Veranstaltung.

## Questions of a meeting or series
staff-questions = Fragen zur Anmeldung
staff-questions-explain = Diese Fragen stellt das Anmeldeformular zusätzlich zu Name und Kontakt. Antworten bleiben erhalten, auch wenn Sie eine Frage ändern oder entfernen.
staff-questions-series-explain = Diese Fragen stellt jeder Termin der Reihe. Antworten bleiben erhalten, auch wenn Sie eine Frage ändern oder entfernen.
staff-questions-inherited = Fragen der Reihe „{ $series }“
staff-questions-own = Fragen nur dieses Termins
staff-questions-none = Noch keine Fragen.
staff-questions-edit-series = Fragen der Reihe bearbeiten
staff-back-to-event = Zurück zur Veranstaltung
staff-question-required = Pflicht
staff-question-sensitive = Gesundheitsdaten
staff-question-up = Nach oben
staff-question-down = Nach unten
staff-question-keep = Als Vorlage der Dienststelle speichern
staff-question-remove = Entfernen
staff-question-remove-explain = Eine entfernte Frage erscheint nicht mehr im Formular; ihre Antworten bleiben in Listen und Exporten lesbar (als „entfernt“ markiert).
staff-question-presets = Vorlagen
staff-question-presets-explain = Mit einem Klick hinzufügen, bereits in alle Sprachen übersetzt.
staff-preset-interpreting = Dolmetschen
staff-preset-childcare = Kinderbetreuung
staff-preset-accessibility = Barrierefreiheit
staff-preset-photos = Einverständnis Fotos
staff-question-add = Frage hinzufügen
staff-question-edit = Frage bearbeiten
staff-question-kind = Art der Frage
staff-question-label = Frage
staff-question-help = Hilfetext
staff-question-options = Antwortmöglichkeiten
staff-question-options-help = Eine pro Zeile; nur bei Auswahlfragen.
staff-question-required-label = Pflichtfrage
staff-question-sensitive-label = Gesundheitsbezogen (Art. 9 DSGVO)
staff-question-sensitive-help = Die Antworten brauchen eine eigene Einwilligung und sind nur für die Veranstaltenden dieses Termins sichtbar, nicht an der Tür über einen Einlass-Link.
staff-question-translations-help = Frage, Hilfetext und Antwortmöglichkeiten in weiteren Sprachen (Antwortmöglichkeiten in derselben Reihenfolge). Was fehlt, erscheint im Original.
staff-question-added = Die Frage wurde hinzugefügt.
staff-question-saved = Die Frage wurde gespeichert.
staff-question-removed = Die Frage wurde entfernt; ihre Antworten bleiben erhalten.
staff-question-moved = Die Reihenfolge wurde geändert.
staff-question-kept = Die Frage steht jetzt als Vorlage Ihrer Dienststelle bereit.
staff-cancel-edit = Abbrechen
question-kind-short_text = Kurzer Text
question-kind-long_text = Langer Text
question-kind-choice = Eine Auswahl
question-kind-choices = Mehrere Auswahlen
question-kind-yes_no = Ja/Nein
question-kind-number = Zahl
error-options-too-few = Bitte geben Sie mindestens zwei Antwortmöglichkeiten an, eine pro Zeile.
error-translation-label = Eine Übersetzung braucht die Frage (höchstens 200 Zeichen) und einen Hilfetext von höchstens 500 Zeichen.
error-translation-options = Übersetzte Antwortmöglichkeiten brauchen dieselbe Anzahl wie das Original.
staff-answer-filter = Antwort

## Needs of a meeting
staff-needs = Bedarfe
staff-needs-none = Noch keine Bedarfe aus bestätigten Anmeldungen.
staff-need-is-arranged = organisiert
staff-need-not-arranged = noch nicht organisiert
staff-need-mark = Als organisiert markieren
staff-need-reopen = Wieder offen
staff-need-arranged = Als organisiert markiert.
staff-need-open = Wieder als offen markiert.
staff-need-alerts = Benachrichtigung bei Bedarfen, die gebucht werden müssen (Dolmetschen, Gebärdensprache, Kinderbetreuung)
staff-need-mode-now = Sofort bei jeder Anmeldung
staff-need-mode-daily = Einmal täglich als Zusammenfassung
staff-need-mode-off = Keine Nachricht
staff-need-reminder-days = Erinnerung an nicht organisierte Bedarfe (Tage vor der Veranstaltung)
staff-need-alerts-saved = Ihre Einstellung wurde gespeichert.
staff-need-alerts-invalid = Bitte wählen Sie eine Art der Nachricht und 0 bis 60 Tage.
need-kind-interpreting = Dolmetschen
need-kind-childcare = Kinderbetreuung
need-kind-accessibility = Barrierefreiheit
need-children = { $count ->
    [one] 1 Kind
   *[other] { $count } Kinder
}
need-age = { $age } Jahre
need-ages = { $from }–{ $to } Jahre
mail-need-subject = Bedarf zu organisieren: { $title }
mail-need-body = Eine neue Anmeldung für „{ $title }“ bringt einen Bedarf, der gebucht werden muss.

    { $name }:
    { $needs }

    Bis zur Veranstaltung sind es noch { $days } Tage.
    Übersicht und „organisiert“ markieren: { $link }
mail-need-digest-subject = Bedarfe aus neuen Anmeldungen
mail-need-digest-body = Seit der letzten Zusammenfassung kamen Anmeldungen mit Bedarfen, die gebucht werden müssen:
mail-need-digest-meeting = { $title } (noch { $days } Tage):
mail-need-reminder-subject = Noch nicht organisiert: { $title }
mail-need-reminder-body = In { $days } Tagen findet „{ $title }“ statt. Diese Bedarfe sind noch nicht als organisiert markiert:

    { $needs }

    Übersicht: { $link }

## Changing a registration, and the confirmation of destructive actions
staff-edit-for = Anmeldung von { $name } bearbeiten
staff-edit-title = Anmeldung bearbeiten
staff-edit-state = Stand: { $state }, { $seats } Plätze.
staff-edit-notify = Die Person per E-Mail über die Änderung informieren
staff-edit-save = Änderungen speichern
staff-edit-saved = Die Anmeldung wurde geändert.
staff-edit-saved-waiting = Die Anmeldung wurde geändert und steht jetzt mit der ganzen Gruppe auf der Warteliste.
staff-edit-unchanged = Es wurde nichts geändert.
staff-edit-seats-not-free = Für zusätzliche Begleitpersonen sind keine Plätze frei. Die Anmeldung wurde nicht geändert.
staff-edit-seats-full = Für zusätzliche Begleitpersonen sind keine Plätze frei, und die Veranstaltung hat keine Warteliste. Die Anmeldung wurde nicht geändert.
staff-edit-waitlist-offer = Wenn die Person einverstanden ist, kann die ganze Gruppe stattdessen auf die Warteliste gesetzt werden. Die bisher bestätigten Plätze werden dann frei.
staff-edit-waitlist-submit = Auf die Warteliste setzen
staff-edit-back = Zurück zu den Anmeldungen
staff-confirm-cancel-title = Anmeldung stornieren?
staff-confirm-cancel-what = Die Anmeldung von { $name } für „{ $title }“ am { $when } wird storniert.
staff-confirm-cancel-seats = { $seats ->
    [one] Der Platz wird frei, und die Warteliste rückt nach.
   *[other] Die { $seats } Plätze werden frei, und die Warteliste rückt nach.
}
staff-confirm-cancel-waiting = Die Person wird von der Warteliste genommen.
staff-confirm-cancel-mail = Die Person bekommt eine E-Mail über die Stornierung.
staff-confirm-cancel-submit = Ja, Anmeldung stornieren
staff-confirm-erase-title = Personenbezogene Daten löschen?
staff-confirm-erase-what = Name, E-Mail-Adresse, Organisation und Hinweise von { $name } zur Anmeldung für „{ $title }“ am { $when } werden gelöscht.
staff-confirm-erase-seat = Die Anmeldung wird dabei storniert: Ein gehaltener Platz wird frei, und die Warteliste rückt nach.
staff-confirm-erase-final = Die Daten können nicht wiederhergestellt werden.
staff-confirm-erase-submit = Ja, Daten endgültig löschen
staff-confirm-back = Nein, zurück zu den Anmeldungen
staff-edit-duplicate = Mit dieser E-Mail-Adresse ist schon eine andere Anmeldung für diese Veranstaltung erfasst.

## Anmeldungen, die das Amt aufnimmt (Telefon, Schalter, Integrationsmanager·in)
staff-contact-kind = Erreichbar
staff-contact-email = per E-Mail
staff-contact-phone = per Telefon
staff-contact-post = per Post
staff-contact-via = über Integrationsmanager·in bzw. Organisation
staff-email-help = Nur nötig, wenn die Person per E-Mail erreichbar ist.
staff-phone = Telefon
staff-phone-help = Nötig bei „per Telefon“.
staff-postal-address = Postanschrift
staff-postal-help = Nötig bei „per Post“.
staff-via-legend = Angemeldet über
staff-via-help = Nötig bei „über Integrationsmanager·in“: Diese Adresse bekommt die Bestätigung und das Ticket jeder angemeldeten Person einzeln.
staff-via-name = Name der Integrationsmanagerin, des Integrationsmanagers oder der Organisation
staff-via-email = E-Mail-Adresse für die Bestätigungen
staff-via-title = Angemeldet über Integrationsmanager·innen
staff-via-row = über { $name }
staff-papers-language = Sprache der Unterlagen (E-Mails, Bestätigungszettel)
staff-override-reason = Begründung bei ausgebuchter Veranstaltung oder geschlossener Anmeldung
staff-override-help = Nur nötig, wenn die Veranstaltung voll oder die Anmeldung geschlossen ist. Mit Begründung wird die Person trotzdem bestätigt; die Begründung steht im Protokoll. Ohne Begründung kommt sie auf die Warteliste, falls es eine gibt.
staff-error-full-reason = Die Veranstaltung ist voll. Um trotzdem zu bestätigen, geben Sie bitte eine Begründung an.
staff-error-closed-reason = Die Anmeldung ist geschlossen. Um trotzdem anzumelden, geben Sie bitte eine Begründung an.
staff-added-override = Die Anmeldung ist über die Grenze hinaus bestätigt; die Begründung steht im Protokoll.
staff-slip = Bestätigungszettel
staff-slip-for = Bestätigungszettel für { $name }
error-contact-kind = Bitte wählen Sie, wie die Person erreichbar ist.
error-phone-missing = Bitte geben Sie eine Telefonnummer an.
error-phone-invalid = Bitte geben Sie eine Telefonnummer aus Ziffern an (erlaubt sind auch + - / ( ) und Leerzeichen).
error-address-missing = Bitte geben Sie eine Postanschrift an.
error-address-too-long = Die Postanschrift ist zu lang (höchstens 300 Zeichen).
error-via-name-missing = Bitte geben Sie an, wer die Person anmeldet.
error-reason-too-long = Die Begründung ist zu lang (höchstens 300 Zeichen).

## How a meeting takes registrations
f-intake = Anmeldung
f-intake-online = Online hier (Formular auf der Seite)
f-intake-none = Keine Anmeldung nötig
f-intake-contact = Nur telefonisch oder per E-Mail (die Dienststelle trägt die Anmeldungen ein)
f-intake-external = Auf einer anderen Seite
f-intake-url = Adresse der Anmeldung
f-intake-url-help = Nur bei „Auf einer anderen Seite“, z. B. https://…
error-url-invalid = Bitte geben Sie eine Webadresse an, die mit https:// beginnt.
staff-mail-language = Sprache der E-Mails

## Invitations of partner meetings (Runder Tisch)
staff-invitations = Einladungen
staff-replies = Antworten
staff-attendance-year = Teilnahme im Jahr
staff-series-page = Zur Reihe
staff-invitees-listed = { $count ->
    [0] Noch niemand steht auf der Einladungsliste.
    [one] Eine Person steht auf der Einladungsliste.
   *[other] { $count } Personen stehen auf der Einladungsliste.
}
staff-invitation-tally = { $invited } eingeladen: { $come } kommen, { $substitute } schicken eine Vertretung, { $declined } abgesagt, { $open } offen.
staff-invitation-short = { $come } von { $invited } kommen
staff-invited-seats = Plätze für Eingeladene: { $count } (zählen nicht zur öffentlichen Platzzahl).
staff-invitation-send = Einladungen verschicken
staff-invitation-series = Alle kommenden Termine einladen
staff-remind = Erinnern, wer nicht geantwortet hat ({ $count })
staff-invitation-help = Verschickt werden nur Einladungen an Personen, die noch keine haben: Wer später auf die Liste kommt, wird mit einem weiteren Klick eingeladen. Erinnerungen gehen höchstens einmal am Tag hinaus.
staff-invitation-sent = { $count ->
    [one] Eine Person wurde eingeladen.
   *[other] { $count } Personen wurden eingeladen.
}
staff-remind-sent = { $count ->
    [one] Eine Person wurde erinnert.
   *[other] { $count } Personen wurden erinnert.
}
staff-invitation-nobody = Niemand war einzuladen oder zu erinnern.
invite-no-open-date = Es gibt keinen veröffentlichten Termin, der noch bevorsteht.
invite-reminded-today = Heute wurde schon erinnert. Die nächste Erinnerung ist morgen möglich.
staff-series-no-dates = Diese Reihe hat noch keine Termine.

## Runder Tisch: the reply matrix and the organisations represented
replies-title = Rückmeldungen
replies-caption = Rückmeldungen der eingeladenen Personen nach Organisation und Termin
replies-organisation = Organisation
replies-person = Person
replies-deputy = (Stellvertretung)
replies-removed = (entfernt)
replies-none = Zu diesen Terminen ist noch niemand eingeladen.
replies-back-event = Zurück zum Termin
replies-series-link = Alle Termine der Reihe
replies-cell-come = kommt
replies-cell-decline = abgesagt
replies-cell-substitute = Vertretung: { $name }
replies-cell-substitute-erased = Vertretung (Daten gelöscht)
replies-cell-open = keine Antwort
replies-cell-none = nicht eingeladen
replies-total-come = Zusagen
replies-total-decline = Absagen
replies-total-substitute = Vertretungen
replies-total-open = Ohne Antwort
attendance-title = Vertretene Organisationen
attendance-summary = { $present } von { $invited } eingeladenen Organisationen haben teilgenommen.
attendance-present = vertreten
attendance-absent = nicht vertreten
attendance-by-checkin = (beim Einlass erfasst)
attendance-by-staff = (von Hand eingetragen)
attendance-mark = Als vertreten eintragen
attendance-unmark = Eintrag entfernen
attendance-marked = Die Organisation ist als vertreten eingetragen.
attendance-unmarked = Der Eintrag ist entfernt.
attendance-unknown-partner = Diese Organisation ist zu diesem Termin nicht eingeladen.
attendance-upcoming = steht noch bevor
attendance-year-link = Teilnahme im Jahresüberblick
attendance-year-title = Teilnahme { $year }
attendance-year-caption = Vertretene Organisationen bei den Terminen { $year }
attendance-year-total = Teilnahme
attendance-year-count = { $attended } von { $held } Terminen
attendance-year-none = In diesem Jahr hat die Reihe keine Termine.
attendance-year-nobody = Zu den Terminen dieses Jahres ist keine Organisation eingeladen.

## The archive of meetings
staff-archive = Archiv
staff-archive-title = Titel enthält
staff-archive-from = Beginn ab
staff-archive-to = Beginn bis
staff-archive-count = { $count ->
    [0] Keine Veranstaltung gefunden.
    [one] Eine Veranstaltung gefunden.
   *[other] { $count } Veranstaltungen gefunden.
}
staff-archive-pages = Seiten
staff-archive-prev = Vorherige Seite
staff-archive-next = Nächste Seite
staff-archive-page = Seite { $page } von { $pages }

## Tagesordnung, Unterlagen, Online-Adresse und Protokoll einer Veranstaltung
agenda-staff-title = Tagesordnung und Unterlagen
agenda-items = Tagesordnungspunkte
agenda-none = Noch keine Tagesordnungspunkte.
agenda-item-add = Punkt hinzufügen
agenda-item-edit = Punkt ändern
agenda-item-edit-cancel = Nicht ändern
agenda-item-remove = Entfernen
agenda-item-title = Titel
agenda-item-presenter = Wer trägt vor (freiwillig)
agenda-item-time = Uhrzeit (freiwillig)
agenda-item-time-help = Als SS:MM, z. B. 18:30
agenda-error-time = Bitte geben Sie die Uhrzeit als SS:MM an, z. B. 18:30.
agenda-error-too-many = Eine Tagesordnung hat höchstens 50 Punkte.
agenda-item-added = Der Punkt wurde hinzugefügt.
agenda-item-saved = Der Punkt wurde gespeichert.
agenda-item-removed = Der Punkt wurde entfernt. Seine Unterlagen gehören jetzt zur Veranstaltung.
agenda-item-moved = Die Reihenfolge wurde geändert.
agenda-update-heading = Geänderte Tagesordnung versenden
agenda-update-explain = Die Einladungen sind verschickt. Wer kommt, erfährt von Änderungen nur, wenn Sie die Tagesordnung erneut senden.
agenda-update-send = { $count ->
    [one] Aktualisierte Tagesordnung an die angemeldete Person senden
   *[other] Aktualisierte Tagesordnung an alle { $count } Angemeldeten senden
}
agenda-update-sent = Die aktualisierte Tagesordnung wird versandt.
agenda-update-closed = Die Veranstaltung ist vorbei oder abgesagt; es wird nichts mehr versandt.
agenda-update-nothing-new = Die Tagesordnung wurde seit dem letzten Versand nicht geändert; es wurde nichts erneut versandt.
documents-staff-heading = Unterlagen
documents-none = Noch keine Unterlagen.
document-for-item = zu „{ $item }“
document-remove = Entfernen
document-add = Unterlage hochladen
document-file = Datei
document-file-help = PDF, Word, Excel, PowerPoint, OpenDocument oder Bild (PNG, JPEG, GIF, WebP), höchstens { $size }.
document-title = Titel
document-title-help = Leer lassen: der Dateiname.
document-visibility = Wer darf sie sehen?
document-visibility-public = Alle, die die Veranstaltung sehen
document-visibility-participants = Eingeladene und Angemeldete
document-visibility-organisers = Nur das Organisationsteam
document-attach-to = Gehört zu
document-attach-meeting = der ganzen Veranstaltung
document-upload = Hochladen
document-error-missing = Bitte wählen Sie eine Datei aus.
document-error-too-large = Diese Datei ist zu groß. Bitte verkleinern Sie sie oder teilen Sie sie auf.
document-error-type = Diese Art von Datei wird nicht angenommen. Erlaubt sind PDF, Office- und OpenDocument-Dateien sowie Bilder.
document-added = Die Unterlage wurde hochgeladen.
document-removed = Die Unterlage wurde entfernt.
online-staff-heading = Hybride Veranstaltung
online-staff-explain = Die Adresse der Videokonferenz sehen nur bestätigte Angemeldete und Eingeladene, die kommen: auf ihrer Anmeldeseite ab der eingestellten Zeit und in der Erinnerung. Nie auf der öffentlichen Seite, in Kalendern oder der API.
online-url = Adresse der Videokonferenz
online-url-help = Beginnt mit https://. Leer lassen: keine Online-Teilnahme.
online-minutes = Sichtbar ab wie vielen Minuten vor Beginn
online-error-url = Bitte geben Sie eine vollständige Adresse an, die mit https:// beginnt.
online-error-minutes = Bitte geben Sie eine Zahl von 0 bis 1440 an.
online-saved = Die Online-Adresse wurde gespeichert.
online-removed = Die Veranstaltung hat keine Online-Adresse mehr.
minutes-staff-title = Protokoll
minutes-view = Protokoll ansehen
minutes-state = Stand
minutes-none = Noch kein Protokoll gespeichert.
minutes-not-published = Gespeichert, noch nicht veröffentlicht.
minutes-published-at = Veröffentlicht am { $at }.
minutes-published-once = Die Mails mit dem Link gingen bei der Veröffentlichung hinaus; jede Adresse bekommt sie nur einmal. Änderungen, die Sie jetzt speichern, erscheinen auf der Protokollseite, ohne neue Mail.
minutes-publish = { $count ->
    [one] Veröffentlichen und 1 Person per Mail benachrichtigen
   *[other] Veröffentlichen und { $count } Personen per Mail benachrichtigen
}
minutes-edit = Protokoll bearbeiten
minutes-body = Text (Markdown)
minutes-body-help = Überschriften mit #, Listen mit -, **fett**. Leer lassen, wenn das Protokoll nur als Datei vorliegt.
minutes-document = Protokoll als Datei
minutes-document-help = Eine der Unterlagen der Veranstaltung, sichtbar für alle oder für Eingeladene und Angemeldete.
minutes-document-none = keine
minutes-audience = Für wen
minutes-audience-invitees = Eingeladene und Teilnehmende (Link mit persönlichem Zugang)
minutes-audience-public = Öffentlich
minutes-error-empty = Bitte schreiben Sie einen Text oder wählen Sie eine Datei.
minutes-saved = Das Protokoll wurde gespeichert.
minutes-published = Das Protokoll ist veröffentlicht; die Mails werden versandt.
minutes-already-published = Das Protokoll war schon veröffentlicht; es wurde keine weitere Mail versandt.
minutes-not-saved = Bitte speichern Sie das Protokoll zuerst.

## Partner organisations and invitation lists (Runder Tisch)
staff-partners = Partner
staff-partners-explain = Die Partnerorganisationen der Geschäftsstelle und ihre Ansprechpersonen: Sie werden zu Partnertreffen eingeladen.
staff-partners-office = Geschäftsstelle
staff-partners-show = Anzeigen
staff-partners-none = Noch keine Partnerorganisationen.
staff-partners-no-office = Sie verwalten keine Geschäftsstelle.
staff-partners-back = Zurück zu den Partnern
staff-partner-name = Name der Organisation
staff-partner-kind = Art
staff-partner-contacts = Ansprechpersonen
staff-partner-contacts-none = Noch keine Ansprechpersonen.
staff-partner-add = Organisation hinzufügen
staff-partner-edit = Organisation ändern
staff-partner-remove = Organisation entfernen
staff-partner-remove-explain = Eine entfernte Organisation wird nicht mehr eingeladen. Ihre bisherige Teilnahme bleibt in der Statistik.
staff-partner-added = Die Organisation ist angelegt.
staff-partner-saved = Die Organisation ist gespeichert.
staff-partner-removed = Die Organisation ist entfernt.
staff-partner-contact-add = Ansprechperson hinzufügen
staff-partner-contact-edit = Ansprechperson ändern
staff-partner-contact-name = Name
staff-partner-contact-email = E-Mail-Adresse
staff-partner-contact-phone = Telefon
staff-partner-contact-role = Rolle
staff-partner-contact-language = Sprache der E-Mails
staff-partner-role-help = Mitglieder werden mit ihrer Organisation eingeladen, Vertretungen nur einzeln.
staff-partner-remove-contact = Entfernen
staff-partner-contact-added = Die Ansprechperson ist angelegt.
staff-partner-contact-saved = Die Ansprechperson ist gespeichert.
staff-partner-contact-removed = Die Ansprechperson ist entfernt.
partner-kind-school = Schule
partner-kind-chamber = Kammer
partner-kind-church_welfare = Kirche / Wohlfahrtsverband
partner-kind-adult_education = Erwachsenenbildung
partner-kind-municipality = Stadt / Gemeinde
partner-kind-employment = Arbeitsagentur / Jobcenter
partner-kind-police = Polizei
partner-kind-authority = Behörde
partner-kind-council_group = Kreistagsfraktion
partner-kind-other = Sonstige
partner-role-member = Mitglied
partner-role-deputy = Vertretung
error-partner-name-missing = Bitte geben Sie den Namen der Organisation an.
error-partner-name-too-long = Der Name ist zu lang (höchstens 150 Zeichen).
error-partner-name-taken = Eine Organisation dieses Namens gibt es schon.
error-partner-kind = Bitte wählen Sie eine Art aus der Liste.
error-partner-phone = Bitte geben Sie eine Telefonnummer aus Ziffern an (auch + - / ( ) und Leerzeichen, höchstens 40 Zeichen).
error-partner-role = Bitte wählen Sie Mitglied oder Vertretung.
error-partner-language = Bitte wählen Sie eine Sprache aus der Liste.
error-partner-contact-duplicate = Diese Adresse hat schon eine Ansprechperson dieser Organisation.

staff-partner-import = Partnerliste importieren
staff-partner-import-explain = Ihre Excel-Liste als CSV-Datei gespeichert (auch „CSV (Trennzeichen-getrennt)“ mit Semikolons): eine Zeile je Ansprechperson. Sie sehen zuerst eine Vorschau; gespeichert wird erst, wenn Sie bestätigen.
staff-partner-import-columns = Spalten (erste Zeile): Organisation, Art, Name, E-Mail, Telefon, Rolle, Sprache. Nötig sind Organisation, Name und E-Mail; ohne Art gilt „Sonstige“, ohne Rolle „Mitglied“, ohne Sprache Deutsch. Leere Zellen ändern bei bekannten Ansprechpersonen nichts.
staff-partner-import-file = CSV-Datei
staff-partner-import-file-help = Höchstens { $kb } KB.
staff-partner-import-text = Oder die Liste hier einfügen
staff-partner-import-text-help = Zum Beispiel aus Excel kopiert; wird nur genommen, wenn keine Datei gewählt ist.
staff-partner-import-check = Vorschau zeigen
staff-partner-import-preview = Vorschau des Imports
staff-partner-import-nothing-yet = Noch ist nichts gespeichert. Prüfen Sie die Vorschau und bestätigen Sie unten.
staff-partner-import-changed-meanwhile = Die Partnerdaten haben sich inzwischen geändert. Bitte prüfen Sie die neue Vorschau; gespeichert wurde nichts.
staff-partner-import-count-new-partners = { $count ->
    [one] 1 neue Organisation
   *[other] { $count } neue Organisationen
}
staff-partner-import-count-changed-partners = { $count ->
    [one] 1 Organisation mit anderer Art
   *[other] { $count } Organisationen mit anderer Art
}
staff-partner-import-count-new-contacts = { $count ->
    [one] 1 neue Ansprechperson
   *[other] { $count } neue Ansprechpersonen
}
staff-partner-import-count-changed-contacts = { $count ->
    [one] 1 geänderte Ansprechperson
   *[other] { $count } geänderte Ansprechpersonen
}
staff-partner-import-count-unchanged = { $count ->
    [one] 1 Ansprechperson unverändert
   *[other] { $count } Ansprechpersonen unverändert
}
staff-partner-import-count-bad = { $count ->
    [one] 1 fehlerhafte Zeile (wird ausgelassen)
   *[other] { $count } fehlerhafte Zeilen (werden ausgelassen)
}
staff-partner-import-bad = Fehlerhafte Zeilen
staff-partner-import-bad-explain = Diese Zeilen werden nicht übernommen. Korrigieren Sie sie in der Datei und importieren Sie erneut, oder bestätigen Sie ohne sie.
staff-partner-import-line = Zeile { $line }
staff-partner-import-new-partners = Neue Organisationen
staff-partner-import-changed-partners = Organisationen mit anderer Art
staff-partner-import-new-contacts = Neue Ansprechpersonen
staff-partner-import-changed-contacts = Geänderte Ansprechpersonen (bisher → neu)
staff-partner-import-unchanged = Unveränderte Ansprechpersonen
staff-partner-import-confirm = Import bestätigen
staff-partner-import-no-changes = Die Datei ändert nichts an Ihren Partnerdaten.
staff-partner-import-again = Andere Datei importieren
staff-partner-import-done = Importiert: { $partners } neue und { $changed } geänderte Organisationen, { $contacts } neue und { $updated } geänderte Ansprechpersonen.
partner-import-too-large = Die Datei ist zu groß (höchstens 1 MB).
partner-import-empty = Bitte wählen Sie eine Datei oder fügen Sie die Liste ein.
partner-import-header = Die erste Zeile muss die Spalten nennen, mindestens Organisation, Name und E-Mail.
partner-import-no-organisation = die Organisation fehlt
partner-import-bad-organisation = der Name der Organisation ist zu lang oder enthält Steuerzeichen
partner-import-unknown-kind = unbekannte Art
partner-import-unknown-role = unbekannte Rolle (Mitglied oder Vertretung)
partner-import-unknown-language = unbekannte Sprache (de, en, ar, uk, tr)
partner-import-no-name = der Name fehlt
partner-import-bad-name = der Name ist ungültig
partner-import-no-email = die E-Mail-Adresse fehlt
partner-import-bad-email = die E-Mail-Adresse ist ungültig
partner-import-bad-phone = die Telefonnummer ist ungültig
partner-import-duplicate = dieselbe Adresse steht für diese Organisation schon in Zeile { $line }
partner-import-kind-conflict = die Organisation hat in Zeile { $line } eine andere Art

staff-invitees = Einladungsliste
staff-invitees-explain = Wer zu diesem Termin eingeladen wird: ganze Organisationen (alle ihre Mitglieder) oder einzelne Personen, zusätzlich zur Liste der Reihe.
staff-invitees-series-explain = Wer zu allen Terminen dieser Reihe eingeladen wird: ganze Organisationen (alle ihre Mitglieder) oder einzelne Personen.
staff-invitees-inherited = Aus der Reihe „{ $series }“
staff-invitees-edit-series = Liste der Reihe bearbeiten
staff-invitees-own = Nur für diesen Termin
staff-invitees-list = Eingeladen
staff-invitees-none = Noch niemand auf der Liste.
staff-invitees-no-partners = Die Geschäftsstelle hat noch keine Partner.
staff-invitees-resolved = { $count ->
    [one] 1 Person wird eingeladen
   *[other] { $count } Personen werden eingeladen
}
staff-invitee-whole = { $count ->
    [one] ganze Organisation (1 Mitglied)
   *[other] ganze Organisation ({ $count } Mitglieder)
}
staff-invitee-add = Zur Liste hinzufügen
staff-invitee-partner = Organisation
staff-invitee-partner-help = Eingeladen werden alle Mitglieder, auch die später hinzukommen.
staff-invitee-add-partner = Organisation hinzufügen
staff-invitee-contact = Einzelne Person
staff-invitee-add-contact = Person hinzufügen
staff-invitee-remove = Von der Liste nehmen
staff-invitee-choose = Bitte wählen Sie eine Organisation oder eine Person.
staff-invitee-added = Auf die Einladungsliste gesetzt.
staff-invitee-already = Steht schon auf der Liste.
staff-invitee-removed = Von der Einladungsliste genommen.

## Nachrichten an Teilnehmende
message-title = Nachricht schreiben
message-write = Nachricht schreiben
message-write-selection = Nachricht an die angezeigten Zeilen
message-group = Empfänger
message-group-confirmed = Alle mit Platz
message-group-waiting = Warteliste
message-group-checked_in = Eingecheckt
message-group-not_checked_in = Angemeldet, aber nicht eingecheckt
message-group-invitees = Eingeladene ohne Antwort
message-group-selection = Die Zeilen der Liste (Suche und Filter)
message-reach = { $count ->
    [one] Erreicht 1 Person.
   *[other] Erreicht { $count } Personen.
}
message-opted-out = { $count ->
    [one] 1 Person ausgenommen: möchte keine weiteren Mails.
   *[other] { $count } Personen ausgenommen: möchten keine weiteren Mails.
}
message-no-address = { $count ->
    [one] 1 Person ohne E-Mail-Adresse.
   *[other] { $count } Personen ohne E-Mail-Adresse.
}
message-no-groups = Für diese Veranstaltung gibt es keine Empfänger.
message-language = Sprache des Originals
message-subject = Betreff
message-body = Text
message-body-help = Markdown (**fett**, *kursiv*, Listen, [Link](https://…)). Platzhalter: {"{"}name{"}"} (Name der Person), {"{"}meeting{"}"} (Veranstaltung), {"{"}link{"}"} (persönlicher Link der Person).
message-versions = Weitere Sprachen
message-versions-help = Wer in einer dieser Sprachen angemeldet ist, bekommt diese Fassung; alle anderen das Original.
message-preview = Vorschau
message-send = Senden
message-preview-title = Vorschau für { $name } ({ $language })
message-preview-text = Als reiner Text
message-sent-title = Gesendete Nachrichten
message-none-sent = Noch keine Nachricht gesendet.
message-col-when = Gesendet
message-col-sender = Von
message-col-recipients = Empfänger
message-sent = { $count ->
    [one] Die Nachricht geht an 1 Person.
   *[other] Die Nachricht geht an { $count } Personen.
}
message-sent-already = Diese Nachricht wurde bereits gesendet; sie geht nicht noch einmal hinaus.
message-too-many = Sie haben für diese Veranstaltung in der letzten Stunde schon mehrere Nachrichten gesendet. Bitte warten Sie etwas, bevor Sie die nächste senden.
message-nobody = Diese Gruppe erreicht niemanden: es wurde nichts gesendet.
message-group-not-offered = Diese Gruppe gibt es erst nach Beginn der Veranstaltung.
message-form-stale = Das Formular ist veraltet. Bitte laden Sie die Seite neu.
message-error-group = Bitte wählen Sie die Empfänger.
message-error-subject = Bitte geben Sie einen Betreff ein.
message-error-subject-long = Der Betreff ist zu lang (höchstens 200 Zeichen, eine Zeile).
message-error-body = Bitte geben Sie einen Text ein.
message-error-body-long = Der Text ist zu lang (höchstens 20 000 Zeichen).

message-documents = Unterlagen verlinken
message-documents-help = Jede Person erhält Links, die nur mit ihrer eigenen Anmeldung oder Einladung öffnen.
message-error-document = Bitte wählen Sie nur Unterlagen dieser Veranstaltung.

## Topic names in every language of the public side
topicnames-help = Nur der deutsche Name ist nötig. Fehlt einer Sprache ihr Name, zeigen ihre Seiten den englischen, sonst den deutschen Namen.
topicnames-name-ar = Name (Arabisch)
topicnames-name-uk = Name (Ukrainisch)
topicnames-name-tr = Name (Türkisch)
topicnames-name-fa = Name (Persisch/Dari)
topicnames-name-ru = Name (Russisch)
topicnames-edit = Namen bearbeiten
topicnames-named-in = benannt auf
topicnames-title = Thema „{ $name }“: Namen
