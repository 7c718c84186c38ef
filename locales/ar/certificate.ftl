# The attendance certificate (in the person's language, German always beside it), the
# person's own page offering it, and the public page that checks a certificate's code.
certificate-title = شهادة حضور
certificate-body = نشهد بأن { $name } قد حضر/حضرت الفعالية التالية.
certificate-meeting = الفعالية
certificate-when = التاريخ والوقت
certificate-duration = المدة
certificate-hours = { $count ->
    [zero] 0 ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
   *[other] { $count } ساعة
}
certificate-minutes = { $count ->
    [zero] 0 دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
   *[other] { $count } دقيقة
}
certificate-place = المكان
certificate-office = الجهة المنظمة
certificate-signature = المكان والتاريخ والتوقيع والختم
certificate-check = التحقق من صحة الشهادة:
certificate-code = رمز التحقق: { $code }
certificate-qr-label = رمز QR للتحقق من صحة الشهادة
certificate-own = شهادة حضورك
certificate-own-text = لقد حضرت هذه الفعالية. شهادة حضورك جاهزة للتنزيل بلغتك وباللغة الألمانية.
certificate-own-pdf = تنزيل شهادة الحضور (PDF)
certificate-own-html = فتح للطباعة
certificate-check-title = التحقق من شهادة حضور
certificate-check-intro = أدخل رمز التحقق المطبوع على الشهادة (اثنا عشر حرفًا، مثل 7KQM-2X9D-HW4A).
certificate-check-code = رمز التحقق
certificate-check-submit = تحقق
certificate-check-genuine = شهادة الحضور هذه صحيحة.
certificate-check-person = الشخص (الأحرف الأولى)
certificate-check-meeting = الفعالية
certificate-check-date = التاريخ
certificate-check-office = صادرة عن
certificate-check-privacy = حمايةً للشخص، لا تعرض هذه الصفحة سوى الأحرف الأولى من اسمه. إذا تطابقت هي وباقي البيانات مع الشهادة فهي صحيحة.
certificate-check-withdrawn = لم يعد من الممكن التحقق من هذه الشهادة: لقد طلب الشخص حذف بياناته.
certificate-check-unknown = لا توجد شهادة حضور بهذا الرمز. يرجى التحقق من كتابته.
