## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: мої запрошення
partner-feed-description = Засідання, на які вас запрошено. Зміни та скасування з’являються автоматично.
partner-feed-reply-come = Ваша відповідь: ви прийдете.
partner-feed-reply-decline = Ваша відповідь: ви не можете прийти.
partner-feed-reply-substitute = Ваша відповідь: ви надсилаєте заступника.
partner-feed-reply-open = Ви ще не відповіли. Відповісти можна за посиланням нижче.
