## A partner's invitation (Runder Tisch) and its mails
invite-title = Запрошення
invite-greeting = Добрий день, { $name }! { $organisation } запрошено на цю зустріч.
invite-done = Дякуємо, вашу відповідь збережено.
invite-minutes = Читати протокол
invite-state-come = Ви підтвердили участь.
invite-own-ticket = Ваша реєстрація з квитком
invite-state-decline = Ви відмовилися.
invite-state-substitute = Замість вас прийде: { $name }. Ця особа отримає власне підтвердження з квитком.
invite-state-open = Ви ще не відповіли.
invite-confirm-explain = Будь ласка, підтвердьте свою участь, натиснувши кнопку.
invite-confirm-come = Так, я прийду
invite-other-answer = Відповісти інакше
invite-change-answer = Змінити відповідь
invite-your-answer = Ваша відповідь
invite-answer-come = Я прийду
invite-answer-decline = Я не можу прийти
invite-answer-substitute = Замість мене прийде інша особа
invite-substitute-legend = Заміна (лише якщо замість вас прийде інша особа)
invite-substitute-hint = Ця особа отримає власне підтвердження з квитком на цю адресу.
invite-all-dates = Застосувати цю відповідь до всіх дат серії ({ $count })
invite-privacy = Разом із вашою відповіддю ми зберігаємо ім'я та адресу електронної пошти особи, яка прийде, для цього заходу.
invite-send = Надіслати відповідь
invite-closed = На це запрошення більше не можна відповісти: зустріч почалася або її скасовано.
invite-other-dates = Ваші інші дати цієї серії
invite-short-come = прийде
invite-short-decline = відмовився
invite-short-substitute = заміна
invite-short-open = немає відповіді
invite-reply-missing = Будь ласка, оберіть відповідь.
invite-substitute-limit = Заміну сьогодні вже змінювали кілька разів. Спробуйте завтра або зверніться до офісу.
invite-feed-heading = Ваш календар
invite-feed = Усі зустрічі, на які вас запрошено, як підписка на календар: нові дати, зміни та скасування з’являються у вашому календарі самі.
invite-mail-feed = Усі зустрічі, на які вас запрошено, як підписка на календар: { $link }
invite-mail-agenda = Порядок денний:
invite-mail-come = Я прийду (одне натискання, потім підтвердити): { $link }
invite-mail-answer = Відмовитися, надіслати заміну або змінити відповідь: { $link }
invite-mail-subject = Запрошення: { $title }
invite-mail-body =
    Добрий день, { $name }!

    { $organisation } щиро запрошено { $count ->
        [one] на таку зустріч:
       *[other] на такі зустрічі ({ $count }):
    }

    { $dates }

    Будь ласка, дайте відповідь за вашим особистим посиланням. Ви можете змінити відповідь до початку зустрічі. Той, хто прийде, отримає підтвердження з квитком і записом для календаря.

    З повагою
    Ваш офіс
invite-remind-subject = Нагадування: запрошення { $title }
invite-remind-body =
    Добрий день, { $name }!

    Ми ще не отримали відповіді на наше запрошення для { $organisation }. Будь ласка, повідомте нас:

    { $dates }

    З повагою
    Ваш офіс
