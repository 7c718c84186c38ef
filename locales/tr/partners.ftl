## A partner's invitation (Runder Tisch) and its mails
invite-title = Davet
invite-greeting = Merhaba { $name }, { $organisation } bu toplantıya davetlidir.
invite-done = Teşekkürler, yanıtınız kaydedildi.
invite-minutes = Tutanağı okuyun
invite-state-come = Katılacağınızı bildirdiniz.
invite-own-ticket = Biletli kaydınız
invite-state-decline = Katılamayacağınızı bildirdiniz.
invite-state-substitute = Yerinize birini gönderiyorsunuz: { $name }. Bu kişi bilet içeren kendi onayını alır.
invite-state-open = Henüz yanıt vermediniz.
invite-confirm-explain = Lütfen katılımınızı düğmeye basarak onaylayın.
invite-confirm-come = Evet, katılacağım
invite-other-answer = Farklı yanıt ver
invite-change-answer = Yanıtınızı değiştirin
invite-your-answer = Yanıtınız
invite-answer-come = Katılacağım
invite-answer-decline = Katılamıyorum
invite-answer-substitute = Yerime birini gönderiyorum
invite-substitute-legend = Yerinize gelecek kişi (yalnızca birini gönderiyorsanız)
invite-substitute-hint = Yerinize gelecek kişi bu adrese bilet içeren kendi onayını alır.
invite-all-dates = Bu yanıtı dizinin { $count } tarihinin tümü için kullan
invite-privacy = Yanıtınızla birlikte, katılacak kişinin adını ve e-posta adresini bu etkinlik için kaydediyoruz.
invite-send = Yanıtı gönder
invite-closed = Bu davet artık yanıtlanamaz: toplantı başladı veya iptal edildi.
invite-other-dates = Bu dizideki diğer tarihleriniz
invite-short-come = katılıyor
invite-short-decline = katılmıyor
invite-short-substitute = yerine biri geliyor
invite-short-open = yanıt yok
invite-reply-missing = Lütfen bir yanıt seçin.
invite-substitute-limit = Yerinize gelecek kişi bugün birkaç kez değiştirildi. Lütfen yarın tekrar deneyin veya ofisle iletişime geçin.
invite-feed-heading = Takviminiz
invite-feed = Davet edildiğiniz tüm toplantılar takvim aboneliği olarak: yeni tarihler, değişiklikler ve iptaller takviminizde kendiliğinden görünür.
invite-mail-feed = Davet edildiğiniz tüm toplantılar takvim aboneliği olarak: { $link }
invite-mail-agenda = Gündem:
invite-mail-come = Katılacağım (bir tıklama, ardından onaylayın): { $link }
invite-mail-answer = Katılmadığınızı bildirmek, yerinize birini göndermek veya yanıtınızı değiştirmek için: { $link }
invite-mail-subject = Davet: { $title }
invite-mail-body =
    Merhaba { $name },

    { $organisation } { $count ->
        [one] aşağıdaki toplantıya
       *[other] aşağıdaki { $count } toplantıya
    } içtenlikle davetlidir:

    { $dates }

    Lütfen kişisel bağlantınız üzerinden yanıt verin. Yanıtınızı toplantı başlayana kadar değiştirebilirsiniz. Katılan kişi bilet ve takvim kaydı içeren bir onay alır.

    Saygılarımızla
    Ofisiniz
invite-remind-subject = Hatırlatma: { $title } daveti
invite-remind-body =
    Merhaba { $name },

    { $organisation } kurumuna gönderdiğimiz davete henüz yanıt almadık. Lütfen bize bildirin:

    { $dates }

    Saygılarımızla
    Ofisiniz
