## A partner's invitation (Runder Tisch) and its mails
invite-title = دعوت‌نامه
invite-greeting = { $name } گرامی، { $organisation } به این نشست دعوت شده است.
invite-done = سپاسگزاریم، پاسخ شما ذخیره شد.
invite-minutes = خواندن صورت‌جلسه
invite-state-come = شما دعوت را پذیرفته‌اید.
invite-own-ticket = ثبت‌نام شما همراه با بلیت
invite-state-decline = شما دعوت را نپذیرفته‌اید.
invite-state-substitute = شما جانشین می‌فرستید: { $name }. جانشین تأییدیهٔ جداگانه همراه با بلیت دریافت می‌کند.
invite-state-open = هنوز پاسخ نداده‌اید.
invite-confirm-explain = لطفاً با فشار دادن دکمه تأیید کنید که می‌آیید.
invite-confirm-come = بله، می‌آیم
invite-other-answer = پاسخ دیگری می‌دهم
invite-change-answer = تغییر پاسخ
invite-your-answer = پاسخ شما
invite-answer-come = می‌آیم
invite-answer-decline = نمی‌توانم بیایم
invite-answer-substitute = جانشین می‌فرستم
invite-substitute-legend = جانشین (فقط اگر کسی را به جای خود می‌فرستید)
invite-substitute-hint = جانشین تأییدیهٔ جداگانه همراه با بلیت را به این نشانی دریافت می‌کند.
invite-all-dates = این پاسخ برای همهٔ { $count } تاریخ این مجموعه به کار رود
invite-privacy = همراه با پاسخ شما، نام و نشانی ایمیل کسی را که می‌آید برای این نشست نگه می‌داریم.
invite-send = فرستادن پاسخ
invite-closed = دیگر نمی‌توان به این دعوت پاسخ داد: نشست آغاز شده یا لغو شده است.
invite-other-dates = دیگر تاریخ‌های شما در این مجموعه
invite-short-come = می‌آید
invite-short-decline = نمی‌آید
invite-short-substitute = جانشین
invite-short-open = بی‌پاسخ
invite-reply-missing = لطفاً یک پاسخ انتخاب کنید.
invite-substitute-limit = جانشین امروز چند بار تغییر کرده است. لطفاً فردا دوباره امتحان کنید یا با اداره تماس بگیرید.
invite-feed-heading = تقویم شما
invite-feed = همهٔ نشست‌هایی که به آن‌ها دعوت شده‌اید، به‌صورت اشتراک تقویم: تاریخ‌های تازه، تغییرات و لغوها خودبه‌خود در تقویم شما نمایش داده می‌شوند.
invite-mail-feed = همهٔ نشست‌هایی که به آن‌ها دعوت شده‌اید، به‌صورت اشتراک تقویم: { $link }
invite-mail-agenda = دستور جلسه:
invite-mail-come = می‌آیم (یک کلیک و سپس تأیید): { $link }
invite-mail-answer = نپذیرفتن، فرستادن جانشین یا تغییر پاسخ: { $link }
invite-mail-subject = دعوت‌نامه: { $title }
invite-mail-body =
    { $name } گرامی،

    { $organisation } صمیمانه { $count ->
        [1] به نشست زیر دعوت می‌شود:
       *[other] به { $count } نشست زیر دعوت می‌شود:
    }

    { $dates }

    لطفاً از طریق پیوند شخصی خود پاسخ دهید. تا آغاز نشست می‌توانید پاسخ خود را تغییر دهید. هر کس بیاید، تأییدیه‌ای همراه با بلیت و رویداد تقویم دریافت می‌کند.

    با احترام
    ادارهٔ شما
invite-remind-subject = یادآوری: دعوت‌نامهٔ { $title }
invite-remind-body =
    { $name } گرامی،

    هنوز پاسخی به دعوت ما از { $organisation } دریافت نکرده‌ایم. لطفاً ما را باخبر کنید:

    { $dates }

    با احترام
    ادارهٔ شما
