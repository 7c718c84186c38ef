## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: دعوت‌های من
partner-feed-description = نشست‌هایی که به آن‌ها دعوت شده‌اید. تغییرات و لغوها خودکار نمایش داده می‌شوند.
partner-feed-reply-come = پاسخ شما: می‌آیید.
partner-feed-reply-decline = پاسخ شما: نمی‌توانید بیایید.
partner-feed-reply-substitute = پاسخ شما: جانشین می‌فرستید.
partner-feed-reply-open = هنوز پاسخ نداده‌اید. از طریق پیوند پایین پاسخ دهید.
