## A partner's invitation (Runder Tisch) and its mails
invite-title = Einladung
invite-greeting = Guten Tag { $name }, { $organisation } ist zu diesem Termin eingeladen.
invite-done = Danke, Ihre Antwort ist gespeichert.
invite-minutes = Das Protokoll lesen
invite-state-come = Sie haben zugesagt.
invite-own-ticket = Ihre Anmeldung mit Ticket
invite-state-decline = Sie haben abgesagt.
invite-state-substitute = Sie schicken eine Vertretung: { $name }. Die Vertretung erhält eine eigene Bestätigung mit Ticket.
invite-state-open = Sie haben noch nicht geantwortet.
invite-confirm-explain = Bitte bestätigen Sie Ihre Zusage mit einem Klick auf die Schaltfläche.
invite-confirm-come = Ja, ich komme
invite-other-answer = Anders antworten
invite-change-answer = Antwort ändern
invite-your-answer = Ihre Antwort
invite-answer-come = Ich komme
invite-answer-decline = Ich kann nicht kommen
invite-answer-substitute = Ich schicke eine Vertretung
invite-substitute-legend = Vertretung (nur wenn Sie eine Vertretung schicken)
invite-substitute-hint = Die Vertretung erhält eine eigene Bestätigung mit Ticket an diese Adresse.
invite-all-dates = Diese Antwort für alle { $count } Termine der Reihe übernehmen
invite-privacy = Mit Ihrer Antwort speichern wir den Namen und die E-Mail-Adresse der Person, die kommt, für diese Veranstaltung.
invite-send = Antwort senden
invite-closed = Auf diese Einladung kann nicht mehr geantwortet werden: Die Veranstaltung hat begonnen oder wurde abgesagt.
invite-other-dates = Ihre weiteren Termine dieser Reihe
invite-short-come = zugesagt
invite-short-decline = abgesagt
invite-short-substitute = Vertretung
invite-short-open = noch offen
invite-reply-missing = Bitte wählen Sie eine Antwort.
invite-substitute-limit = Die Vertretung wurde heute schon mehrmals geändert. Bitte versuchen Sie es morgen wieder oder wenden Sie sich an die Geschäftsstelle.
invite-feed-heading = Ihr Kalender
invite-feed = Alle Termine, zu denen Sie eingeladen sind, als Kalender-Abo: Neue Termine, Änderungen und Absagen erscheinen von selbst in Ihrem Kalender.
invite-mail-feed = Alle Termine, zu denen Sie eingeladen sind, als Kalender-Abo: { $link }
invite-mail-agenda = Tagesordnung:
invite-mail-come = Ich komme (ein Klick, dann bestätigen): { $link }
invite-mail-answer = Absagen, Vertretung schicken oder Antwort ändern: { $link }
invite-mail-subject = Einladung: { $title }
invite-mail-body =
    Guten Tag { $name },

    { $organisation } ist herzlich eingeladen { $count ->
        [one] zu folgendem Termin:
       *[other] zu folgenden { $count } Terminen:
    }

    { $dates }

    Bitte antworten Sie über Ihren persönlichen Link. Sie können Ihre Antwort bis zum Beginn ändern. Wer kommt, erhält eine Bestätigung mit Ticket und Kalendereintrag.

    Mit freundlichen Grüßen
    Ihre Geschäftsstelle
invite-remind-subject = Erinnerung: Einladung { $title }
invite-remind-body =
    Guten Tag { $name },

    wir haben von Ihnen noch keine Antwort auf unsere Einladung an { $organisation }. Bitte geben Sie uns kurz Bescheid:

    { $dates }

    Mit freundlichen Grüßen
    Ihre Geschäftsstelle
