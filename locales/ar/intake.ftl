## How a meeting takes registrations
closed-intake = لا يمكن التسجيل في هذه الفعالية عبر هذه الصفحة.
intake-none-short = لا حاجة إلى التسجيل
intake-none = تفضّلوا بالحضور ببساطة.
intake-contact-short = التسجيل بالهاتف أو بالبريد الإلكتروني
intake-contact = يُرجى التسجيل بالهاتف أو بالبريد الإلكتروني:
intake-external-short = التسجيل على صفحة أخرى
intake-external = يتم التسجيل في هذه الفعالية عبر صفحة أخرى.
intake-external-link = إلى التسجيل
