# Modern Standard Arabic. Readers are addressed in the polite plural (يمكنكم، تسجيلكم),
# which also avoids choosing a grammatical gender. Times and numbers use Western digits,
# as the rest of the site does; placeables are isolated (FSI…PDI) by the bundle, so German
# titles and names keep their own direction inside Arabic sentences.
site-name = Treffpunkt – الفعاليات والتسجيل
skip-to-content = الانتقال إلى المحتوى
language-switch = اختيار اللغة
privacy-link = معلومات حماية البيانات
footer-api = واجهة للمطوّرين (OpenAPI)
back-to-event = العودة إلى الفعالية
back-to-list = جميع الفعاليات

## Dates
# No dash between two times: in right-to-left text "18:00–20:00" would show the times swapped.
date-long = { $weekday }، { $day } { $month } { $year }
datetime-span = { $date }، من الساعة { $start } حتى الساعة { $end }
datetime-span-days = من { $startdate }، الساعة { $start } حتى { $enddate }، الساعة { $end }
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## List of meetings
index-title = الفعاليات
index-intro = فعاليات عامة تنظّمها إدارة المقاطعة (Landratsamt) والبلديات. يُرجى التسجيل حتى نتمكّن من التخطيط جيدًا.
index-empty = لا توجد فعاليات معلنة في الوقت الحالي.
filter-category = الموضوع
filter-all = جميع المواضيع
filter-apply = عرض

## Availability
# Arabic plural: zero, one, two, few (3–10), many (11–99), other (100, 101, 102 …).
availability-free = { $count ->
    [zero] لا توجد أماكن شاغرة
    [one] بقي مكان واحد شاغر
    [two] بقي مكانان شاغران
    [few] بقيت { $count } أماكن شاغرة
    [many] بقي { $count } مكانًا شاغرًا
   *[other] بقي { $count } مكان شاغر
}
availability-unlimited = توجد أماكن شاغرة
availability-waiting-list = قائمة الانتظار
availability-full = جميع الأماكن محجوزة
availability-cancelled = أُلغيت
availability-not-yet-open = لم يبدأ التسجيل بعد
availability-closed = التسجيل مغلق
closed-full = جميع أماكن هذه الفعالية محجوزة، ولا توجد قائمة انتظار.
closed-cancelled = أُلغيت هذه الفعالية، ولا يمكن التسجيل فيها.
closed-not-yet-open = لم يبدأ التسجيل بعد.
closed-over = التسجيل مغلق.

## One meeting
event-cancelled = أُلغيت هذه الفعالية.
event-when = الموعد
event-where = المكان
event-office = الجهة المنظِّمة
event-contact = جهة الاتصال
event-phone = الهاتف
event-email = البريد الإلكتروني
event-category = الموضوع
event-series = السلسلة
event-places = الأماكن
event-capacity = { $count ->
    [zero] لا أماكن
    [one] مكان واحد إجمالًا
    [two] مكانان إجمالًا
    [few] { $count } أماكن إجمالًا
    [many] { $count } مكانًا إجمالًا
   *[other] { $count } مكان إجمالًا
}
event-waiting = { $count ->
    [zero] لا أحد في قائمة الانتظار
    [one] شخص واحد في قائمة الانتظار
    [two] شخصان في قائمة الانتظار
    [few] { $count } أشخاص في قائمة الانتظار
    [many] { $count } شخصًا في قائمة الانتظار
   *[other] { $count } شخص في قائمة الانتظار
}
event-window = فترة التسجيل
event-opens = يبدأ التسجيل: { $at }
event-closes = ينتهي التسجيل: { $at }
event-about = عن الفعالية

## Registration form
register-heading = التسجيل
register-waitlist-heading = التسجيل في قائمة الانتظار
register-waitlist-explain = جميع الأماكن محجوزة. يمكنكم التسجيل في قائمة الانتظار. إذا أصبح أحد الأماكن شاغرًا، تحصلون عليه تلقائيًا حسب ترتيب التسجيل، وتصلكم رسالة بالبريد الإلكتروني.
form-required-hint = الحقول المميّزة بعلامة * إلزامية.
field-name = الاسم
field-email = عنوان البريد الإلكتروني
field-email-help = سنرسل إلى هذا العنوان رسالة التأكيد ورابط إدارة تسجيلكم.
field-organisation = المؤسسة (اختياري)
field-companions = المرافقون
field-companions-help = كم شخصًا سيرافقكم؟ الحد الأقصى: { $max }.
field-needs = احتياجات إمكانية الوصول (اختياري)
field-needs-help = مثلًا: مكان لكرسي متحرك، أو لغة الإشارة، أو حلقة سمعية لأجهزة السمع، أو مترجم شفهي.
field-consent = أوافق على معالجة بياناتي لأغراض هذا التسجيل.
register-submit = تأكيد التسجيل
register-submit-waitlist = التسجيل في قائمة الانتظار
register-duplicate = أنتم مسجَّلون بالفعل في هذه الفعالية بعنوان البريد الإلكتروني هذا.
register-duplicate-offer = يمكننا أن نرسل إليكم رابط تسجيلكم مرة أخرى بالبريد الإلكتروني.
register-resend = إرسال الرابط مرة أخرى

## Errors in forms
error-summary = يُرجى التحقق من بياناتكم:
error-name-missing = يُرجى إدخال اسمكم.
error-name-too-long = يجب ألا يزيد الاسم على 100 حرف.
error-name-no-letter = يجب أن يحتوي الاسم على حرف واحد على الأقل.
error-invalid-characters = يحتوي هذا الحقل على رموز تحكّم غير مسموح بها.
error-email-missing = يُرجى إدخال عنوان بريدكم الإلكتروني.
error-email-too-long = عنوان البريد الإلكتروني طويل جدًا.
error-email-invalid = يُرجى إدخال عنوان بريد إلكتروني صحيح، مثل name@beispiel.de
error-organisation-too-long = يجب ألا يزيد اسم المؤسسة على 150 حرفًا.
error-companions-invalid = يُرجى كتابة عدد المرافقين رقمًا صحيحًا، صفرًا أو أكثر.
error-companions-too-many = لا يُسمح بهذا العدد من المرافقين في هذه الفعالية.
error-needs-too-long = يُرجى الاختصار (1000 حرف كحد أقصى).
error-consent-missing = يُرجى الموافقة على معلومات حماية البيانات، وإلا فلا يمكننا قبول تسجيلكم.
error-language-invalid = هذه اللغة غير مدعومة.

## Registration page
registration-title = تسجيلكم
registration-thanks = شكرًا لتسجيلكم
registration-confirmed = تم تأكيد تسجيلكم.
registration-confirmed-seats = { $count ->
    [one] حُجز لكم مكان واحد.
    [two] حُجز لكم ولمرافقكم مكانان.
    [few] حُجزت لكم ولمرافقيكم { $count } أماكن.
    [many] حُجز لكم ولمرافقيكم { $count } مكانًا.
   *[other] حُجز لكم ولمرافقيكم { $count } مكان.
}
registration-waiting = ترتيبكم في قائمة الانتظار: { $position }.
registration-waiting-explain = إذا أصبح أحد الأماكن شاغرًا، تحصلون عليه تلقائيًا وتصلكم رسالة بالبريد الإلكتروني.
registration-cancelled = أُلغي هذا التسجيل.
registration-details = بياناتكم
registration-registered-at = تاريخ التسجيل
registration-keep-link = يُرجى الاحتفاظ بهذا الرابط
registration-keep-link-text = من خلال هذا الرابط الشخصي يمكنكم الاطلاع على تسجيلكم وإلغاؤه.
registration-cancel = إلغاء التسجيل

## Cancelling
cancel-title = إلغاء التسجيل
cancel-question = هل تريدون فعلًا إلغاء تسجيلكم في «{ $title }» ({ $when })؟
cancel-explain = سيُعطى مكانكم عندئذٍ للشخص التالي في قائمة الانتظار.
cancel-confirm = نعم، إلغاء التسجيل
cancel-keep = لا، الإبقاء على التسجيل

## Resending the link
resent-title = الرابط في طريقه إليكم
resent-text = إذا كان العنوان { $email } مسجَّلًا في هذه الفعالية، فسنرسل إليه الرابط بالبريد الإلكتروني بعد قليل.

## Privacy
privacy-title = معلومات حماية البيانات
privacy-what-heading = ما البيانات التي نحفظها
privacy-what = عند التسجيل نحفظ اسمكم، وعنوان بريدكم الإلكتروني، واسم مؤسستكم واحتياجاتكم المتعلقة بإمكانية الوصول إن ذكرتموها، وعدد مرافقيكم، واللغة التي اخترتموها، إضافةً إلى وقت موافقتكم والنسخة التي وافقتم عليها من هذه المعلومات.
privacy-why-heading = لأي غرض
privacy-why = نستخدم هذه البيانات فقط للتخطيط للفعالية، ولإدخالكم إليها، ولإبلاغكم بأي تغييرات. لا نعطيها لأي طرف آخر، ولا نستخدم أدوات تتبّع.
privacy-how-long-heading = مدة الحفظ
privacy-how-long = تُحذف بياناتكم الشخصية بعد 30 يومًا من الفعالية، ولا يبقى سوى عدد المشاركين.
privacy-rights-heading = حقوقكم
privacy-rights = يمكنكم إلغاء تسجيلكم في أي وقت عبر رابطكم الشخصي. للاطلاع على بياناتكم أو تصحيحها أو حذفها، يُرجى التواصل مع الجهة المنظِّمة، وتجدون بيانات الاتصال بها في صفحة الفعالية.
privacy-version = النسخة الصادرة بتاريخ { $version }

## Error pages
error-400-title = تعذّر فهم الطلب
error-400-text = تعذّرت قراءة الطلب. يُرجى المحاولة مرة أخرى عبر النموذج.
error-404-title = الصفحة غير موجودة
error-404-text = هذه الصفحة غير موجودة أو لم تعد موجودة. ربما حُذفت الفعالية، أو أن الرابط غير مكتمل.
error-405-title = غير مسموح
error-405-text = لا يمكن تنفيذ هذا الإجراء على هذا العنوان.
error-409-title = غير ممكن
error-409-text = هذا غير ممكن الآن.
error-413-title = البيانات كثيرة جدًا
error-413-text = البيانات المرسلة كبيرة جدًا. يُرجى اختصار ما أدخلتموه.
error-415-title = صيغة غير مدعومة
error-415-text = الطلب بصيغة لا نستطيع معالجتها.
error-422-title = تعذّرت قراءة البيانات
error-422-text = تعذّرت قراءة البيانات المرسلة. يُرجى المحاولة مرة أخرى عبر النموذج.
error-503-title = الخدمة غير متاحة مؤقتًا
error-503-text = الخدمة غير متاحة حاليًا. يُرجى المحاولة مرة أخرى بعد بضع دقائق. البيانات التي أدخلتموها سابقًا لم تضِع.
error-other-title = حدث خطأ
error-other-text = للأسف لم ينجح ذلك. يُرجى المحاولة مرة أخرى.

## Calendar
calendar-heading = الإضافة إلى التقويم
calendar-download = تنزيل الموعد (ملف بصيغة ics، يعمل مع Outlook وApple وThunderbird)
calendar-google = الإضافة إلى تقويم Google
calendar-outlook = الإضافة إلى Outlook.com
calendar-subscribe-heading = الاشتراك في التقويم
calendar-subscribe-explain = يضيف الاشتراك جميع المواعيد إلى تقويمكم ويُبقيها محدَّثة: إذا تغيّر موعد أو أُلغي، يظهر ذلك في تقويمكم بعد التحديث التالي (عادةً خلال بضع ساعات). يمكنكم إزالة الاشتراك من تطبيق التقويم في أي وقت.
calendar-subscribe-series = جميع مواعيد السلسلة «{ $name }»
calendar-subscribe-category = جميع الفعاليات في موضوع «{ $name }»
calendar-subscribe-all = جميع الفعاليات
calendar-in-app = الاشتراك في تطبيق التقويم
calendar-address = العنوان للنسخ
feed-name-all = Treffpunkt: جميع الفعاليات
feed-name-category = Treffpunkt: { $name }
feed-name-series = Treffpunkt: { $name }
feed-name-one = { $name }
feed-name-private = Treffpunkt: فعالياتي
feed-description = فعاليات عامة تتطلّب التسجيل. تظهر التغييرات والإلغاءات تلقائيًا.
feed-cancelled-prefix = أُلغيت:
feed-private-counts = التسجيلات: الأماكن المؤكَّدة { $confirmed }، في قائمة الانتظار { $waiting }، دخلوا { $checked }.

## Mails to registrants
mail-hello = مرحبًا { $name }،
mail-manage = لعرض تسجيلكم أو إلغائه:
mail-questions = هل لديكم أسئلة؟ يسعد { $office } مساعدتكم.
mail-automatic = أُرسلت هذه الرسالة تلقائيًا، ولا تحتوي على بكسلات تتبّع.
mail-verify-link = يُرجى تأكيد تسجيلكم من هنا:
mail-verify-button = تأكيد التسجيل
mail-confirmed-subject = تم تأكيد التسجيل: { $title }
mail-confirmed-body = تم تأكيد تسجيلكم. { $seats ->
    [one] حُجز لكم مكان واحد.
    [two] حُجز لكم ولمرافقكم مكانان.
    [few] حُجزت لكم ولمرافقيكم { $seats } أماكن.
    [many] حُجز لكم ولمرافقيكم { $seats } مكانًا.
   *[other] حُجز لكم ولمرافقيكم { $seats } مكان.
} تجدون الموعد لإضافته إلى تقويمكم في المرفق.
mail-waiting-subject = قائمة الانتظار: { $title }
mail-waiting-body = جميع الأماكن محجوزة. ترتيبكم في قائمة الانتظار: { $position }. إذا أصبح أحد الأماكن شاغرًا، تحصلون عليه تلقائيًا وتصلكم رسالة بالبريد الإلكتروني.
mail-promoted-subject = حصلتم على مكان: { $title }
mail-promoted-body = لدينا خبر سار: أصبح أحد الأماكن شاغرًا، وتم الآن تأكيد تسجيلكم. تجدون الموعد لإضافته إلى تقويمكم في المرفق.
mail-cancelled-subject = أُلغي التسجيل: { $title }
mail-cancelled-body = { $by ->
    [office] ألغت الجهة المنظِّمة تسجيلكم.
   *[other] تم إلغاء تسجيلكم. شكرًا لكم على إتاحة مكانكم لغيركم.
}
mail-changed-subject = تغيير في الموعد: { $title }
mail-changed-body = طرأ تغيير على الفعالية. يُرجى الانتباه إلى الوقت الجديد أو المكان الجديد أدناه. يبقى تسجيلكم ساريًا، والموعد المرفق يحلّ محلّ الموعد القديم في تقويمكم.
mail-changed-waiting-body = طرأ تغيير على الفعالية التي أنتم على قائمة الانتظار لها. يُرجى الانتباه إلى الوقت والمكان أدناه. ما زلتم في المركز { $position } على قائمة الانتظار. إذا شغر مكان، تنتقلون تلقائيًا إلى قائمة المسجّلين وتصلكم رسالة بريد إلكتروني مع موعد التقويم. إذا لم تعد الفعالية بعد التغيير تناسبكم، يمكنكم الخروج من قائمة الانتظار عبر الرابط أدناه.
mail-event_cancelled-subject = أُلغيت الفعالية: { $title }
mail-event_cancelled-body = للأسف أُلغيت الفعالية. السبب: { $reason }
    الموعد المرفق يُظهر الفعالية في تقويمكم على أنها ملغاة.
mail-event_cancelled-waiting-body = للأسف أُلغيت الفعالية التي أنتم على قائمة الانتظار لها. السبب: { $reason }
    وبذلك تنتهي قائمة الانتظار أيضًا، ولا يلزمكم فعل أي شيء.
mail-reminder-subject = تذكير: { $title }
mail-reminder-body = نتطلّع إلى لقائكم. إليكم الموعد والمكان مرة أخرى. إذا لم تتمكّنوا من الحضور، يُرجى إلغاء التسجيل حتى يحصل شخص من قائمة الانتظار على مكانكم.
mail-management_link-subject = رابط تسجيلكم: { $title }
mail-management_link-body = إليكم مرة أخرى الرابط الشخصي لتسجيلكم. من خلاله يمكنكم الاطلاع على تسجيلكم وإلغاؤه.
mail-opt_in-subject = يُرجى التأكيد: { $title }
mail-opt_in-body = يُرجى تأكيد تسجيلكم عبر الرابط أدناه في موعد أقصاه { $deadline }، وإلا فسيُلغى حجز مكانكم.
verify-title = تأكيد التسجيل
verify-explain = يُرجى تأكيد أنكم أنتم من قام بالتسجيل. لا يُضمن مكانكم إلا بعد ذلك.
verify-submit = نعم، تأكيد التسجيل
verify-done = تم تأكيد تسجيلكم من قبل.
verify-too-late = انتهت مهلة التأكيد، وأصبح المكان متاحًا لغيركم. يمكنكم التسجيل من جديد إذا كانت هناك أماكن شاغرة.
registration-unconfirmed = لم يتم تأكيد تسجيلكم بعد.
registration-unconfirmed-explain = يُرجى تأكيد تسجيلكم في موعد أقصاه { $deadline } عبر الرابط الموجود في الرسالة التي أرسلناها إليكم بالبريد الإلكتروني. حتى ذلك الحين نحجز المكان لكم، وبدون تأكيد يُلغى الحجز.
registration-waiting-unconfirmed = يُرجى تأكيد تسجيلكم في موعد أقصاه { $deadline } عبر الرابط الموجود في الرسالة التي أرسلناها إليكم بالبريد الإلكتروني. بدون تأكيد يسقط تسجيلكم ولا تبقون على قائمة الانتظار.
registration-event-cancelled = لذلك لم يعد تسجيلكم ولا تذكرتكم صالحين. يُرجى عدم الحضور إلى الموعد.
ticket-event-cancelled = هذه التذكرة غير صالحة: الفعالية لن تُقام.
ticket-unconfirmed = ستحصلون على تذكرتكم بعد تأكيد تسجيلكم عبر الرابط الموجود في الرسالة. بدون تأكيد يُلغى حجز المكان.
registration-mail-heading = التذكيرات بالبريد الإلكتروني
registration-mail-on = نرسل إليكم تذكيرًا قبل الموعد، وتصلكم رسائل المنظمين بالبريد الإلكتروني. أما التغييرات في الموعد أو إلغاؤه فتصلكم دائمًا.
registration-mail-off = لقد ألغيتم الاشتراك في التذكيرات ورسائل المنظمين. يبقى تسجيلكم قائمًا، وتصلكم التغييرات في الموعد أو إلغاؤه كما من قبل.
registration-mail-turn-off = إلغاء الاشتراك في التذكيرات
registration-mail-turn-on = إعادة تشغيل التذكيرات
door-status-unconfirmed = غير مؤكد
door-unconfirmed-short = لم يتم تأكيد التسجيل بالبريد الإلكتروني، لا دخول
mail-opt_in_waiting-subject = يُرجى التأكيد (قائمة الانتظار): { $title }
mail-opt_in_waiting-body = جميع الأماكن محجوزة، وأنتم في المرتبة { $position } على قائمة الانتظار. يُرجى تأكيد تسجيلكم عبر الرابط أدناه في موعد أقصاه { $deadline }، وإلا فسيسقط التسجيل. إذا أصبح مكان شاغرًا، تنتقلون إليه تلقائيًا وتصلكم رسالة بالبريد الإلكتروني.
mail-promoted_unconfirmed-subject = حصلتم على مكان – يُرجى التأكيد: { $title }
mail-promoted_unconfirmed-body = لدينا خبر سار: أصبح مكان شاغرًا لكم. يُرجى تأكيد تسجيلكم عبر الرابط أدناه في موعد أقصاه { $deadline }، وإلا فسيُلغى حجز المكان مرة أخرى. ستحصلون على تذكرتكم بعد التأكيد.

## Door and tickets
door-title = الدخول
door-welcome = أهلًا وسهلًا، { $name }! { $party ->
    [one] شخص واحد.
    [two] شخصان.
    [few] مجموعة من { $party } أشخاص.
    [many] مجموعة من { $party } شخصًا.
   *[other] مجموعة من { $party } شخص.
}
door-welcome-short = أهلًا وسهلًا
door-already = { $name }: تم الدخول من قبل في الساعة { $time } على الجهاز «{ $device }».
door-already-short = تم الدخول من قبل في الساعة
door-welcome-again = عُرض من قبل: تم الدخول على هذا الجهاز في الساعة { $time }.
door-cancelled = { $name }: أُلغي التسجيل، والتذكرة لم تعد صالحة.
door-cancelled-short = التسجيل ملغى، والتذكرة غير صالحة
door-waiting = { $name }: في قائمة الانتظار، ولا يوجد مكان بعد.
door-waiting-short = في قائمة الانتظار، لا يوجد مكان بعد
door-unconfirmed = { $name }: لم يتم تأكيد التسجيل عبر البريد الإلكتروني.
door-wrong-meeting = هذه التذكرة لفعالية أخرى.
door-invalid = التذكرة غير صالحة.
door-unknown = التذكرة غير موجودة في قائمة هذا الجهاز.
door-full = جميع الأماكن مشغولة. لا يُسمح بالدخول بعد اكتمال العدد إلا بموافقة صريحة.
door-offline = لا يوجد اتصال. يستمر الدخول؛ عمليات دخول بانتظار المزامنة: {"{"}n{"}"}.
door-offline-welcome = أهلًا وسهلًا، {"{"}name{"}"} ({"{"}party{"}"}) – تم التحقق دون اتصال
door-conflict = المزامنة: تم دخول {"{"}name{"}"} من قبل على الجهاز «{"{"}device{"}"}».
door-counters = دخلوا / مؤكَّد / الأماكن
door-scan = مسح التذكرة
door-camera = صورة الكاميرا لمسح التذاكر
door-camera-error = الكاميرا غير متاحة. يُرجى استخدام البحث بالاسم.
door-undo = التراجع عن آخر دخول
door-next = التالي
door-search = البحث بالاسم
door-search-label = الاسم أو البريد الإلكتروني
door-search-go = بحث
door-let-in = السماح بالدخول
door-party = أشخاص
door-party-n = { $party ->
    [one] شخص واحد
    [two] شخصان
    [few] { $party } أشخاص
    [many] { $party } شخصًا
   *[other] { $party } شخص
}
door-walk-in = حضر دون تسجيل
door-walk-in-submit = التسجيل والسماح بالدخول
door-override = السماح بالدخول حتى بعد اكتمال عدد الأماكن (يُسجَّل ذلك)
door-device = هذا الجهاز
door-device-name = اسم الجهاز
door-device-default = الجهاز {"{"}code{"}"}
door-pin = رمز PIN للدخول
door-pin-go = فتح صفحة الدخول
checkin-denied-title = لا يوجد وصول إلى صفحة الدخول
checkin-denied-text = تُفتح صفحة الدخول هذه فقط برابط الدخول أو الرقم السري (PIN) لهذه الفعالية، أو بعد تسجيل الدخول بحساب من المكتب المنظِّم.
checkin-denied-pin = إدخال الرقم السري للدخول
checkin-denied-login = تسجيل الدخول (المنظِّمون وفريق الاستقبال)
door-pin-wrong = رمز PIN هذا غير صالح أو لم يعد صالحًا.
door-pin-meeting = رقم الفعالية
door-pin-meeting-hint = تجد الرقم بجانب رمز PIN الذي حصلت عليه من المنظِّم.
door-pin-meeting-missing = يرجى إدخال رقم الفعالية.
door-pin-too-many = عدد كبير جدًا من رموز PIN الخاطئة من هذا الاتصال أو إجمالًا. يرجى المحاولة مرة أخرى بعد { $minutes ->
    [one] دقيقة واحدة
   *[other] { $minutes } دقائق
}. يبقى رابط الدخول صالحًا للاستخدام.
door-links = الدخول
door-links-explain = يفتح رابط الدخول صفحة الدخول لهذه الفعالية على الهاتف دون الحاجة إلى حساب. ويمكن بدلًا من ذلك فتح العنوان { $pin_url } وإدخال رقم الفعالية ({ $number }) ورمز PIN المكوّن من ثمانية أرقام. تبقى الروابط صالحة حتى اليوم التالي للفعالية، ويمكن إيقافها.
door-open-myself = فتح صفحة الدخول بنفسي
door-label = التسمية (مثلًا: المدخل الشمالي)
door-create = إنشاء رابط دخول
door-revoke = إيقاف
door-valid-until = صالح حتى { $at }
door-default-label = المدخل
ticket-title = تذكرتكم
ticket-show = عرض التذكرة
ticket-qr-label = رمز QR لتذكرتكم
ticket-explain = أظهروا هذا الرمز عند المدخل، على الهاتف أو مطبوعًا على ورق.
ticket-waiting = أنتم في قائمة الانتظار. ستحصلون على تذكرة بمجرد حصولكم على مكان.
ticket-revoked = أُلغي هذا التسجيل، والتذكرة لم تعد صالحة.
door-expired = انتهت الفعالية، والتذكرة لم تعد صالحة.
door-app-name = Treffpunkt – تسجيل الدخول
door-nonce-too-long = معرّف المسح (nonce) طويل جدًا: 100 حرف على الأكثر.
door-not-json = يرجى الإرسال بصيغة JSON (Content-Type: application/json).
door-token-missing = صفحة الدخول هذه لم تعد صالحة. يرجى إعادة تحميل الصفحة أو تسجيل الدخول من جديد أو فتح رابط الدخول مرة أخرى.
door-locked-out = لم يعد هناك وصول إلى صفحة الدخول: يرجى تسجيل الدخول من جديد أو فتح رابط الدخول مرة أخرى. تبقى {"{"}n{"}"} عمليات دخول محفوظة على هذا الجهاز وتُزامَن بعد ذلك.
door-not-sent = لم يُرسَل: لا يمكن الوصول إلى الخادم حاليًا. يرجى المحاولة مرة أخرى بعد قليل.
pages = الصفحات
pages-previous = الفعاليات السابقة
pages-next = الفعاليات التالية
door-verdict-ok = الدخول مسموح
door-verdict-bad = الدخول غير مسموح
door-status-confirmed = مؤكَّد
door-status-waiting = قائمة الانتظار
door-status-cancelled = ملغى

## Changing one's own registration
change-heading = تعديل التسجيل
change-intro = يمكنكم تعديل عدد المرافقين ولغة رسائلكم الإلكترونية. ستصلكم بعد ذلك رسالة إلكترونية بتسجيلكم المعدَّل.
change-intro-answers = يمكنكم تعديل عدد المرافقين وإجاباتكم عن الأسئلة ولغة رسائلكم الإلكترونية. ستصلكم بعد ذلك رسالة إلكترونية بتسجيلكم المعدَّل.
change-language = لغة الرسائل الإلكترونية
change-submit = حفظ التعديل
change-done = تم تعديل تسجيلكم. ستصلكم رسالة تأكيد بالبريد الإلكتروني.
change-done-waiting = تم تعديل تسجيلكم وهو الآن على قائمة الانتظار. ستصلكم رسالة تأكيد بالبريد الإلكتروني.
change-unchanged = لم يتم تغيير أي شيء.
change-seats-not-free = لا توجد أماكن شاغرة لمرافقين إضافيين. يبقى تسجيلكم كما كان.
change-seats-full = لا توجد أماكن شاغرة لمرافقين إضافيين، ولا توجد قائمة انتظار. يبقى تسجيلكم كما كان.
change-waitlist-offer = يمكنكم بدلًا من ذلك الانضمام إلى قائمة الانتظار مع جميع الأشخاص. عندها تُحرَّر الأماكن المحجوزة لكم حاليًا؛ وعندما تتوفر أماكن كافية تنتقلون تلقائيًا وتصلكم رسالة إلكترونية.
change-waitlist-submit = الانضمام إلى قائمة الانتظار مع الجميع
change-language-invalid = يرجى اختيار إحدى اللغات المعروضة.
change-cancelled = لا يمكن تعديل تسجيل ملغى.
change-past = لم يعد من الممكن تعديل هذا التسجيل: الموعد بدأ بالفعل أو أُلغي.
change-erased = تم حذف بيانات هذا التسجيل؛ لم يعد من الممكن تعديله.
mail-registration_changed-subject = تم تعديل تسجيلكم: { $title }
mail-registration_changed-body = تم تعديل تسجيلكم وهو لا يزال ساريًا. الأماكن المحجوزة: { $seats } (أنتم و{ $companions } من المرافقين). تجدون باقي البيانات في صفحة تسجيلكم (الرابط أدناه).
mail-registration_changed_waiting-subject = تم تعديل تسجيلكم: { $title }
mail-registration_changed_waiting-body = تم تعديل تسجيلكم. أنتم على قائمة الانتظار بعدد { $seats } أماكن (أنتم و{ $companions } من المرافقين) في المركز { $position }. عندما تتوفر أماكن كافية تنتقلون تلقائيًا وتصلكم رسالة إلكترونية.

## ورقة التأكيد
slip-title = تأكيد التسجيل
slip-name = الاسم: { $name }
slip-party = عدد الأشخاص: { $party }
slip-when = الموعد
slip-where = المكان
slip-ticket = تذكرة الدخول
slip-ticket-explain = يُرجى إحضار هذه الورقة وإبراز رمز QR عند المدخل.
slip-cancel = إذا لم تتمكنوا من الحضور، يُرجى إلغاء التسجيل عبر الهاتف: { $phone }
slip-cancel-office = إذا لم تتمكنوا من الحضور، يُرجى إبلاغ: { $office }
slip-pdf = تنزيل ملف PDF
mail-via-note = تصلكم هذه الرسالة لأنكم سجّلتم { $name } ({ $via }). يُرجى إيصالها مع التذكرة إلى { $name }.
