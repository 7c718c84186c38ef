site-name = Treffpunkt – نشست‌ها و ثبت‌نام
skip-to-content = رفتن به محتوای اصلی
language-switch = انتخاب زبان
privacy-link = اطلاعات حفاظت از داده‌ها
footer-api = رابط برنامه‌نویسی برای توسعه‌دهندگان (OpenAPI)
back-to-event = بازگشت به نشست
back-to-list = همهٔ نشست‌ها

## Dates
# Gregorian calendar (the meetings are in Germany), Persian month names, Latin digits like
# the times, phone numbers and addresses around them.
date-long = { $weekday }، { $day } { $month } { $year }
datetime-span = { $date }، از ساعت { $start } تا ساعت { $end }
datetime-span-days = از { $startdate }، ساعت { $start } تا { $enddate }، ساعت { $end }
weekday-1 = دوشنبه
weekday-2 = سه‌شنبه
weekday-3 = چهارشنبه
weekday-4 = پنج‌شنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
month-1 = ژانویه
month-2 = فوریه
month-3 = مارس
month-4 = آوریل
month-5 = مه
month-6 = ژوئن
month-7 = ژوئیه
month-8 = اوت
month-9 = سپتامبر
month-10 = اکتبر
month-11 = نوامبر
month-12 = دسامبر

## List of meetings
index-title = نشست‌ها
index-intro = نشست‌های عمومی ادارهٔ شهرستان (Landratsamt) و شهرداری‌ها. لطفاً ثبت‌نام کنید تا بتوانیم به‌خوبی برنامه‌ریزی کنیم.
index-empty = در حال حاضر هیچ نشستی اعلام نشده است.
filter-category = موضوع
filter-all = همهٔ موضوع‌ها
filter-apply = نمایش

## Availability
# Persian nouns stay singular after a number; the CLDR "one" class also holds 0, so
# messages name the number instead of saying "یک".
availability-free = { $count } جای خالی باقی مانده است
availability-unlimited = جای خالی وجود دارد
availability-waiting-list = فهرست انتظار
availability-full = همهٔ جاها پر است
availability-cancelled = لغو شد
availability-not-yet-open = ثبت‌نام هنوز آغاز نشده است
availability-closed = ثبت‌نام بسته شده است
closed-full = ظرفیت این نشست تکمیل است. فهرست انتظار وجود ندارد.
closed-cancelled = این نشست لغو شده است. امکان ثبت‌نام وجود ندارد.
closed-not-yet-open = ثبت‌نام هنوز آغاز نشده است.
closed-over = ثبت‌نام بسته شده است.

## One meeting
event-cancelled = این نشست لغو شده است.
event-when = زمان
event-where = مکان
event-office = برگزارکننده
event-contact = شخص رابط
event-phone = تلفن
event-email = ایمیل
event-category = موضوع
event-series = مجموعه
event-places = جاها
event-capacity = در مجموع { $count } جا
event-waiting = { $count } نفر در فهرست انتظار
event-window = مهلت ثبت‌نام
event-opens = آغاز ثبت‌نام: { $at }
event-closes = پایان ثبت‌نام: { $at }
event-about = دربارهٔ این نشست

## Registration form
register-heading = ثبت‌نام
register-waitlist-heading = ثبت‌نام در فهرست انتظار
register-waitlist-explain = همهٔ جاها پر شده است. می‌توانید نام خود را در فهرست انتظار ثبت کنید. هر وقت جایی خالی شود، افراد به ترتیب ثبت‌نام و به‌طور خودکار جا می‌گیرند و با ایمیل باخبر می‌شوند.
form-required-hint = پر کردن خانه‌هایی که با * مشخص شده‌اند الزامی است.
field-name = نام و نام خانوادگی
field-email = نشانی ایمیل
field-email-help = تأییدیه و پیوند مدیریت ثبت‌نام را به این نشانی می‌فرستیم.
field-organisation = سازمان (اختیاری)
field-companions = همراهان
field-companions-help = چند نفر همراه شما می‌آیند؟ حداکثر { $max } نفر.
field-needs = دسترس‌پذیری (اختیاری)
field-needs-help = برای نمونه جای ویلچر، زبان اشاره، حلقهٔ القایی برای سمعک یا مترجم شفاهی.
field-consent = موافقم که اطلاعات من برای این ثبت‌نام پردازش شود.
register-submit = ثبت‌نام
register-submit-waitlist = ثبت‌نام در فهرست انتظار
register-duplicate = شما با این نشانی ایمیل قبلاً برای این نشست ثبت‌نام کرده‌اید.
register-duplicate-offer = می‌توانیم پیوند ثبت‌نامتان را دوباره برایتان ایمیل کنیم.
register-resend = فرستادن دوبارهٔ پیوند

## Errors in forms
error-summary = لطفاً اطلاعات واردشده را بررسی کنید:
error-name-missing = لطفاً نام خود را وارد کنید.
error-name-too-long = نام حداکثر می‌تواند 100 نویسه داشته باشد.
error-name-no-letter = نام باید دست‌کم یک حرف داشته باشد.
error-invalid-characters = این خانه نویسه‌های کنترلی غیرمجاز دارد.
error-email-missing = لطفاً نشانی ایمیل خود را وارد کنید.
error-email-too-long = نشانی ایمیل بیش از حد طولانی است.
error-email-invalid = لطفاً یک نشانی ایمیل معتبر وارد کنید، برای نمونه name@example.org.
error-organisation-too-long = نام سازمان حداکثر می‌تواند 150 نویسه داشته باشد.
error-companions-invalid = لطفاً تعداد همراهان را به‌صورت یک عدد صحیح از 0 به بالا وارد کنید.
error-companions-too-many = برای این نشست نمی‌توانید این تعداد همراه بیاورید.
error-needs-too-long = لطفاً کوتاه‌تر بنویسید (حداکثر 1000 نویسه).
error-consent-missing = لطفاً با اطلاعات حفاظت از داده‌ها موافقت کنید، وگرنه نمی‌توانیم ثبت‌نام شما را بپذیریم.
error-language-invalid = این زبان پشتیبانی نمی‌شود.

## Registration page
registration-title = ثبت‌نام شما
registration-thanks = از ثبت‌نام شما سپاسگزاریم
registration-confirmed = ثبت‌نام شما تأیید شد.
registration-confirmed-seats = { $count ->
    [1] یک جا برای شما رزرو شده است.
   *[other] { $count } جا برای شما و همراهانتان رزرو شده است.
}
registration-waiting = شما در فهرست انتظار در ردیف { $position } هستید.
registration-waiting-explain = هر وقت جایی خالی شود، به‌طور خودکار جا می‌گیرید و با ایمیل باخبر می‌شوید.
registration-cancelled = این ثبت‌نام لغو شده است.
registration-details = اطلاعات شما
registration-registered-at = تاریخ ثبت‌نام
registration-keep-link = لطفاً این پیوند را نگه دارید
registration-keep-link-text = با این پیوند شخصی می‌توانید ثبت‌نام خود را ببینید و لغو کنید.
registration-cancel = لغو ثبت‌نام

## Cancelling
cancel-title = لغو ثبت‌نام
cancel-question = آیا واقعاً می‌خواهید ثبت‌نام خود را برای «{ $title }» در { $when } لغو کنید؟
cancel-explain = در این صورت جای شما به نفر بعدی فهرست انتظار می‌رسد.
cancel-confirm = بله، ثبت‌نامم را لغو کنید
cancel-keep = نه، ثبت‌نامم بماند

## Resending the link
resent-title = پیوند در راه است
resent-text = اگر { $email } برای این نشست ثبت‌نام کرده باشد، همین حالا پیوند را به آن نشانی ایمیل می‌کنیم.

## Privacy
privacy-title = اطلاعات حفاظت از داده‌ها
privacy-what-heading = چه اطلاعاتی را نگه می‌داریم
privacy-what = برای هر ثبت‌نام این اطلاعات را نگه می‌داریم: نام شما، نشانی ایمیل، در صورت تمایل سازمان شما و نیازهای دسترس‌پذیری، تعداد همراهان، زبانی که انتخاب کرده‌اید، و اینکه چه زمانی با کدام نسخهٔ این اطلاعیه موافقت کرده‌اید.
privacy-why-heading = برای چه
privacy-why = این اطلاعات را فقط برای برنامه‌ریزی نشست، پذیرش شما در ورودی و خبر دادن دربارهٔ تغییرات به کار می‌بریم. آن‌ها را به کسی نمی‌دهیم و از هیچ ابزار ردیابی استفاده نمی‌کنیم.
privacy-how-long-heading = تا چه مدت
privacy-how-long = اطلاعات شخصی شما 30 روز پس از نشست پاک می‌شود. فقط تعداد شرکت‌کنندگان باقی می‌ماند.
privacy-rights-heading = حقوق شما
privacy-rights = هر زمان که بخواهید می‌توانید با پیوند شخصی خود ثبت‌نامتان را لغو کنید. برای آگاهی از اطلاعات خود، اصلاح یا پاک کردن آن‌ها، با برگزارکننده‌ای که در صفحهٔ نشست نام برده شده است تماس بگیرید.
privacy-version = نسخهٔ { $version }

## Error pages
error-400-title = درخواست قابل فهم نیست
error-400-text = درخواست خوانده نشد. لطفاً دوباره از طریق فرم امتحان کنید.
error-404-title = پیدا نشد
error-404-text = این صفحه وجود ندارد (یا دیگر وجود ندارد). شاید نشست حذف شده یا پیوند ناقص است.
error-405-title = مجاز نیست
error-405-text = این کار در این نشانی امکان‌پذیر نیست.
error-409-title = امکان‌پذیر نیست
error-409-text = این کار در حال حاضر امکان‌پذیر نیست.
error-413-title = داده‌ها بیش از حد زیاد است
error-413-text = آنچه فرستاده‌اید بیش از حد بزرگ است. لطفاً نوشتهٔ خود را کوتاه‌تر کنید.
error-415-title = این قالب پشتیبانی نمی‌شود
error-415-text = درخواست قالبی دارد که ما آن را پردازش نمی‌کنیم.
error-422-title = اطلاعات خوانده نشد
error-422-text = آنچه فرستاده‌اید خوانده نشد. لطفاً دوباره از طریق فرم امتحان کنید.
error-503-title = موقتاً در دسترس نیست
error-503-text = این سرویس در حال حاضر در دسترس نیست. لطفاً چند دقیقهٔ دیگر دوباره امتحان کنید. آنچه قبلاً ثبت کرده‌اید از بین نرفته است.
error-other-title = مشکلی پیش آمد
error-other-text = متأسفیم، این کار انجام نشد. لطفاً دوباره امتحان کنید.

## Calendar
calendar-heading = افزودن به تقویم
calendar-download = دریافت تاریخ (فایل .ics برای Outlook، Apple و Thunderbird)
calendar-google = افزودن به Google Calendar
calendar-outlook = افزودن به Outlook.com
calendar-subscribe-heading = اشتراک تقویم
calendar-subscribe-explain = با اشتراک، همهٔ تاریخ‌ها به تقویم شما افزوده می‌شوند و به‌روز می‌مانند: اگر نشستی جابه‌جا یا لغو شود، تقویم شما پس از به‌روزرسانی بعدی (معمولاً ظرف چند ساعت) آن را نشان می‌دهد. هر زمان بخواهید می‌توانید اشتراک را در برنامهٔ تقویم خود حذف کنید.
calendar-subscribe-series = همهٔ تاریخ‌های مجموعهٔ «{ $name }»
calendar-subscribe-category = همهٔ نشست‌ها با موضوع «{ $name }»
calendar-subscribe-all = همهٔ نشست‌ها
calendar-in-app = اشتراک در برنامهٔ تقویم
calendar-address = نشانی برای کپی کردن
feed-name-all = Treffpunkt: همهٔ نشست‌ها
feed-name-category = Treffpunkt: { $name }
feed-name-series = Treffpunkt: { $name }
feed-name-one = { $name }
feed-name-private = Treffpunkt: نشست‌های من
feed-description = نشست‌های عمومی با ثبت‌نام. تغییرات و لغوها خودکار نمایش داده می‌شوند.
feed-cancelled-prefix = لغو شد:
feed-private-counts = ثبت‌نام‌ها: { $confirmed } جای تأییدشده، { $waiting } نفر در فهرست انتظار، { $checked } نفر واردشده.

## Mails to registrants
mail-hello = { $name } گرامی،
mail-manage = دیدن یا لغو ثبت‌نام:
mail-questions = پرسشی دارید؟ { $office } با کمال میل به شما کمک می‌کند.
mail-automatic = این ایمیل به‌طور خودکار فرستاده شده است. هیچ پیکسل ردیابی ندارد.
mail-verify-link = لطفاً ثبت‌نام خود را اینجا تأیید کنید:
mail-verify-button = تأیید ثبت‌نام
mail-confirmed-subject = ثبت‌نام تأیید شد: { $title }
mail-confirmed-body = ثبت‌نام شما تأیید شد. { $seats ->
    [1] یک جا برای شما رزرو شده است.
   *[other] { $seats } جا برای شما و همراهانتان رزرو شده است.
} تاریخ نشست برای تقویم شما پیوست شده است.
mail-waiting-subject = فهرست انتظار: { $title }
mail-waiting-body = همهٔ جاها پر شده است. شما در فهرست انتظار در ردیف { $position } هستید. هر وقت جایی خالی شود، به‌طور خودکار جا می‌گیرید و با ایمیل باخبر می‌شوید.
mail-promoted-subject = برای شما جا باز شد: { $title }
mail-promoted-body = خبر خوب: جایی خالی شده است. ثبت‌نام شما اکنون تأیید شده است. تاریخ نشست برای تقویم شما پیوست شده است.
mail-cancelled-subject = ثبت‌نام لغو شد: { $title }
mail-cancelled-body = { $by ->
    [office] برگزارکننده ثبت‌نام شما را لغو کرده است.
   *[other] ثبت‌نام شما لغو شد. سپاسگزاریم که جای خود را آزاد کردید.
}
mail-changed-subject = تغییر در نشست: { $title }
mail-changed-body = نشست تغییر کرده است. لطفاً به زمان یا مکان تازه در پایین توجه کنید. ثبت‌نام شما پابرجاست؛ رویداد تقویم پیوست‌شده جای رویداد قبلی را می‌گیرد.
mail-changed-waiting-body = نشستی که در فهرست انتظار آن هستید تغییر کرده است. لطفاً به زمان و مکان در پایین توجه کنید. شما همچنان در ردیف { $position } فهرست انتظار هستید. هر وقت جایی خالی شود، به‌طور خودکار جا می‌گیرید و ایمیلی همراه با رویداد تقویم دریافت می‌کنید. اگر نشست تغییریافته دیگر برایتان مناسب نیست، می‌توانید با پیوند پایین از فهرست انتظار خارج شوید.
mail-event_cancelled-subject = لغو شد: { $title }
mail-event_cancelled-body = متأسفانه این نشست لغو شده است. دلیل: { $reason }
    رویداد تقویم پیوست‌شده این تاریخ را لغوشده نشان می‌دهد.
mail-event_cancelled-waiting-body = متأسفانه نشستی که در فهرست انتظار آن هستید لغو شده است. دلیل: { $reason }
    فهرست انتظار هم با آن به پایان می‌رسد؛ لازم نیست کاری انجام دهید.
mail-reminder-subject = یادآوری: { $title }
mail-reminder-body = از دیدار شما خوشحال می‌شویم. زمان و مکان را یک بار دیگر در پایین می‌بینید. اگر نمی‌توانید بیایید، لطفاً ثبت‌نام خود را لغو کنید تا فردی از فهرست انتظار بتواند جای شما را بگیرد.
mail-management_link-subject = پیوند ثبت‌نام شما: { $title }
mail-management_link-body = پیوند شخصی ثبت‌نامتان را یک بار دیگر برایتان می‌فرستیم. با آن می‌توانید ثبت‌نام خود را ببینید و لغو کنید.
mail-opt_in-subject = لطفاً تأیید کنید: { $title }
mail-opt_in-body = لطفاً ثبت‌نام خود را تا { $deadline } با پیوند پایین تأیید کنید. در غیر این صورت جای شما آزاد می‌شود.
verify-title = تأیید ثبت‌نام
verify-explain = لطفاً تأیید کنید که ثبت‌نام کرده‌اید. فقط پس از آن جای شما قطعی است.
verify-submit = بله، ثبت‌نامم را تأیید می‌کنم
verify-done = ثبت‌نام شما قبلاً تأیید شده است.
verify-too-late = مهلت تأیید گذشته است و جای شما آزاد شد. اگر جای خالی باشد، می‌توانید دوباره ثبت‌نام کنید.
registration-unconfirmed = ثبت‌نام شما هنوز تأیید نشده است.
registration-unconfirmed-explain = لطفاً ثبت‌نام خود را تا { $deadline } با پیوندی که در ایمیل برایتان فرستادیم تأیید کنید. تا آن زمان جای شما را نگه می‌داریم؛ بدون تأیید شما، جا آزاد می‌شود.
registration-waiting-unconfirmed = لطفاً ثبت‌نام خود را تا { $deadline } با پیوندی که در ایمیل برایتان فرستادیم تأیید کنید. بدون تأیید شما، ثبت‌نام باطل می‌شود و از فهرست انتظار خارج می‌شوید.
registration-event-cancelled = به همین دلیل ثبت‌نام و بلیت شما دیگر معتبر نیست. لطفاً به نشست نیایید.
ticket-event-cancelled = این بلیت معتبر نیست: نشست برگزار نمی‌شود.
ticket-unconfirmed = پس از تأیید ثبت‌نام با پیوند داخل ایمیل، بلیت خود را دریافت می‌کنید. بدون تأیید شما، جا آزاد می‌شود.
registration-mail-heading = یادآوری با ایمیل
registration-mail-on = پیش از نشست یک یادآوری برایتان می‌فرستیم و پیام‌های برگزارکنندگان با ایمیل به شما می‌رسد. تغییرات نشست و لغو آن همیشه به شما اطلاع داده می‌شود.
registration-mail-off = شما دریافت یادآوری‌ها و پیام‌های برگزارکنندگان را لغو کرده‌اید. ثبت‌نام شما همان‌طور که هست باقی می‌ماند؛ تغییرات نشست و لغو آن همچنان به شما اطلاع داده می‌شود.
registration-mail-turn-off = لغو دریافت یادآوری‌ها
registration-mail-turn-on = دریافت دوبارهٔ یادآوری‌ها
door-status-unconfirmed = تأییدنشده
door-unconfirmed-short = ثبت‌نام با ایمیل تأیید نشده است، ورود ممکن نیست
mail-opt_in_waiting-subject = لطفاً تأیید کنید (فهرست انتظار): { $title }
mail-opt_in_waiting-body = همهٔ جاها پر شده است؛ شما در ردیف { $position } فهرست انتظار هستید. لطفاً ثبت‌نام خود را تا { $deadline } با پیوند پایین تأیید کنید، وگرنه باطل می‌شود. هر وقت جایی خالی شود، به‌طور خودکار جا می‌گیرید و با ایمیل باخبر می‌شوید.
mail-promoted_unconfirmed-subject = برای شما جا باز شد – لطفاً تأیید کنید: { $title }
mail-promoted_unconfirmed-body = خبر خوب: جایی برای شما خالی شده است. لطفاً ثبت‌نام خود را تا { $deadline } با پیوند پایین تأیید کنید، وگرنه جا دوباره آزاد می‌شود. پس از تأیید، بلیت خود را دریافت می‌کنید.

## Door and tickets
door-title = ورود
door-welcome = خوش آمدید، { $name }! { $party ->
    [1] 1 نفر.
   *[other] گروه { $party } نفره.
}
door-welcome-short = خوش آمدید
door-already = ورود { $name } قبلاً ثبت شده است: ساعت { $time } روی دستگاه «{ $device }».
door-already-short = ورود قبلاً ثبت شده، ساعت
door-welcome-again = قبلاً نشان داده شد: ورود ساعت { $time } روی همین دستگاه ثبت شد.
door-cancelled = { $name }: ثبت‌نام لغو شده است. بلیت دیگر معتبر نیست.
door-cancelled-short = ثبت‌نام لغو شده، بلیت معتبر نیست
door-waiting = { $name } در فهرست انتظار است و هنوز جا ندارد.
door-waiting-short = در فهرست انتظار، هنوز بدون جا
door-unconfirmed = { $name } ثبت‌نام خود را با ایمیل تأیید نکرده است.
door-wrong-meeting = این بلیت برای نشست دیگری است.
door-invalid = بلیت معتبر نیست.
door-unknown = این بلیت در فهرست این دستگاه نیست.
door-full = همهٔ جاها پر است. فقط با اجازهٔ صریح برای ورود بیش از ظرفیت.
door-offline = اتصال برقرار نیست. ثبت ورود ادامه دارد؛ ورودهای در انتظار همگام‌سازی: {"{"}n{"}"}.
door-offline-welcome = خوش آمدید، {"{"}name{"}"} ({"{"}party{"}"}) – بدون اتصال بررسی شد
door-conflict = همگام‌سازی: ورود {"{"}name{"}"} قبلاً روی دستگاه «{"{"}device{"}"}» ثبت شده بود.
door-counters = واردشده / تأییدشده / جاها
door-verdict-ok = اجازهٔ ورود
door-verdict-bad = اجازهٔ ورود ندارد
door-status-confirmed = تأییدشده
door-status-waiting = فهرست انتظار
door-status-cancelled = لغوشده
door-scan = اسکن بلیت
door-camera = تصویر دوربین برای اسکن بلیت‌ها
door-camera-error = دوربین در دسترس نیست. لطفاً از جست‌وجو با نام استفاده کنید.
door-undo = لغو آخرین ورود
door-next = بعدی
door-search = جست‌وجو با نام
door-search-label = نام یا ایمیل
door-search-go = جست‌وجو
door-let-in = اجازهٔ ورود
door-party = نفر
door-party-n = { $party } نفر
door-walk-in = بدون ثبت‌نام آمده است
door-walk-in-submit = افزودن و اجازهٔ ورود
door-override = ورود بیش از ظرفیت هم مجاز است (ثبت می‌شود)
door-device = این دستگاه
door-device-name = نام دستگاه
door-device-default = دستگاه {"{"}code{"}"}
door-pin = PIN ورود
door-pin-go = باز کردن صفحهٔ ورود
checkin-denied-title = دسترسی به صفحهٔ ورود ندارید
checkin-denied-text = این صفحهٔ ورود فقط با پیوند ورودی یا PIN همین نشست، یا پس از ورود با حساب کاربری ادارهٔ برگزارکننده باز می‌شود.
checkin-denied-pin = وارد کردن PIN ورود
checkin-denied-login = ورود به حساب (برگزارکنندگان و کارکنان ورودی)
door-pin-wrong = این PIN معتبر نیست (یا دیگر معتبر نیست).
door-pin-meeting = شمارهٔ نشست
door-pin-meeting-hint = این شماره کنار PIN که از برگزارکننده گرفته‌اید نوشته شده است.
door-pin-meeting-missing = لطفاً شمارهٔ نشست را وارد کنید.
door-pin-too-many = از این اتصال یا در مجموع، PIN نادرست بیش از حد وارد شده است. لطفاً { $minutes } دقیقهٔ دیگر دوباره امتحان کنید. پیوند ورود همچنان کار می‌کند.
door-links = ورود
door-links-explain = پیوند ورود، صفحهٔ ورود این نشست را بدون حساب کاربری روی تلفن همراه باز می‌کند. یا { $pin_url } را باز کنید و شمارهٔ نشست ({ $number }) و PIN هشت‌رقمی را وارد کنید. پیوندها تا روز پس از نشست معتبرند و می‌توان آن‌ها را باطل کرد.
door-open-myself = خودم صفحهٔ ورود را باز می‌کنم
door-label = عنوان (مثلاً ورودی شمالی)
door-create = ساختن پیوند ورود
door-revoke = باطل کردن
door-valid-until = معتبر تا { $at }
door-default-label = ورودی
ticket-title = بلیت شما
ticket-show = نمایش بلیت
ticket-qr-label = کد QR بلیت شما
ticket-explain = این کد را در ورودی، روی تلفن همراه یا به‌صورت چاپی، نشان دهید.
ticket-waiting = شما در فهرست انتظار هستید. وقتی جا باز شود، بلیت خود را دریافت می‌کنید.
ticket-revoked = این ثبت‌نام لغو شده است؛ بلیت دیگر معتبر نیست.
door-expired = نشست به پایان رسیده است؛ بلیت دیگر معتبر نیست.
door-app-name = Treffpunkt – ثبت ورود
door-nonce-too-long = شناسهٔ اسکن (nonce) بیش از حد طولانی است: حداکثر 100 نویسه.
door-not-json = لطفاً JSON بفرستید (Content-Type: application/json).
door-token-missing = این صفحهٔ ورود دیگر معتبر نیست. لطفاً صفحه را دوباره بارگذاری کنید، دوباره وارد حساب شوید یا پیوند ورود را دوباره باز کنید.
door-locked-out = دیگر به صفحهٔ ورود دسترسی ندارید: لطفاً دوباره وارد حساب شوید یا پیوند ورود را دوباره باز کنید. ورودهای ذخیره‌شده روی این دستگاه که بعداً همگام‌سازی می‌شوند: {"{"}n{"}"}.
door-not-sent = فرستاده نشد: در حال حاضر دسترسی به سرور ممکن نیست. لطفاً کمی بعد دوباره امتحان کنید.
pages = صفحه‌ها
pages-previous = نشست‌های پیشین
pages-next = نشست‌های بیشتر

## Changing one's own registration
change-heading = تغییر ثبت‌نام
change-intro = می‌توانید تعداد همراهان و زبان ایمیل‌ها را تغییر دهید. پس از آن ایمیلی با ثبت‌نام تغییریافته دریافت می‌کنید.
change-intro-answers = می‌توانید تعداد همراهان، پاسخ‌هایتان به پرسش‌ها و زبان ایمیل‌ها را تغییر دهید. پس از آن ایمیلی با ثبت‌نام تغییریافته دریافت می‌کنید.
change-language = زبان ایمیل‌ها
change-submit = ذخیرهٔ تغییرات
change-done = ثبت‌نام شما تغییر کرد. تأییدیه را با ایمیل دریافت می‌کنید.
change-done-waiting = ثبت‌نام شما تغییر کرد و اکنون در فهرست انتظار است. تأییدیه را با ایمیل دریافت می‌کنید.
change-unchanged = چیزی تغییر نکرد.
change-seats-not-free = دیگر جای خالی برای همراهان بیشتر وجود ندارد. ثبت‌نام شما همان‌طور که بود می‌ماند.
change-seats-full = دیگر جای خالی برای همراهان بیشتر وجود ندارد و فهرست انتظار هم نیست. ثبت‌نام شما همان‌طور که بود می‌ماند.
change-waitlist-offer = به جای آن می‌توانید با همهٔ گروه خود در فهرست انتظار ثبت‌نام کنید. در این صورت جاهایی که اکنون دارید آزاد می‌شوند؛ به محض اینکه به اندازهٔ کافی جا خالی شود، به‌طور خودکار جا می‌گیرید و با ایمیل باخبر می‌شوید.
change-waitlist-submit = ثبت‌نام همهٔ گروه در فهرست انتظار
change-language-invalid = لطفاً یکی از زبان‌های پیشنهادشده را انتخاب کنید.
change-cancelled = ثبت‌نام لغوشده دیگر قابل تغییر نیست.
change-past = این ثبت‌نام دیگر قابل تغییر نیست: نشست آغاز شده یا لغو شده است.
change-erased = اطلاعات این ثبت‌نام پاک شده است؛ دیگر قابل تغییر نیست.
mail-registration_changed-subject = ثبت‌نام شما تغییر کرد: { $title }
mail-registration_changed-body = ثبت‌نام شما تغییر کرد و همچنان معتبر است. جاهای رزروشده: { $seats } (شما و { $companions } همراه). دیگر جزئیات را در صفحهٔ ثبت‌نام خود می‌یابید (پیوند در پایین).
mail-registration_changed_waiting-subject = ثبت‌نام شما تغییر کرد: { $title }
mail-registration_changed_waiting-body = ثبت‌نام شما تغییر کرد. شما با { $seats } جا (شما و { $companions } همراه) در فهرست انتظار، در ردیف { $position } هستید. به محض اینکه به اندازهٔ کافی جا خالی شود، به‌طور خودکار جا می‌گیرید و با ایمیل باخبر می‌شوید.

## Confirmation slip (printed by the office, for people without e-mail)
slip-title = تأییدیهٔ ثبت‌نام
slip-name = نام: { $name }
slip-party = تعداد نفرات: { $party }
slip-when = زمان
slip-where = مکان
slip-ticket = بلیت شما
slip-ticket-explain = لطفاً این برگه را همراه بیاورید و کد QR را در ورودی نشان دهید.
slip-cancel = اگر نمی‌توانید بیایید، لطفاً با تلفن لغو کنید: { $phone }
slip-cancel-office = اگر نمی‌توانید بیایید، لطفاً اطلاع دهید: { $office }
slip-pdf = دریافت PDF
mail-via-note = این پیام را دریافت می‌کنید چون { $name } را ثبت‌نام کرده‌اید ({ $via }). لطفاً آن را همراه با بلیت به { $name } برسانید.
