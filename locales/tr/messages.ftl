# The closing line of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Bu mesajı “{ $meeting }” etkinliğinin düzenleyicilerinden, kayıtlı veya davetli olduğunuz için alıyorsunuz.
