## جدول الأعمال والوثائق والمحضر والمشاركة عبر الإنترنت في الصفحات العامة والرسائل
agenda-heading = جدول الأعمال
documents-heading = الوثائق
agenda-empty = جدول الأعمال فارغ حاليًا.
agenda-update-subject = جدول أعمال محدَّث: { $title }
agenda-update-intro = تم تغيير جدول أعمال „{ $title }“ بتاريخ { $when }. هذا هو شكله الآن:
agenda-update-own-page = تسجيلك مع جميع الوثائق:
online-heading = المشاركة عبر الإنترنت
online-explain = تُعقد هذه الفعالية أيضًا عبر الإنترنت. شارك في مؤتمر الفيديو عبر هذا الرابط:
online-from = تُعقد هذه الفعالية أيضًا عبر الإنترنت. سيظهر رابط مؤتمر الفيديو هنا اعتبارًا من { $from }.
online-mail-link = المشاركة عبر الإنترنت (مؤتمر فيديو):
online-mail-from = يمكنك المشاركة أيضًا عبر الإنترنت: سيكون رابط مؤتمر الفيديو على صفحة تسجيلك اعتبارًا من { $from }.
minutes-title = المحضر
minutes-draft = معاينة: لم يُنشر هذا المحضر بعد.
minutes-mail-subject = المحضر: { $title }
minutes-mail-body = تم نشر محضر الاجتماع „{ $title }“ بتاريخ { $when }. تجده هنا:
