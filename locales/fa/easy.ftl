# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = آلمانی ساده و آسان‌خوان (Leichte Sprache)
easy-read-off = بازگشت به متن کامل
easy-read-shown = شما این نشست را به آلمانی ساده و آسان‌خوان (Leichte Sprache) می‌خوانید.
