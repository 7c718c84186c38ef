# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = Kolay okunur Almanca (Leichte Sprache)
easy-read-off = Tam metne geri dön
easy-read-shown = Bu toplantıyı kolay okunur Almanca (Leichte Sprache) ile okuyorsunuz.
