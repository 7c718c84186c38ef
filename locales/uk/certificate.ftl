# The attendance certificate (in the person's language, German always beside it), the
# person's own page offering it, and the public page that checks a certificate's code.
certificate-title = Довідка про участь
certificate-body = Цим підтверджується, що { $name } взяв(ла) участь у такому заході.
certificate-meeting = Захід
certificate-when = Дата й час
certificate-duration = Тривалість
certificate-hours = { $count ->
    [one] { $count } година
    [few] { $count } години
    [many] { $count } годин
   *[other] { $count } години
}
certificate-minutes = { $count ->
    [one] { $count } хвилина
    [few] { $count } хвилини
    [many] { $count } хвилин
   *[other] { $count } хвилини
}
certificate-place = Місце
certificate-office = Організатор
certificate-signature = Місце, дата, підпис і печатка
certificate-check = Перевірити справжність:
certificate-code = Код перевірки: { $code }
certificate-qr-label = QR-код для перевірки справжності довідки
certificate-own = Ваша довідка про участь
certificate-own-text = Ви були на цьому заході. Ваша довідка про участь готова до завантаження — вашою мовою та німецькою.
certificate-own-pdf = Завантажити довідку (PDF)
certificate-own-html = Відкрити для друку
certificate-check-title = Перевірити довідку про участь
certificate-check-intro = Введіть код перевірки, надрукований на довідці (дванадцять символів, наприклад 7KQM-2X9D-HW4A).
certificate-check-code = Код перевірки
certificate-check-submit = Перевірити
certificate-check-genuine = Ця довідка про участь справжня.
certificate-check-person = Особа (ініціали)
certificate-check-meeting = Захід
certificate-check-date = Дата
certificate-check-office = Видав
certificate-check-privacy = Щоб захистити особу, ця сторінка показує лише ініціали. Якщо вони та інші дані збігаються з довідкою, вона справжня.
certificate-check-withdrawn = Цю довідку більше не можна перевірити: особа попросила видалити свої дані.
certificate-check-unknown = Довідки про участь із таким кодом немає. Будь ласка, перевірте написання.
