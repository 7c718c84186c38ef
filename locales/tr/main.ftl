site-name = Treffpunkt – Etkinlikler ve kayıt
skip-to-content = İçeriğe geç
language-switch = Dil seçin
privacy-link = Gizlilik bildirimi
footer-api = Geliştiriciler için arayüz (OpenAPI)
back-to-event = Etkinliğe geri dön
back-to-list = Tüm etkinlikler

## Dates
# Turkish names the day after the date: "1 Aralık 2026 Salı".
date-long = { $day } { $month } { $year } { $weekday }
datetime-span = { $date }, saat { $start }–{ $end }
datetime-span-days = { $startdate }, saat { $start } – { $enddate }, saat { $end }
weekday-1 = Pazartesi
weekday-2 = Salı
weekday-3 = Çarşamba
weekday-4 = Perşembe
weekday-5 = Cuma
weekday-6 = Cumartesi
weekday-7 = Pazar
month-1 = Ocak
month-2 = Şubat
month-3 = Mart
month-4 = Nisan
month-5 = Mayıs
month-6 = Haziran
month-7 = Temmuz
month-8 = Ağustos
month-9 = Eylül
month-10 = Ekim
month-11 = Kasım
month-12 = Aralık

## List of meetings
index-title = Etkinlikler
index-intro = Bölge idaresinin (Landratsamt) ve belediyelerin halka açık etkinlikleri. İyi bir planlama yapabilmemiz için lütfen kaydolun.
index-empty = Şu anda duyurulmuş bir etkinlik yok.
filter-category = Konu
filter-all = Tüm konular
filter-apply = Göster

## Availability
# Turkish nouns stay singular after a number ("5 yer").
availability-free = { $count ->
    [one] Sadece 1 boş yer kaldı
   *[other] { $count } boş yer kaldı
}
availability-unlimited = Boş yer var
availability-waiting-list = Bekleme listesi
availability-full = Tüm yerler dolu
availability-cancelled = İptal edildi
availability-not-yet-open = Kayıtlar henüz başlamadı
availability-closed = Kayıtlar kapandı
closed-full = Bu etkinlikte tüm yerler dolu. Bekleme listesi yok.
closed-cancelled = Bu etkinlik iptal edildi. Kayıt yapılamaz.
closed-not-yet-open = Kayıtlar henüz başlamadı.
closed-over = Kayıtlar kapandı.

## One meeting
event-cancelled = Bu etkinlik iptal edildi.
event-when = Ne zaman
event-where = Nerede
event-office = Düzenleyen
event-contact = İletişim kişisi
event-phone = Telefon
event-email = E-posta
event-category = Konu
event-series = Etkinlik dizisi
event-places = Kontenjan
event-capacity = toplam { $count } yer
event-waiting = { $count ->
    [one] bekleme listesinde 1 kişi
   *[other] bekleme listesinde { $count } kişi
}
event-window = Kayıt süresi
event-opens = Kayıt başlangıcı: { $at }
event-closes = Son kayıt: { $at }
event-about = Etkinlik hakkında

## Registration form
register-heading = Kaydolun
register-waitlist-heading = Bekleme listesine yazılın
register-waitlist-explain = Tüm yerler dolu. Bekleme listesine yazılabilirsiniz. Bir yer boşalırsa kayıt sırasına göre sıra otomatik olarak size gelir ve bir e-posta alırsınız.
form-required-hint = * işaretli alanların doldurulması zorunludur.
field-name = Ad soyad
field-email = E-posta adresi
field-email-help = Onay e-postasını ve kaydınızı yönetebileceğiniz bağlantıyı bu adrese göndeririz.
field-organisation = Kurum (isteğe bağlı)
field-companions = Yanınızda gelecek kişiler
field-companions-help = Yanınızda kaç kişi getireceksiniz? En fazla { $max } kişi.
field-needs = Erişilebilirlik (isteğe bağlı)
field-needs-help = Örneğin tekerlekli sandalye yeri, işaret dili, işitme cihazları için indüksiyon döngüsü veya tercüman.
field-consent = Bu kayıt için bilgilerimin işlenmesini kabul ediyorum.
register-submit = Kaydı tamamla
register-submit-waitlist = Bekleme listesine yazıl
register-duplicate = Bu e-posta adresiyle bu etkinliğe zaten kaydoldunuz.
register-duplicate-offer = Kaydınızın bağlantısını size e-postayla tekrar gönderebiliriz.
register-resend = Bağlantıyı tekrar gönder

## Errors in forms
error-summary = Lütfen bilgilerinizi kontrol edin:
error-name-missing = Lütfen adınızı yazın.
error-name-too-long = Ad en fazla 100 karakter olabilir.
error-name-no-letter = Ad en az bir harf içermelidir.
error-invalid-characters = Bu alanda izin verilmeyen kontrol karakterleri var.
error-email-missing = Lütfen e-posta adresinizi yazın.
error-email-too-long = E-posta adresi çok uzun.
error-email-invalid = Lütfen geçerli bir e-posta adresi yazın, örneğin isim@ornek.de.
error-organisation-too-long = Kurum adı en fazla 150 karakter olabilir.
error-companions-invalid = Lütfen yanınızda gelecek kişi sayısını 0 veya daha büyük bir tam sayı olarak yazın.
error-companions-too-many = Bu etkinliğe yanınızda bu kadar çok kişi getiremezsiniz.
error-needs-too-long = Lütfen daha kısa yazın (en fazla 1000 karakter).
error-consent-missing = Lütfen gizlilik bildirimini kabul edin. Aksi takdirde kaydınızı alamayız.
error-language-invalid = Bu dil desteklenmiyor.

## Registration page
registration-title = Kaydınız
registration-thanks = Kaydınız için teşekkür ederiz
registration-confirmed = Kaydınız onaylandı.
registration-confirmed-seats = { $count ->
    [one] Sizin için 1 yer ayrıldı.
   *[other] Sizin ve yanınızdakiler için { $count } yer ayrıldı.
}
registration-waiting = Bekleme listesinde { $position }. sıradasınız.
registration-waiting-explain = Bir yer boşalırsa sıra otomatik olarak size gelir ve bir e-posta alırsınız.
registration-cancelled = Bu kayıt iptal edildi.
registration-details = Bilgileriniz
registration-registered-at = Kayıt tarihi
registration-keep-link = Lütfen bu bağlantıyı saklayın
registration-keep-link-text = Bu kişisel bağlantı ile kaydınızı görebilir ve iptal edebilirsiniz.
registration-cancel = Kaydı iptal et

## Cancelling
cancel-title = Kaydı iptal et
cancel-question = “{ $title }” etkinliği ({ $when }) için kaydınızı gerçekten iptal etmek istiyor musunuz?
cancel-explain = Bu durumda yeriniz bekleme listesindeki bir sonraki kişiye verilir.
cancel-confirm = Evet, kaydımı iptal et
cancel-keep = Hayır, kaydım kalsın

## Resending the link
resent-title = Bağlantı yolda
resent-text = { $email } adresiyle bu etkinliğe bir kayıt varsa, bağlantıyı hemen bu adrese e-postayla gönderiyoruz.

## Privacy
privacy-title = Gizlilik bildirimi
privacy-what-heading = Hangi verileri saklıyoruz
privacy-what = Bir kayıt için adınızı, e-posta adresinizi, isteğe bağlı olarak kurumunuzu ve erişilebilirlik ihtiyaçlarınızı, yanınızda gelecek kişi sayısını, seçtiğiniz dili ve onayınızı ne zaman ve bu bildirimin hangi sürümüne verdiğinizi saklarız.
privacy-why-heading = Ne için
privacy-why = Bu verileri yalnızca etkinliği planlamak, sizi içeri almak ve değişikliklerden sizi haberdar etmek için kullanırız. Verileri üçüncü kişilere vermeyiz ve izleme araçları (tracker) kullanmayız.
privacy-how-long-heading = Ne kadar süre
privacy-how-long = Kişisel bilgileriniz etkinlikten 30 gün sonra silinir. Geriye yalnızca katılımcı sayısı kalır.
privacy-rights-heading = Haklarınız
privacy-rights = Kaydınızı kişisel bağlantınız üzerinden istediğiniz zaman iptal edebilirsiniz. Bilgi alma, düzeltme ve silme talepleriniz için düzenleyene başvurun; iletişim bilgileri etkinlik sayfasındadır.
privacy-version = { $version } tarihli sürüm

## Error pages
error-400-title = İstek anlaşılamadı
error-400-text = İstek okunamadı. Lütfen form üzerinden tekrar deneyin.
error-404-title = Bulunamadı
error-404-text = Bu sayfa yok veya artık yok. Etkinlik kaldırılmış ya da bağlantı eksik olabilir.
error-405-title = İzin verilmiyor
error-405-text = Bu işlem bu adreste yapılamaz.
error-409-title = Mümkün değil
error-409-text = Bu şu anda mümkün değil.
error-413-title = Çok fazla veri
error-413-text = Gönderdiğiniz bilgiler çok uzun. Lütfen yazdıklarınızı kısaltın.
error-415-title = Biçim desteklenmiyor
error-415-text = İstek, işleyemediğimiz bir biçimde.
error-422-title = Bilgiler okunamadı
error-422-text = Gönderdiğiniz bilgiler okunamadı. Lütfen form üzerinden tekrar deneyin.
error-503-title = Geçici olarak ulaşılamıyor
error-503-text = Hizmete şu anda ulaşılamıyor. Lütfen birkaç dakika sonra tekrar deneyin. Daha önce girdiğiniz bilgiler kaybolmadı.
error-other-title = Bir hata oluştu
error-other-text = Maalesef bir sorun oluştu. Lütfen tekrar deneyin.

## Calendar
calendar-heading = Takviminize ekleyin
calendar-download = Etkinliği indir (.ics; Outlook, Apple ve Thunderbird için)
calendar-google = Google Takvim’e ekle
calendar-outlook = Outlook.com’a ekle
calendar-subscribe-heading = Takvime abone olun
calendar-subscribe-explain = Abonelik, tüm etkinlikleri takviminize ekler ve güncel tutar: Bir etkinliğin zamanı değişirse veya etkinlik iptal edilirse, bunu takviminiz bir sonraki güncellemeden sonra (genellikle birkaç saat içinde) gösterir. Aboneliği takvim uygulamanızdan istediğiniz zaman kaldırabilirsiniz.
calendar-subscribe-series = “{ $name }” dizisinin tüm etkinlikleri
calendar-subscribe-category = “{ $name }” konusundaki tüm etkinlikler
calendar-subscribe-all = Tüm etkinlikler
calendar-in-app = takvim uygulamasında abone ol
calendar-address = kopyalanacak adres
feed-name-all = Treffpunkt: tüm etkinlikler
feed-name-category = Treffpunkt: { $name }
feed-name-series = Treffpunkt: { $name }
feed-name-one = { $name }
feed-name-private = Treffpunkt: etkinliklerim
feed-description = Kayıt gerektiren halka açık etkinlikler. Değişiklikler ve iptaller otomatik olarak görünür.
feed-cancelled-prefix = İPTAL:
feed-private-counts = Kayıtlar: { $confirmed } yer onaylı, { $waiting } kayıt bekleme listesinde, { $checked } kişi giriş yaptı.

## Mails to registrants
mail-hello = Sayın { $name },
mail-manage = Kaydınızı görüntüleyin veya iptal edin:
mail-questions = Sorularınız mı var? { $office } size memnuniyetle yardımcı olur.
mail-automatic = Bu e-posta otomatik olarak gönderilmiştir. İzleme pikseli içermez.
mail-verify-link = Lütfen kaydınızı buradan onaylayın:
mail-verify-button = Kaydı onayla
mail-confirmed-subject = Kayıt onaylandı: { $title }
mail-confirmed-body = Kaydınız onaylandı. { $seats ->
    [one] Sizin için 1 yer ayrıldı.
   *[other] Sizin ve yanınızdakiler için { $seats } yer ayrıldı.
} Takviminize eklemeniz için etkinlik bilgisini ekte bulabilirsiniz.
mail-waiting-subject = Bekleme listesi: { $title }
mail-waiting-body = Tüm yerler dolu. Bekleme listesinde { $position }. sıradasınız. Bir yer boşalırsa sıra otomatik olarak size gelir ve bir e-posta alırsınız.
mail-promoted-subject = Sıra size geldi: { $title }
mail-promoted-body = Güzel bir haber: Bir yer boşaldı. Kaydınız artık onaylandı. Takviminize eklemeniz için etkinlik bilgisini ekte bulabilirsiniz.
mail-cancelled-subject = Kayıt iptal edildi: { $title }
mail-cancelled-body = { $by ->
    [office] Düzenleyen kurum kaydınızı iptal etti.
   *[other] Kaydınız iptal edildi. Yerinizi başkasına bıraktığınız için teşekkür ederiz.
}
mail-changed-subject = Etkinlikte değişiklik: { $title }
mail-changed-body = Etkinlikte bir değişiklik oldu. Lütfen aşağıdaki yeni saate veya yere dikkat edin. Kaydınız geçerliliğini koruyor; ekteki takvim kaydı eskisinin yerine geçer.
mail-changed-waiting-body = Bekleme listesinde olduğunuz etkinlikte bir değişiklik oldu. Lütfen aşağıdaki saate ve yere dikkat edin. Bekleme listesinde hâlâ { $position }. sıradasınız. Bir yer boşalırsa otomatik olarak kaydınız onaylanır ve takvim kaydını içeren bir e-posta alırsınız. Değişen etkinlik artık size uymuyorsa aşağıdaki bağlantıdan bekleme listesinden çıkabilirsiniz.
mail-event_cancelled-subject = İptal edildi: { $title }
mail-event_cancelled-body = Maalesef etkinlik iptal edildi. Sebep: { $reason }
    Ekteki takvim kaydı, etkinliği iptal edilmiş olarak gösterir.
mail-event_cancelled-waiting-body = Maalesef bekleme listesinde olduğunuz etkinlik iptal edildi. Sebep: { $reason }
    Böylece bekleme listesi de sona erer; sizin bir şey yapmanıza gerek yok.
mail-reminder-subject = Hatırlatma: { $title }
mail-reminder-body = Sizi aramızda görmekten memnuniyet duyacağız. Saati ve yeri aşağıda tekrar bulabilirsiniz. Gelemeyecekseniz lütfen kaydınızı iptal edin; böylece bekleme listesindeki biri sizin yerinize katılabilir.
mail-management_link-subject = Kayıt bağlantınız: { $title }
mail-management_link-body = Kaydınızın kişisel bağlantısını size tekrar gönderiyoruz. Bu bağlantıdan kaydınızı görebilir ve iptal edebilirsiniz.
mail-opt_in-subject = Lütfen onaylayın: { $title }
mail-opt_in-body = Lütfen kaydınızı en geç { $deadline } tarihine kadar aşağıdaki bağlantıdan onaylayın. Aksi takdirde yeriniz başkasına verilir.
verify-title = Kaydı onaylayın
verify-explain = Lütfen bu kaydı sizin yaptığınızı onaylayın. Yeriniz ancak bundan sonra kesinleşir.
verify-submit = Evet, kaydımı onayla
verify-done = Kaydınız zaten onaylandı.
verify-too-late = Onay süresi doldu; yer başkasına açıldı. Hâlâ boş yer varsa yeniden kaydolabilirsiniz.
registration-unconfirmed = Kaydınız henüz onaylanmadı.
registration-unconfirmed-explain = Lütfen size gönderdiğimiz e-postadaki bağlantı ile kaydınızı en geç { $deadline } tarihine kadar onaylayın. O zamana kadar yeriniz sizin için ayrılmıştır; onay gelmezse yeriniz başkasına verilir.
registration-waiting-unconfirmed = Lütfen size gönderdiğimiz e-postadaki bağlantı ile kaydınızı en geç { $deadline } tarihine kadar onaylayın. Onay gelmezse kaydınız geçersiz olur ve bekleme listesinden çıkarılırsınız.
registration-event-cancelled = Bu nedenle kaydınız ve biletiniz artık geçerli değil. Lütfen etkinliğe gelmeyin.
ticket-event-cancelled = Bu bilet geçerli değil: Etkinlik yapılmayacak.
ticket-unconfirmed = Kaydınızı e-postadaki bağlantı ile onayladığınızda biletinizi alırsınız. Onay gelmezse yeriniz başkasına verilir.
registration-mail-heading = E-posta ile hatırlatmalar
registration-mail-on = Etkinlikten önce size bir hatırlatma gönderiyoruz; düzenleyicilerin mesajları da size e-posta ile ulaşır. Etkinlikteki değişiklikler ve iptal haberi size her zaman ulaşır.
registration-mail-off = Hatırlatmalar ve düzenleyicilerin mesajları için aboneliğinizi iptal ettiniz. Kaydınız geçerliliğini korur; etkinlikteki değişiklikler ve iptal haberi size yine ulaşır.
registration-mail-turn-off = Hatırlatmaları kapat
registration-mail-turn-on = Hatırlatmaları yeniden aç
door-status-unconfirmed = onaylanmadı
door-unconfirmed-short = kayıt e-posta ile onaylanmadı, giriş yok
mail-opt_in_waiting-subject = Lütfen onaylayın (bekleme listesi): { $title }
mail-opt_in_waiting-body = Tüm yerler dolu; bekleme listesinde { $position }. sıradasınız. Lütfen kaydınızı en geç { $deadline } tarihine kadar aşağıdaki bağlantıdan onaylayın, aksi takdirde kaydınız geçersiz olur. Bir yer boşalırsa otomatik olarak sıra size gelir ve bir e-posta alırsınız.
mail-promoted_unconfirmed-subject = Sıra size geldi – lütfen onaylayın: { $title }
mail-promoted_unconfirmed-body = Güzel bir haber: Sizin için bir yer boşaldı. Lütfen kaydınızı en geç { $deadline } tarihine kadar aşağıdaki bağlantıdan onaylayın, aksi takdirde yer yeniden başkasına verilir. Biletinizi onayladıktan sonra alırsınız.

## Door and tickets
door-title = Giriş
door-welcome = Hoş geldiniz, { $name }! { $party ->
    [one] 1 kişi.
   *[other] { $party } kişilik grup.
}
door-welcome-short = Hoş geldiniz
door-already = { $name } zaten giriş yaptı: saat { $time }, “{ $device }” cihazında.
door-already-short = zaten giriş yaptı, saat:
door-welcome-again = Zaten gösterildi: bu cihazda giriş yapıldı, saat { $time }.
door-cancelled = { $name }: Kayıt iptal edildi. Bilet artık geçerli değil.
door-cancelled-short = kayıt iptal edildi, bilet geçersiz
door-waiting = { $name } bekleme listesinde ve henüz yeri yok.
door-waiting-short = bekleme listesinde, henüz yeri yok
door-unconfirmed = { $name } kaydını e-postayla onaylamadı.
door-wrong-meeting = Bu bilet başka bir etkinlik için.
door-invalid = Geçerli bir bilet değil.
door-unknown = Bilet bu cihazın listesinde yok.
door-full = Tüm yerler dolu. Kontenjanın üzerinde giriş yalnızca açık onayla yapılabilir.
door-offline = Bağlantı yok. Giriş devam ediyor; {"{"}n{"}"} giriş eşitlenmeyi bekliyor.
door-offline-welcome = Hoş geldiniz, {"{"}name{"}"} ({"{"}party{"}"}) – bağlantı olmadan kontrol edildi
door-conflict = Eşitleme: {"{"}name{"}"} zaten “{"{"}device{"}"}” cihazında giriş yapmıştı.
door-counters = giriş yapan / onaylı / yer
door-scan = Bileti tara
door-camera = Biletleri taramak için kamera görüntüsü
door-camera-error = Kamera kullanılamıyor. Lütfen isimle aramayı kullanın.
door-undo = Son girişi geri al
door-next = Devam
door-search = İsimle ara
door-search-label = Ad veya e-posta
door-search-go = Ara
door-let-in = İçeri al
door-party = kişi
door-party-n = { $party } kişi
door-walk-in = Kayıt olmadan geldi
door-walk-in-submit = Kaydet ve içeri al
door-override = Kontenjanın üzerinde de içeri al (kayda geçer)
door-device = Bu cihaz
door-device-name = Cihaz adı
door-device-default = Cihaz {"{"}code{"}"}
door-pin = Giriş için PIN
door-pin-go = Girişi aç
checkin-denied-title = Giriş sayfasına erişim yok
checkin-denied-text = Bu giriş sayfası yalnızca bu etkinliğin giriş bağlantısı veya PIN kodu ile ya da düzenleyen kurumun bir hesabıyla oturum açtıktan sonra açılır.
checkin-denied-pin = Giriş PIN kodunu girin
checkin-denied-login = Oturum aç (düzenleyenler ve giriş görevlileri)
door-pin-wrong = Bu PIN geçerli değil (artık geçerli değil).
door-pin-meeting = Etkinlik numarası
door-pin-meeting-hint = Numara, düzenleyiciden aldığınız PIN’in yanında yazar.
door-pin-meeting-missing = Lütfen etkinlik numarasını girin.
door-pin-too-many = Bu bağlantıdan veya toplamda çok fazla yanlış PIN girildi. Lütfen { $minutes } dakika sonra tekrar deneyin. Giriş bağlantısı çalışmaya devam eder.
door-links = Giriş
door-links-explain = Giriş bağlantısı, bu etkinliğin giriş sayfasını kullanıcı hesabı olmadan bir telefonda açar. Bunun yerine { $pin_url } adresini açıp etkinlik numarasını ({ $number }) ve sekiz haneli PIN’i de girebilirsiniz. Bağlantılar etkinlikten sonraki güne kadar geçerlidir ve engellenebilir.
door-open-myself = Girişi kendim aç
door-label = Ad (ör. Kuzey girişi)
door-create = Giriş bağlantısı oluştur
door-revoke = Engelle
door-valid-until = { $at } tarihine kadar geçerli
door-default-label = Giriş
ticket-title = Biletiniz
ticket-show = Bileti göster
ticket-qr-label = Biletinizin QR kodu
ticket-explain = Bu kodu girişte telefonunuzda ya da kâğıda basılmış olarak gösterin.
ticket-waiting = Bekleme listesindesiniz. Sıra size geldiğinde bir bilet alırsınız.
ticket-revoked = Bu kayıt iptal edildi; bilet artık geçerli değil.
door-expired = Etkinlik sona erdi; bilet artık geçerli değil.
door-app-name = Treffpunkt giriş
door-nonce-too-long = Taramanın kimliği (nonce) çok uzun: en fazla 100 karakter.
door-not-json = Lütfen JSON olarak gönderin (Content-Type: application/json).
door-token-missing = Bu giriş sayfası artık geçerli değil. Lütfen sayfayı yeniden yükleyin, yeniden oturum açın veya giriş bağlantısını tekrar açın.
door-locked-out = Girişe artık erişim yok: lütfen yeniden oturum açın veya giriş bağlantısını tekrar açın. {"{"}n{"}"} giriş bu cihazda kayıtlı kalır ve ardından eşitlenir.
door-not-sent = Gönderilmedi: sunucuya şu anda ulaşılamıyor. Lütfen birazdan tekrar deneyin.
pages = Sayfalar
pages-previous = Önceki etkinlikler
pages-next = Sonraki etkinlikler
door-verdict-ok = Giriş izni var
door-verdict-bad = Giriş izni yok
door-status-confirmed = onaylandı
door-status-waiting = bekleme listesi
door-status-cancelled = iptal edildi

## Changing one's own registration
change-heading = Kaydı değiştir
change-intro = Yanınızdaki kişi sayısını ve e-postalarınızın dilini değiştirebilirsiniz. Ardından değiştirilmiş kaydınızı içeren bir e-posta alırsınız.
change-intro-answers = Yanınızdaki kişi sayısını, sorulara verdiğiniz yanıtları ve e-postalarınızın dilini değiştirebilirsiniz. Ardından değiştirilmiş kaydınızı içeren bir e-posta alırsınız.
change-language = E-postaların dili
change-submit = Değişikliği kaydet
change-done = Kaydınız değiştirildi. E-posta ile bir onay alacaksınız.
change-done-waiting = Kaydınız değiştirildi ve artık bekleme listesinde. E-posta ile bir onay alacaksınız.
change-unchanged = Hiçbir şey değiştirilmedi.
change-seats-not-free = Ek refakatçiler için boş yer kalmadı. Kaydınız olduğu gibi kalıyor.
change-seats-full = Ek refakatçiler için boş yer kalmadı ve bekleme listesi yok. Kaydınız olduğu gibi kalıyor.
change-waitlist-offer = Bunun yerine tüm kişilerle birlikte bekleme listesine girebilirsiniz. O zaman şu an ayrılmış olan yerleriniz boşalır; yeterince yer boşalır boşalmaz otomatik olarak sıra size gelir ve bir e-posta alırsınız.
change-waitlist-submit = Herkesle birlikte bekleme listesine gir
change-language-invalid = Lütfen sunulan dillerden birini seçin.
change-cancelled = İptal edilmiş bir kayıt artık değiştirilemez.
change-past = Bu kayıt artık değiştirilemez: etkinlik başladı veya iptal edildi.
change-erased = Bu kaydın verileri silindi; artık değiştirilemez.
mail-registration_changed-subject = Kaydınız değiştirildi: { $title }
mail-registration_changed-body = Kaydınız değiştirildi ve geçerliliğini koruyor. Ayrılan yer sayısı: { $seats } (siz ve { $companions } refakatçi). Diğer bilgileri kayıt sayfanızda bulabilirsiniz (aşağıdaki bağlantı).
mail-registration_changed_waiting-subject = Kaydınız değiştirildi: { $title }
mail-registration_changed_waiting-body = Kaydınız değiştirildi. { $seats } kişilik yerle (siz ve { $companions } refakatçi) bekleme listesinde { $position }. sıradasınız. Yeterince yer boşalır boşalmaz otomatik olarak sıra size gelir ve bir e-posta alırsınız.

## Onay kâğıdı
slip-title = Kayıt onayı
slip-name = Ad: { $name }
slip-party = Kişi sayısı: { $party }
slip-when = Ne zaman
slip-where = Nerede
slip-ticket = Giriş biletiniz
slip-ticket-explain = Lütfen bu kâğıdı yanınızda getirin ve girişte QR kodunu gösterin.
slip-cancel = Gelemeyecekseniz lütfen telefonla iptal edin: { $phone }
slip-cancel-office = Gelemeyecekseniz lütfen şuraya bildirin: { $office }
slip-pdf = PDF indir
mail-via-note = Bu mesajı { $name } adlı kişiyi kaydettiğiniz için alıyorsunuz ({ $via }). Lütfen bileti ile birlikte { $name } adlı kişiye iletin.
