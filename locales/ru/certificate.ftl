# The attendance certificate (in the person's language, German always beside it), the
# person's own page offering it, and the public page that checks a certificate's code.
certificate-title = Справка об участии
certificate-body = Настоящим подтверждается участие { $name } в следующем мероприятии.
certificate-meeting = Мероприятие
certificate-when = Дата и время
certificate-duration = Продолжительность
certificate-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
    [many] { $count } часов
   *[other] { $count } часа
}
certificate-minutes = { $count ->
    [one] { $count } минута
    [few] { $count } минуты
    [many] { $count } минут
   *[other] { $count } минуты
}
certificate-place = Место
certificate-office = Организатор
certificate-signature = Место, дата, подпись и печать
certificate-check = Проверить подлинность:
certificate-code = Код проверки: { $code }
certificate-qr-label = QR-код для проверки подлинности справки
certificate-own = Ваша справка об участии
certificate-own-text = Вы приняли участие в этом мероприятии. Ваша справка об участии готова к скачиванию – на Вашем языке и на немецком.
certificate-own-pdf = Скачать справку (PDF)
certificate-own-html = Открыть для печати
certificate-check-title = Проверить справку об участии
certificate-check-intro = Введите код проверки, напечатанный на справке (двенадцать знаков, например 7KQM-2X9D-HW4A).
certificate-check-code = Код проверки
certificate-check-submit = Проверить
certificate-check-genuine = Эта справка об участии подлинная.
certificate-check-person = Лицо (инициалы)
certificate-check-meeting = Мероприятие
certificate-check-date = Дата
certificate-check-office = Выдана
certificate-check-privacy = Чтобы защитить этого человека, на странице указаны только его инициалы. Если они и остальные данные совпадают со справкой, она подлинная.
certificate-check-withdrawn = Эту справку больше нельзя проверить: человек потребовал удалить свои данные.
certificate-check-unknown = Справки об участии с таким кодом нет. Пожалуйста, проверьте, правильно ли введён код.
