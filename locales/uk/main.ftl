site-name = Treffpunkt – заходи та реєстрація
skip-to-content = Перейти до змісту
language-switch = Оберіть мову
privacy-link = Інформація про захист даних
footer-api = Інтерфейс для розробників (OpenAPI)
back-to-event = Назад до заходу
back-to-list = Усі заходи

## Dates
# Months in the genitive, as in "1 грудня 2026 р."; `month-N` is only used inside `date-long`.
date-long = { $weekday }, { $day } { $month } { $year } р.
datetime-span = { $date }, з { $start } до { $end }
datetime-span-days = { $startdate }, { $start } – { $enddate }, { $end }
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = пʼятниця
weekday-6 = субота
weekday-7 = неділя
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня

## List of meetings
index-title = Заходи
index-intro = Відкриті заходи районної адміністрації (Landratsamt) та громад. Будь ласка, зареєструйтеся, щоб ми могли все добре спланувати.
index-empty = Наразі немає оголошених заходів.
filter-category = Тема
filter-all = Усі теми
filter-apply = Показати

## Availability
# "one" also covers 21, 31 …, so it names the number instead of saying "1".
availability-free = { $count ->
    [one] Залишилося { $count } вільне місце
    [few] Залишилося { $count } вільні місця
    [many] Залишилося { $count } вільних місць
   *[other] Залишилося { $count } вільних місць
}
availability-unlimited = Є вільні місця
availability-waiting-list = Список очікування
availability-full = Усі місця зайнято
availability-cancelled = Скасовано
availability-not-yet-open = Реєстрація ще не відкрита
availability-closed = Реєстрацію закрито
closed-full = На цей захід усі місця зайнято. Списку очікування немає.
closed-cancelled = Цей захід скасовано. Зареєструватися неможливо.
closed-not-yet-open = Реєстрація ще не відкрита.
closed-over = Реєстрацію закрито.

## One meeting
event-cancelled = Цей захід скасовано.
event-when = Коли
event-where = Де
event-office = Організатор
event-contact = Контактна особа
event-phone = Телефон
event-email = Електронна пошта
event-category = Тема
event-series = Серія
event-places = Місця
event-capacity = { $count ->
    [one] усього { $count } місце
    [few] усього { $count } місця
    [many] усього { $count } місць
   *[other] усього { $count } місць
}
event-waiting = { $count ->
    [one] { $count } особа в списку очікування
    [few] { $count } особи в списку очікування
    [many] { $count } осіб у списку очікування
   *[other] { $count } осіб у списку очікування
}
event-window = Період реєстрації
event-opens = Початок реєстрації: { $at }
event-closes = Кінець реєстрації: { $at }
event-about = Про захід

## Registration form
register-heading = Реєстрація
register-waitlist-heading = Записатися до списку очікування
register-waitlist-explain = Усі місця зайнято. Ви можете записатися до списку очікування. Якщо звільниться місце, ви автоматично отримаєте його в порядку черги реєстрації, і ми повідомимо вас електронною поштою.
form-required-hint = Поля, позначені *, обовʼязкові для заповнення.
field-name = Імʼя та прізвище
field-email = Адреса електронної пошти
field-email-help = На цю адресу ми надішлемо підтвердження та посилання, за яким можна керувати вашою реєстрацією.
field-organisation = Організація (необовʼязково)
field-companions = Супровідні особи
field-companions-help = Скільки людей прийде разом із вами? Не більше ніж { $max }.
field-needs = Доступність (необовʼязково)
field-needs-help = Наприклад, місце для крісла колісного, жестова мова, індукційна петля для слухових апаратів або усний перекладач.
field-consent = Я погоджуюся на обробку моїх даних для цієї реєстрації.
register-submit = Зареєструватися
register-submit-waitlist = Записатися до списку очікування
register-duplicate = Ви вже зареєстровані на цей захід із цією адресою електронної пошти.
register-duplicate-offer = Ми можемо ще раз надіслати вам посилання на вашу реєстрацію електронною поштою.
register-resend = Надіслати посилання ще раз

## Errors in forms
error-summary = Будь ласка, перевірте введені дані:
error-name-missing = Будь ласка, вкажіть своє імʼя.
error-name-too-long = Імʼя може містити щонайбільше 100 символів.
error-name-no-letter = Імʼя має містити принаймні одну літеру.
error-invalid-characters = Це поле містить недопустимі керівні символи.
error-email-missing = Будь ласка, вкажіть адресу електронної пошти.
error-email-too-long = Адреса електронної пошти задовга.
error-email-invalid = Будь ласка, вкажіть правильну адресу електронної пошти, наприклад name@beispiel.de.
error-organisation-too-long = Назва організації може містити щонайбільше 150 символів.
error-companions-invalid = Будь ласка, вкажіть кількість супровідних осіб цілим числом від 0.
error-companions-too-many = На цей захід не можна привести стільки супровідних осіб.
error-needs-too-long = Будь ласка, напишіть коротше (щонайбільше 1000 символів).
error-consent-missing = Будь ласка, погодьтеся з інформацією про захист даних, інакше ми не зможемо прийняти вашу реєстрацію.
error-language-invalid = Ця мова не підтримується.

## Registration page
registration-title = Ваша реєстрація
registration-thanks = Дякуємо за реєстрацію
registration-confirmed = Вашу реєстрацію підтверджено.
# [1] comes first: exactly one place is for the person alone; "one" also covers 21, 31 …
registration-confirmed-seats = { $count ->
    [1] Для вас зарезервовано 1 місце.
    [one] Для вас і ваших супровідних осіб зарезервовано { $count } місце.
    [few] Для вас і ваших супровідних осіб зарезервовано { $count } місця.
    [many] Для вас і ваших супровідних осіб зарезервовано { $count } місць.
   *[other] Для вас і ваших супровідних осіб зарезервовано { $count } місць.
}
registration-waiting = Ваше місце в списку очікування: { $position }.
registration-waiting-explain = Якщо звільниться місце, ви автоматично його отримаєте, і ми повідомимо вас електронною поштою.
registration-cancelled = Цю реєстрацію скасовано.
registration-details = Ваші дані
registration-registered-at = Дата реєстрації
registration-keep-link = Будь ласка, збережіть це посилання
registration-keep-link-text = За цим особистим посиланням ви можете переглянути свою реєстрацію та скасувати її.
registration-cancel = Скасувати реєстрацію

## Cancelling
cancel-title = Скасувати реєстрацію
cancel-question = Ви справді хочете скасувати реєстрацію на захід «{ $title }» ({ $when })?
cancel-explain = Тоді ваше місце отримає наступна людина зі списку очікування.
cancel-confirm = Так, скасувати реєстрацію
cancel-keep = Ні, залишити реєстрацію

## Resending the link
resent-title = Посилання вже надсилається
resent-text = Якщо з адресою { $email } є реєстрація на цей захід, ми зараз надішлемо туди посилання електронною поштою.

## Privacy
privacy-title = Інформація про захист даних
privacy-what-heading = Які дані ми зберігаємо
privacy-what = Для реєстрації ми зберігаємо ваше імʼя, адресу електронної пошти, за вашим бажанням – вашу організацію та побажання щодо доступності, кількість супровідних осіб, вибрану мову, а також час вашої згоди й версію цієї інформації, з якою ви погодилися.
privacy-why-heading = Для чого
privacy-why = Ми використовуємо ці дані лише для того, щоб спланувати захід, пропустити вас на нього та повідомити вас про зміни. Ми не передаємо їх третім особам і не використовуємо трекерів.
privacy-how-long-heading = Як довго
privacy-how-long = Ваші особисті дані видаляються через 30 днів після заходу. Залишається лише кількість учасників.
privacy-rights-heading = Ваші права
privacy-rights = Ви можете будь-коли скасувати свою реєстрацію за особистим посиланням. Щоб отримати відомості про свої дані, виправити чи видалити їх, зверніться до організатора; його контакти вказано на сторінці заходу.
privacy-version = Редакція від { $version }

## Error pages
error-400-title = Запит незрозумілий
error-400-text = Не вдалося прочитати запит. Будь ласка, спробуйте ще раз через форму.
error-404-title = Не знайдено
error-404-text = Такої сторінки немає (або вже немає). Можливо, захід видалено або посилання неповне.
error-405-title = Не дозволено
error-405-text = Ця дія неможлива за цією адресою.
error-413-title = Забагато даних
error-413-text = Надіслані дані завеликі. Будь ласка, скоротіть введений текст.
error-415-title = Формат не підтримується
error-415-text = Запит має формат, який ми не обробляємо.
error-422-title = Не вдалося прочитати дані
error-422-text = Не вдалося прочитати надіслані дані. Будь ласка, спробуйте ще раз через форму.
error-503-title = Тимчасово недоступно
error-503-text = Сервіс зараз недоступний. Будь ласка, спробуйте ще раз за кілька хвилин. Дані, які ви вже ввели, не втрачено.
error-other-title = Сталася помилка
error-other-text = На жаль, щось пішло не так. Будь ласка, спробуйте ще раз.

## Calendar
calendar-heading = Додати до календаря
calendar-download = Завантажити подію (.ics, для Outlook, Apple і Thunderbird)
calendar-google = Додати до Google Календаря
calendar-outlook = Додати до Outlook.com
calendar-subscribe-heading = Підписатися на календар
calendar-subscribe-explain = Підписка додає всі заходи до вашого календаря й підтримує їх в актуальному стані: якщо захід перенесуть або скасують, ви побачите це у своєму календарі після наступного оновлення (зазвичай протягом кількох годин). Ви можете будь-коли видалити підписку у своїй програмі-календарі.
calendar-subscribe-series = Усі заходи серії «{ $name }»
calendar-subscribe-category = Усі заходи на тему «{ $name }»
calendar-subscribe-all = Усі заходи
calendar-in-app = підписатися в програмі-календарі
calendar-address = адреса для копіювання
feed-name-all = Treffpunkt: усі заходи
feed-name-category = Treffpunkt: { $name }
feed-name-series = Treffpunkt: { $name }
feed-name-one = { $name }
feed-name-private = Treffpunkt: мої заходи
feed-description = Відкриті заходи з реєстрацією. Зміни та скасування зʼявляються автоматично.
feed-cancelled-prefix = СКАСОВАНО:
feed-private-counts = Реєстрації: підтверджено місць – { $confirmed }, у списку очікування – { $waiting }, пропущено на вхід – { $checked }.

## Mails to registrants
mail-hello = Доброго дня, { $name }!
mail-manage = Переглянути або скасувати реєстрацію:
mail-questions = Маєте запитання? { $office } охоче допоможе.
mail-automatic = Цей лист надіслано автоматично. Він не містить пікселів відстеження.
mail-verify-link = Будь ласка, підтвердьте свою реєстрацію тут:
mail-verify-button = Підтвердити реєстрацію
mail-confirmed-subject = Реєстрацію підтверджено: { $title }
mail-confirmed-body = Вашу реєстрацію підтверджено. { $seats ->
    [1] Для вас зарезервовано 1 місце.
    [one] Для вас і ваших супровідних осіб зарезервовано { $seats } місце.
    [few] Для вас і ваших супровідних осіб зарезервовано { $seats } місця.
    [many] Для вас і ваших супровідних осіб зарезервовано { $seats } місць.
   *[other] Для вас і ваших супровідних осіб зарезервовано { $seats } місць.
} Подію для вашого календаря ви знайдете у вкладенні.
mail-waiting-subject = Список очікування: { $title }
mail-waiting-body = Усі місця зайнято. Ваше місце в списку очікування: { $position }. Якщо звільниться місце, ви автоматично його отримаєте, і ми повідомимо вас електронною поштою.
mail-promoted-subject = Для вас звільнилося місце: { $title }
mail-promoted-body = Гарна новина: звільнилося місце. Вашу реєстрацію тепер підтверджено. Подію для вашого календаря ви знайдете у вкладенні.
mail-cancelled-subject = Реєстрацію скасовано: { $title }
mail-cancelled-body = { $by ->
    [office] Організатор скасував вашу реєстрацію.
   *[other] Вашу реєстрацію скасовано. Дякуємо, що звільнили своє місце.
}
mail-changed-subject = Зміни в заході: { $title }
mail-changed-body = У заході відбулися зміни. Будь ласка, зверніть увагу на новий час або нове місце нижче. Ваша реєстрація залишається чинною; подія в календарі у вкладенні замінює попередню.
mail-event_cancelled-subject = Скасовано: { $title }
mail-event_cancelled-body = На жаль, захід скасовано. Причина: { $reason }
    Подія в календарі у вкладенні позначає захід як скасований.
mail-reminder-subject = Нагадування: { $title }
mail-reminder-body = Ми чекаємо на вас. Нижче ще раз час і місце. Якщо ви не зможете прийти, будь ласка, скасуйте реєстрацію, щоб хтось зі списку очікування міг отримати ваше місце.
mail-management_link-subject = Ваше посилання на реєстрацію: { $title }
mail-management_link-body = Ось ще раз ваше особисте посилання на реєстрацію. За ним ви можете переглянути свою реєстрацію та скасувати її.
mail-opt_in-subject = Будь ласка, підтвердьте: { $title }
mail-opt_in-body = Будь ласка, підтвердьте свою реєстрацію за посиланням нижче. Термін: { $deadline }. Якщо ви не підтвердите її вчасно, ваше місце буде звільнено.
verify-title = Підтвердити реєстрацію
verify-explain = Будь ласка, підтвердьте, що це ви зареєструвалися. Лише після цього місце буде закріплено за вами.
verify-submit = Так, підтвердити реєстрацію
verify-done = Вашу реєстрацію вже підтверджено.
verify-too-late = Термін для підтвердження минув; місце звільнено. Ви можете зареєструватися знову, якщо ще є вільні місця.
registration-verify-needed = Будь ласка, підтвердьте реєстрацію за посиланням у листі, який ми вам надіслали. Інакше місце буде звільнено.

## Door and tickets
door-title = Вхід
door-welcome = Ласкаво просимо, { $name }! { $party ->
    [1] 1 особа.
    [one] Група з { $party } особи.
   *[other] Група з { $party } осіб.
}
door-welcome-short = Ласкаво просимо
door-already = { $name }: вхід уже відмічено о { $time } на пристрої «{ $device }».
door-already-short = вхід уже відмічено о
door-welcome-again = Уже показано: вхід відмічено на цьому пристрої о { $time }.
door-cancelled = { $name }: реєстрацію скасовано. Квиток більше не дійсний.
door-cancelled-short = реєстрацію скасовано, квиток недійсний
door-waiting = { $name }: у списку очікування, місця ще немає.
door-waiting-short = у списку очікування, місця ще немає
door-unconfirmed = { $name }: реєстрацію не підтверджено електронною поштою.
door-wrong-meeting = Цей квиток дійсний на інший захід.
door-invalid = Недійсний квиток.
door-unknown = Квитка немає в списку цього пристрою.
door-full = Усі місця зайнято. Пропускати понад кількість місць можна лише з окремого дозволу.
door-offline = Немає зʼєднання. Вхід триває; очікують синхронізації: {"{"}n{"}"}.
door-offline-welcome = Ласкаво просимо, {"{"}name{"}"} ({"{"}party{"}"}) – перевірено без зʼєднання
door-conflict = Синхронізація: {"{"}name{"}"} уже пропущено на пристрої «{"{"}device{"}"}».
door-counters = пропущено / підтверджено / місць
door-scan = Сканувати квиток
door-camera = Зображення з камери для сканування квитків
door-camera-error = Камера недоступна. Будь ласка, скористайтеся пошуком за імʼям.
door-undo = Скасувати останній вхід
door-next = Далі
door-search = Пошук за імʼям
door-search-label = Імʼя або електронна пошта
door-search-go = Шукати
door-let-in = Пропустити
door-party = осіб
door-party-n = { $party ->
    [one] { $party } особа
    [few] { $party } особи
    [many] { $party } осіб
   *[other] { $party } осіб
}
door-walk-in = Прийшли без реєстрації
door-walk-in-submit = Записати й пропустити
door-override = Пропустити понад кількість місць (записується в журнал)
door-device = Цей пристрій
door-device-name = Назва пристрою
door-device-default = Пристрій {"{"}code{"}"}
door-pin = PIN-код для входу
door-pin-go = Відкрити вхід
door-pin-wrong = Цей PIN-код недійсний (або вже недійсний).
door-pin-meeting = Номер заходу
door-pin-meeting-hint = Номер указано поруч із PIN-кодом, який ви отримали від організатора.
door-pin-meeting-missing = Будь ласка, введіть номер заходу.
door-pin-too-many = Забагато неправильних PIN-кодів з цього з’єднання або загалом. Спробуйте ще раз через { $minutes ->
    [one] { $minutes } хвилину
    [few] { $minutes } хвилини
    [many] { $minutes } хвилин
   *[other] { $minutes } хвилини
}. Посилання для входу й надалі працює.
door-links = Вхід
door-links-explain = Посилання для входу відкриває сторінку входу на цей захід на телефоні без облікового запису. Або відкрийте { $pin_url } і введіть номер заходу ({ $number }) та восьмизначний PIN-код. Посилання дійсні до наступного дня після заходу, і їх можна заблокувати.
door-open-myself = Відкрити вхід самостійно
door-label = Назва (напр., Північний вхід)
door-create = Створити посилання для входу
door-revoke = Заблокувати
door-valid-until = дійсне до: { $at }
door-default-label = Вхід
ticket-title = Ваш квиток
ticket-show = Показати квиток
ticket-qr-label = QR-код вашого квитка
ticket-explain = Покажіть цей код на вході – на телефоні або роздрукованим.
ticket-waiting = Ви в списку очікування. Квиток ви отримаєте, щойно для вас звільниться місце.
ticket-revoked = Цю реєстрацію скасовано; квиток більше не дійсний.
door-expired = Захід уже закінчився; квиток більше не дійсний.
door-app-name = Treffpunkt – вхід
door-nonce-too-long = Ідентифікатор сканування (nonce) задовгий: щонайбільше 100 символів.
door-not-json = Будь ласка, надсилайте JSON (Content-Type: application/json).
door-token-missing = Ця сторінка входу більше не дійсна. Будь ласка, перезавантажте сторінку, увійдіть знову або ще раз відкрийте посилання для входу.
door-locked-out = Доступу до входу більше немає: будь ласка, увійдіть знову або ще раз відкрийте посилання для входу. {"{"}n{"}"} відміток про вхід залишаються на цьому пристрої й синхронізуються згодом.
door-not-sent = Не надіслано: сервер зараз недоступний. Будь ласка, спробуйте ще раз за мить.
pages = Сторінки
pages-previous = Попередні заходи
pages-next = Наступні заходи
door-verdict-ok = Вхід дозволено
door-verdict-bad = Вхід не дозволено
door-status-confirmed = підтверджено
door-status-waiting = список очікування
door-status-cancelled = скасовано
