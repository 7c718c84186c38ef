## Questions of a meeting
answer-yes = Evet
answer-no = Hayır
answer-choose = Lütfen seçin (yanıt yok)
field-health-consent = Sağlık, erişilebilirlik ve tercüman ihtiyacıyla ilgili bilgilerimin yalnızca bu etkinliğin hazırlığı için işlenmesine ve yalnızca bu etkinliğin düzenleyicilerine gösterilmesine onay veriyorum (GVKT md. 9 f. 2 b. a). Bu onayı istediğim zaman geri alabilirim.
error-answer-required = Lütfen bu soruyu yanıtlayın.
error-answer-one = Lütfen burada yalnızca bir yanıt verin.
error-answer-too-long = Bu yanıt çok uzun.
error-answer-choice = Lütfen sunulan yanıtlardan birini seçin.
error-answer-number = Lütfen 0 ile 999 arasında bir tam sayı girin.
error-health-consent-missing = Sağlık, erişilebilirlik veya tercümanla ilgili bilgiler için onayınıza ihtiyacımız var. Kutuyu işaretleyin ya da bu soruları boş bırakın.
question-removed = kaldırıldı
your-answers = Bilgileriniz
preset-interpreting-label = Tercüman: Hangi dile?
preset-interpreting-help = Tercümana ihtiyacınız varsa dili seçin. İhtiyacınız yoksa alanı boş bırakın.
preset-interpreting-options =
    Arapça
    Darice
    Farsça
    Kürtçe (Kurmanci)
    Peştuca
    Rusça
    Ukraynaca
    Türkçe
    Tigrinya dili
    Somalice
    İngilizce
    Fransızca
    Başka bir dil
preset-childcare_count-label = Çocuk bakımı: Kaç çocuk için?
preset-childcare_count-help = Çocuk bakımına ihtiyacınız yoksa alanı boş bırakın.
preset-childcare_ages-label = Çocukların yaşları
preset-childcare_ages-help = Örneğin: 2 ve 5 yaş.
preset-accessibility-label = Erişilebilirlik: Neye ihtiyacınız var?
preset-accessibility-help = Hazırlamamız gerekenleri işaretleyin.
preset-accessibility-options =
    Tekerlekli sandalye yeri
    İşaret dili tercümanı
    İndüksiyon döngüsü (işitme döngüsü)
    Diğer (lütfen erişilebilirlik alanında açıklayın)
preset-photos-label = Etkinlikte sizin de görünebileceğiniz fotoğraflar çekilmesine onay veriyor musunuz?
preset-photos-help = Fotoğraflar kaymakamlığın halkla ilişkiler çalışmalarında kullanılabilir.
