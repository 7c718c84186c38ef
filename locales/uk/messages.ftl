# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Ви отримуєте це повідомлення від організаторів заходу «{ $meeting }», бо ви на нього зареєструвалися або вас запрошено.
message-mail-registration = Ваша реєстрація: { $link }
message-mail-invitation = Ваше запрошення: { $link }
message-mail-stop = Не бажаєте більше таких повідомлень? Ви можете відмовитися від них на сторінці своєї реєстрації.
message-mail-contact = Запитання: { $contact }
message-mail-documents = Документи:
