## A partner's invitation (Runder Tisch) and its mails
invite-title = Invitation
invite-greeting = Hello { $name }, { $organisation } is invited to this meeting.
invite-done = Thank you, your answer has been saved.
invite-minutes = Read the minutes
invite-state-come = You have accepted.
invite-own-ticket = Your registration with ticket
invite-state-decline = You have declined.
invite-state-substitute = You are sending a substitute: { $name }. The substitute gets their own confirmation with a ticket.
invite-state-open = You have not answered yet.
invite-confirm-explain = Please confirm that you will come by pressing the button.
invite-confirm-come = Yes, I will come
invite-other-answer = Answer differently
invite-change-answer = Change your answer
invite-your-answer = Your answer
invite-answer-come = I will come
invite-answer-decline = I cannot come
invite-answer-substitute = I am sending a substitute
invite-substitute-legend = Substitute (only if you send one)
invite-substitute-hint = The substitute gets their own confirmation with a ticket at this address.
invite-all-dates = Use this answer for all { $count } dates of the series
invite-privacy = With your answer we store the name and e-mail address of the person who comes, for this meeting.
invite-send = Send answer
invite-closed = This invitation can no longer be answered: the meeting has begun or was cancelled.
invite-other-dates = Your other dates of this series
invite-short-come = accepted
invite-short-decline = declined
invite-short-substitute = substitute
invite-short-open = not answered
invite-reply-missing = Please choose an answer.
invite-substitute-limit = The substitute has already been changed several times today. Please try again tomorrow or contact the office.
invite-feed-heading = Your calendar
invite-feed = All meetings you are invited to as a calendar subscription: new dates, changes and cancellations appear in your calendar by themselves.
invite-mail-feed = All meetings you are invited to as a calendar subscription: { $link }
invite-mail-agenda = Agenda:
invite-mail-come = I will come (one click, then confirm): { $link }
invite-mail-answer = Decline, send a substitute or change your answer: { $link }
invite-mail-subject = Invitation: { $title }
invite-mail-body =
    Hello { $name },

    { $organisation } is cordially invited { $count ->
        [one] to the following meeting:
       *[other] to the following { $count } meetings:
    }

    { $dates }

    Please answer through your personal link. You can change your answer until the meeting begins. Whoever comes gets a confirmation with a ticket and a calendar entry.

    Kind regards
    Your office
invite-remind-subject = Reminder: invitation { $title }
invite-remind-body =
    Hello { $name },

    we have not yet had an answer to our invitation to { $organisation }. Please let us know:

    { $dates }

    Kind regards
    Your office
