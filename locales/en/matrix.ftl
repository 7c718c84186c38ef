## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: my invitations
partner-feed-description = The meetings you are invited to. Changes and cancellations appear automatically.
partner-feed-reply-come = Your answer: you are coming.
partner-feed-reply-decline = Your answer: you cannot come.
partner-feed-reply-substitute = Your answer: you are sending a substitute.
partner-feed-reply-open = You have not answered yet. Answer through the link below.
