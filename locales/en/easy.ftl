# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = Easy-to-read German (Leichte Sprache)
easy-read-off = Back to the full text
easy-read-shown = You are reading this meeting in Leichte Sprache, easy-to-read German.
