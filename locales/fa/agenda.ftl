## Agenda, documents, minutes and online participation on public pages and in mails
agenda-heading = دستور جلسه
documents-heading = اسناد
agenda-empty = دستور جلسه فعلاً خالی است.
agenda-update-subject = دستور جلسهٔ به‌روزشده: { $title }
agenda-update-intro = دستور جلسهٔ «{ $title }» در { $when } تغییر کرده است. اکنون چنین است:
agenda-update-own-page = ثبت‌نام شما همراه با همهٔ اسناد:
online-heading = شرکت آنلاین
online-explain = این نشست به‌صورت آنلاین هم برگزار می‌شود. با این پیوند به ویدیوکنفرانس بپیوندید:
online-from = این نشست به‌صورت آنلاین هم برگزار می‌شود. پیوند ویدیوکنفرانس از { $from } اینجا نمایش داده می‌شود.
online-mail-link = شرکت آنلاین (ویدیوکنفرانس):
online-mail-from = می‌توانید به‌صورت آنلاین هم شرکت کنید: پیوند ویدیوکنفرانس از { $from } در صفحهٔ ثبت‌نام شما خواهد بود.
minutes-title = صورت‌جلسه
minutes-draft = پیش‌نمایش: این صورت‌جلسه هنوز منتشر نشده است.
minutes-mail-subject = صورت‌جلسه: { $title }
minutes-mail-body = صورت‌جلسهٔ نشست «{ $title }» در { $when } منتشر شد. آن را اینجا می‌یابید:
