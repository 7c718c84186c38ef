# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Sie erhalten diese Nachricht von den Veranstaltenden von „{ $meeting }“, weil Sie dafür angemeldet oder eingeladen sind.
message-mail-registration = Ihre Anmeldung: { $link }
message-mail-invitation = Ihre Einladung: { $link }
message-mail-stop = Möchten Sie keine solchen Nachrichten mehr? Auf der Seite Ihrer Anmeldung können Sie sie abbestellen.
message-mail-contact = Fragen an: { $contact }
message-mail-documents = Unterlagen:
