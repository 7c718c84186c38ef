# Abuse protection of the public forms
field-honeypot = يُرجى ترك هذا الحقل فارغًا
error-too-fast = أُرسل النموذج بسرعة كبيرة جدًا. يُرجى التحقق من بياناتكم ثم إرساله مرة أخرى.
error-too-many = وصلنا للتو عدد كبير جدًا من الطلبات من اتصالكم بالإنترنت. يُرجى المحاولة مرة أخرى بعد { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}.

# The privacy notice (built-in text) and a person's own data
privacy-retention = تُحذف بياناتكم الشخصية بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} من الفعالية (وقد تُحدَّد لبعض الفعاليات مدة مختلفة). ولا نحتفظ بعد ذلك إلا بعدد الأشخاص الذين سجّلوا وعدد الذين حضروا.
privacy-rights-self = يمكنكم إلغاء تسجيلكم في أي وقت عبر رابطكم الشخصي. ويمكنكم بأنفسكم طلب نسخة من بياناتكم أو طلب حذفها: سنرسل إليكم لهذا الغرض رابطًا إلى عنوان بريدكم الإلكتروني. ولتصحيح بياناتكم، يُرجى التواصل مع الجهة المذكورة في صفحة الفعالية.
privacy-request-link = عرض بياناتي أو حذفها
privacy-request-title = بياناتكم المحفوظة
privacy-request-intro = يُرجى إدخال عنوان البريد الإلكتروني الذي سجّلتم به. سنرسل إليكم رابطًا يمكنكم من خلاله عرض بياناتكم أو تنزيلها أو حذفها. لا تحتاجون إلى إنشاء حساب.
privacy-request-submit = إرسال الرابط
privacy-request-sent = إذا كانت لدينا بيانات محفوظة للعنوان { $email }، فقد أرسلنا رابطًا إلى هذا العنوان. الرابط صالح لمدة 24 ساعة.
privacy-data-title = بياناتكم المحفوظة
privacy-data-none = لا توجد (أو لم تعد توجد) بيانات شخصية محفوظة لهذا العنوان.
privacy-data-intro = هذه هي كل البيانات التي حفظناها عن تسجيلاتكم.
privacy-data-when = موعد الفعالية
privacy-data-status = الحالة
privacy-data-registered = تاريخ التسجيل
privacy-data-consent = نسخة بيان حماية البيانات التي وافقتم عليها
privacy-data-download = تنزيل كملف (JSON)
privacy-status-confirmed = تم التسجيل
privacy-status-waiting = في قائمة الانتظار
privacy-status-cancelled = تم الإلغاء
privacy-erase-heading = حذف البيانات
privacy-erase-explain = سنحذف اسمكم وعنوان بريدكم الإلكتروني وجميع البيانات الأخرى التي قدّمتموها. وبذلك تُتاح أماكنكم المحجوزة في الفعاليات القادمة لأشخاص آخرين. لا يمكن التراجع عن هذا الإجراء.
privacy-erase-submit = حذف جميع بياناتي
privacy-erased-title = تم حذف بياناتكم
privacy-erased-text = { $count ->
    [zero] لم تُحذف بيانات أي تسجيل.
    [one] حُذفت بيانات تسجيل واحد.
    [two] حُذفت بيانات تسجيلين.
    [few] حُذفت بيانات { $count } تسجيلات.
    [many] حُذفت بيانات { $count } تسجيلًا.
   *[other] حُذفت بيانات { $count } تسجيل.
}
mail-data-subject = بياناتكم المحفوظة
mail-data-body =
    مرحبًا،

    لقد طلبتم رابطًا إلى بياناتكم المحفوظة. يمكنكم من خلاله عرض بياناتكم أو تنزيلها أو حذفها:

    { $link }

    الرابط صالح لمدة { $hours ->
        [zero] { $hours } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $hours } ساعات
        [many] { $hours } ساعة
       *[other] { $hours } ساعة
    }. إذا لم تطلبوا هذا الرابط، يمكنكم ببساطة حذف هذه الرسالة.

# The list for other websites (/embed)
embed-title = الفعاليات القادمة
embed-none = لا توجد فعاليات معلنة في الوقت الحالي.
embed-cancelled = ملغاة
embed-all = جميع الفعاليات والتسجيل

# Check-in at the entrance (door page)
