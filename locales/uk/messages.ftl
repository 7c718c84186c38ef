# The closing line of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Ви отримуєте це повідомлення від організаторів заходу «{ $meeting }», бо ви на нього зареєструвалися або вас запрошено.
