# Abuse protection of the public forms
field-honeypot = Будь ласка, залиште це поле порожнім
error-too-fast = Форму надіслано дуже швидко. Будь ласка, перевірте свої дані та надішліть її ще раз.
error-too-many = З вашого підключення щойно надійшло дуже багато запитів. Будь ласка, спробуйте ще раз через { $minutes ->
    [one] { $minutes } хвилину
    [few] { $minutes } хвилини
    [many] { $minutes } хвилин
   *[other] { $minutes } хвилини
}.

# The privacy notice (built-in text) and a person's own data
privacy-retention = Ваші персональні дані буде видалено через { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
} після заходу (для окремого заходу може бути встановлено інший строк). Залишиться лише інформація про те, скільки людей зареєструвалися і скільки прийшли.
privacy-rights-self = Ви можете будь-коли скасувати свою реєстрацію за допомогою свого особистого посилання. Копію своїх даних або їх видалення ви можете запросити самостійно: для цього ми надішлемо посилання на вашу електронну адресу. Щоб виправити дані, зверніться до установи, зазначеної на сторінці заходу.
privacy-request-link = Переглянути або видалити мої дані
privacy-request-title = Ваші збережені дані
privacy-request-intro = Вкажіть адресу електронної пошти, з якою ви реєструвалися. Ми надішлемо вам посилання, за яким ви зможете переглянути, завантажити або видалити свої дані. Обліковий запис вам не потрібен.
privacy-request-submit = Надіслати посилання
privacy-request-sent = Якщо для адреси { $email } є збережені дані, ми надіслали на неї посилання. Воно дійсне 24 години.
privacy-data-title = Ваші збережені дані
privacy-data-none = Для цієї адреси немає (або вже немає) збережених персональних даних.
privacy-data-intro = Це все, що ми зберігаємо про ваші реєстрації.
privacy-data-when = Дата заходу
privacy-data-status = Статус
privacy-data-registered = Дата реєстрації
privacy-data-consent = Версія повідомлення про захист даних, з якою ви погодилися
privacy-data-download = Завантажити як файл (JSON)
privacy-status-confirmed = Зареєстровано
privacy-status-waiting = У списку очікування
privacy-status-cancelled = Скасовано
privacy-erase-heading = Видалення даних
privacy-erase-explain = Ми видалимо ваше ім’я, вашу електронну адресу та всі інші дані. Ваші місця на майбутніх заходах при цьому звільняться для інших людей. Цю дію не можна скасувати.
privacy-erase-submit = Видалити всі мої дані
privacy-erased-title = Ваші дані видалено
privacy-erased-text = { $count ->
    [one] Видалено дані { $count } реєстрації.
    [few] Видалено дані { $count } реєстрацій.
    [many] Видалено дані { $count } реєстрацій.
   *[other] Видалено дані { $count } реєстрації.
}
mail-data-subject = Ваші збережені дані
mail-data-body =
    Добрий день!

    Ви запросили посилання на свої збережені дані. За цим посиланням ви можете переглянути, завантажити або видалити їх:

    { $link }

    Посилання дійсне { $hours ->
        [one] { $hours } годину
        [few] { $hours } години
        [many] { $hours } годин
       *[other] { $hours } години
    }. Якщо ви його не запитували, просто видаліть цей лист.

# The list for other websites (/embed)
embed-title = Найближчі заходи
embed-none = Наразі немає оголошених заходів.
embed-cancelled = Скасовано
embed-all = Усі заходи та реєстрація

# Check-in at the entrance (door page)
door-verdict-ok = Вхід дозволено
door-verdict-bad = Вхід не дозволено
door-status-confirmed = підтверджено
door-status-waiting = список очікування
door-status-cancelled = скасовано
