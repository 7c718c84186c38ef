## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: meine Einladungen
partner-feed-description = Die Sitzungen, zu denen Sie eingeladen sind. Änderungen und Absagen erscheinen automatisch.
partner-feed-reply-come = Ihre Antwort: Sie kommen.
partner-feed-reply-decline = Ihre Antwort: Sie können nicht kommen.
partner-feed-reply-substitute = Ihre Antwort: Sie schicken eine Vertretung.
partner-feed-reply-open = Sie haben noch nicht geantwortet. Über den Link unten antworten Sie.
