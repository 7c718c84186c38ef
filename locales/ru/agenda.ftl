## Agenda, documents, minutes and online participation on public pages and in mails
agenda-heading = Повестка дня
documents-heading = Документы
agenda-empty = Повестка дня пока пуста.
agenda-update-subject = Обновлённая повестка дня: { $title }
agenda-update-intro = повестка дня мероприятия «{ $title }» ({ $when }) изменилась. Теперь она выглядит так:
agenda-update-own-page = Ваша регистрация со всеми документами:
online-heading = Участие онлайн
online-explain = Это мероприятие проходит также онлайн. Подключиться к видеоконференции можно по этой ссылке:
online-from = Это мероприятие проходит также онлайн. Ссылка на видеоконференцию появится здесь с { $from }.
online-mail-link = Участие онлайн (видеоконференция):
online-mail-from = Вы можете участвовать также онлайн: ссылка на видеоконференцию появится на странице Вашей регистрации с { $from }.
minutes-title = Протокол
minutes-draft = Предварительный просмотр: этот протокол ещё не опубликован.
minutes-mail-subject = Протокол: { $title }
minutes-mail-body = протокол мероприятия «{ $title }» ({ $when }) опубликован. Вы найдёте его здесь:
