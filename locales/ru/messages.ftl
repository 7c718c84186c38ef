# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Вы получили это сообщение от организаторов мероприятия «{ $meeting }», потому что зарегистрировались на него или были приглашены.
message-mail-registration = Ваша регистрация: { $link }
message-mail-invitation = Ваше приглашение: { $link }
message-mail-stop = Больше не хотите получать такие сообщения? Вы можете отказаться от них на странице своей регистрации.
message-mail-contact = Вопросы направляйте: { $contact }
message-mail-documents = Документы:
