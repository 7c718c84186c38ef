## How a meeting takes registrations
closed-intake = ثبت‌نام برای این نشست در این وب‌سایت انجام نمی‌شود.
intake-none-short = نیازی به ثبت‌نام نیست
intake-none = کافی است بیایید.
intake-contact-short = ثبت‌نام با تلفن یا ایمیل
intake-contact = لطفاً با تلفن یا ایمیل ثبت‌نام کنید:
intake-external-short = ثبت‌نام در وب‌سایتی دیگر
intake-external = ثبت‌نام برای این نشست در وب‌سایت دیگری انجام می‌شود.
intake-external-link = رفتن به صفحهٔ ثبت‌نام
