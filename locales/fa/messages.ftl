# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = این پیام را از برگزارکنندگان «{ $meeting }» دریافت می‌کنید، چون برای آن ثبت‌نام کرده‌اید یا دعوت شده‌اید.
message-mail-registration = ثبت‌نام شما: { $link }
message-mail-invitation = دعوت‌نامهٔ شما: { $link }
message-mail-stop = دیگر چنین پیام‌هایی نمی‌خواهید؟ می‌توانید در صفحهٔ ثبت‌نام خود آن‌ها را متوقف کنید.
message-mail-contact = پرسش‌ها را به این نشانی بفرستید: { $contact }
message-mail-documents = اسناد:
