## A partner's invitation (Runder Tisch) and its mails
invite-title = Приглашение
invite-greeting = Здравствуйте, { $name }! Мы приглашаем организацию «{ $organisation }» на это мероприятие.
invite-done = Спасибо, Ваш ответ сохранён.
invite-minutes = Прочитать протокол
invite-state-come = Вы приняли приглашение.
invite-own-ticket = Ваша регистрация с билетом
invite-state-decline = Вы отклонили приглашение.
invite-state-substitute = Вы направляете замену: { $name }. Заменяющий получит собственное подтверждение с билетом.
invite-state-open = Вы ещё не ответили.
invite-confirm-explain = Пожалуйста, подтвердите своё участие, нажав на кнопку.
invite-confirm-come = Да, я приду
invite-other-answer = Ответить иначе
invite-change-answer = Изменить ответ
invite-your-answer = Ваш ответ
invite-answer-come = Я приду
invite-answer-decline = Я не смогу прийти
invite-answer-substitute = Я направлю замену
invite-substitute-legend = Замена (только если Вы её направляете)
invite-substitute-hint = Заменяющий получит собственное подтверждение с билетом на этот адрес.
# The count after a colon, so that "дата" needs no plural forms.
invite-all-dates = Применить этот ответ ко всем датам серии (всего: { $count })
invite-privacy = Вместе с Вашим ответом мы сохраняем для этого мероприятия имя и адрес электронной почты человека, который придёт.
invite-send = Отправить ответ
invite-closed = На это приглашение больше нельзя ответить: мероприятие началось или отменено.
invite-other-dates = Ваши другие даты этой серии
invite-short-come = придёт
invite-short-decline = отказ
invite-short-substitute = замена
invite-short-open = нет ответа
invite-reply-missing = Пожалуйста, выберите ответ.
invite-substitute-limit = Замену сегодня уже меняли несколько раз. Пожалуйста, попробуйте завтра или свяжитесь с учреждением.
invite-feed-heading = Ваш календарь
invite-feed = Все мероприятия, на которые Вы приглашены, в виде подписки на календарь: новые даты, изменения и отмены появляются в Вашем календаре сами.
invite-mail-feed = Все мероприятия, на которые Вы приглашены, в виде подписки на календарь: { $link }
invite-mail-agenda = Повестка дня:
invite-mail-come = Я приду (один щелчок, затем подтвердить): { $link }
invite-mail-answer = Отказаться, направить замену или изменить ответ: { $link }
invite-mail-subject = Приглашение: { $title }
invite-mail-body =
    Здравствуйте, { $name }!

    Мы сердечно приглашаем организацию «{ $organisation }» { $count ->
        [one] на следующее мероприятие:
       *[other] на следующие мероприятия ({ $count }):
    }

    { $dates }

    Пожалуйста, ответьте по Вашей личной ссылке. Вы можете изменить ответ до начала мероприятия. Кто придёт, получит подтверждение с билетом и событием для календаря.

    С уважением,
    Ваше учреждение
invite-remind-subject = Напоминание: приглашение { $title }
invite-remind-body =
    Здравствуйте, { $name }!

    Мы ещё не получили ответа на наше приглашение для организации «{ $organisation }». Пожалуйста, сообщите нам:

    { $dates }

    С уважением,
    Ваше учреждение
