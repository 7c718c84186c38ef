# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = الألمانية المبسطة سهلة القراءة (Leichte Sprache)
easy-read-off = العودة إلى النص الكامل
easy-read-shown = أنت تقرأ هذا اللقاء بالألمانية المبسطة سهلة القراءة (Leichte Sprache).
