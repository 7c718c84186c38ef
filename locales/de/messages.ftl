# The closing line of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Sie erhalten diese Nachricht von den Veranstaltenden von „{ $meeting }“, weil Sie dafür angemeldet oder eingeladen sind.
