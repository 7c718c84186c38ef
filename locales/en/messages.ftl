# The closing line of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = You receive this message from the organisers of “{ $meeting }” because you registered for it or were invited.
