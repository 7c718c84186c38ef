## Gündem, belgeler, tutanak ve çevrimiçi katılım: herkese açık sayfalar ve e-postalar
agenda-heading = Gündem
documents-heading = Belgeler
agenda-empty = Gündem şu anda boş.
agenda-update-subject = Güncellenmiş gündem: { $title }
agenda-update-intro = { $when } tarihli „{ $title }“ toplantısının gündemi değişti. Güncel hali şöyle:
agenda-update-own-page = Tüm belgelerle birlikte kaydınız:
online-heading = Çevrimiçi katılın
online-explain = Bu etkinlik çevrimiçi olarak da yapılıyor. Video konferansa bu bağlantıyla katılın:
online-from = Bu etkinlik çevrimiçi olarak da yapılıyor. Video konferans bağlantısı burada { $from } itibarıyla görünecek.
online-mail-link = Çevrimiçi katılın (video konferans):
online-mail-from = Çevrimiçi de katılabilirsiniz: Video konferans bağlantısı { $from } itibarıyla kayıt sayfanızda olacak.
minutes-title = Tutanak
minutes-draft = Önizleme: Bu tutanak henüz yayımlanmadı.
minutes-mail-subject = Tutanak: { $title }
minutes-mail-body = { $when } tarihli „{ $title }“ toplantısının tutanağı yayımlandı. Buradan ulaşabilirsiniz:
