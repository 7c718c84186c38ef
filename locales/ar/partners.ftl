## A partner's invitation (Runder Tisch) and its mails
invite-title = دعوة
invite-greeting = مرحبًا { $name }، { $organisation } مدعوّة إلى هذا الاجتماع.
invite-done = شكرًا، تم حفظ ردّك.
invite-minutes = قراءة المحضر
invite-state-come = لقد أكّدت حضورك.
invite-own-ticket = تسجيلك مع التذكرة
invite-state-decline = لقد اعتذرت عن الحضور.
invite-state-substitute = سترسل من ينوب عنك: { $name }. سيحصل النائب على تأكيد خاص به مع تذكرة.
invite-state-open = لم تردّ بعد.
invite-confirm-explain = يُرجى تأكيد حضورك بالضغط على الزر.
invite-confirm-come = نعم، سأحضر
invite-other-answer = الرد بشكل آخر
invite-change-answer = تغيير ردّك
invite-your-answer = ردّك
invite-answer-come = سأحضر
invite-answer-decline = لا أستطيع الحضور
invite-answer-substitute = سأرسل من ينوب عني
invite-substitute-legend = النائب (فقط إذا أرسلت من ينوب عنك)
invite-substitute-hint = سيحصل النائب على تأكيد خاص به مع تذكرة على هذا العنوان.
invite-all-dates = تطبيق هذا الرد على جميع مواعيد السلسلة ({ $count })
invite-privacy = مع ردّك نحفظ اسم الشخص الذي سيحضر وعنوان بريده الإلكتروني لهذه الفعالية.
invite-send = إرسال الرد
invite-closed = لم يعد من الممكن الرد على هذه الدعوة: لقد بدأ الاجتماع أو أُلغي.
invite-other-dates = مواعيدك الأخرى في هذه السلسلة
invite-short-come = سيحضر
invite-short-decline = اعتذر
invite-short-substitute = نائب
invite-short-open = لم يردّ بعد
invite-reply-missing = يُرجى اختيار رد.
invite-substitute-limit = تم تغيير النائب عدة مرات اليوم. يُرجى المحاولة غدًا أو التواصل مع المكتب.
invite-feed-heading = تقويمك
invite-feed = جميع الاجتماعات التي دُعيت إليها كاشتراك في التقويم: تظهر المواعيد الجديدة والتغييرات والإلغاءات في تقويمك تلقائيًا.
invite-mail-feed = جميع الاجتماعات التي دُعيت إليها كاشتراك في التقويم: { $link }
invite-mail-agenda = جدول الأعمال:
invite-mail-come = سأحضر (نقرة واحدة ثم التأكيد): { $link }
invite-mail-answer = للاعتذار أو إرسال نائب أو تغيير ردّك: { $link }
invite-mail-subject = دعوة: { $title }
invite-mail-body =
    مرحبًا { $name }،

    يسعدنا دعوة { $organisation } { $count ->
        [one] إلى الاجتماع التالي:
       *[other] إلى الاجتماعات التالية ({ $count }):
    }

    { $dates }

    يُرجى الرد عبر رابطك الشخصي. يمكنك تغيير ردّك حتى بداية الاجتماع. من يحضر يحصل على تأكيد مع تذكرة وموعد للتقويم.

    مع أطيب التحيات
    مكتبكم
invite-remind-subject = تذكير: دعوة { $title }
invite-remind-body =
    مرحبًا { $name }،

    لم نتلقَّ بعد ردًّا على دعوتنا إلى { $organisation }. يُرجى إعلامنا:

    { $dates }

    مع أطيب التحيات
    مكتبكم
