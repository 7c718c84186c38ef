## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: мои приглашения
partner-feed-description = Мероприятия, на которые Вы приглашены. Изменения и отмены появляются автоматически.
partner-feed-reply-come = Ваш ответ: Вы придёте.
partner-feed-reply-decline = Ваш ответ: Вы не сможете прийти.
partner-feed-reply-substitute = Ваш ответ: Вы направите замену.
partner-feed-reply-open = Вы ещё не ответили. Ответьте по ссылке ниже.
