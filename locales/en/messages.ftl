# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = You receive this message from the organisers of “{ $meeting }” because you registered for it or were invited.
message-mail-registration = Your registration: { $link }
message-mail-invitation = Your invitation: { $link }
message-mail-stop = No more messages like this? You can stop them on the page of your registration.
message-mail-contact = Questions to: { $contact }
message-mail-documents = Documents:
