# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = Простой немецкий язык (Leichte Sprache)
easy-read-off = Вернуться к полному тексту
easy-read-shown = Вы читаете о встрече на простом немецком языке (Leichte Sprache).
