## Agenda, documents, minutes and online participation on public pages and in mails
agenda-heading = Agenda
documents-heading = Documents
agenda-empty = The agenda is empty at the moment.
agenda-update-subject = Updated agenda: { $title }
agenda-update-intro = the agenda of “{ $title }” on { $when } has changed. This is how it looks now:
agenda-update-own-page = Your registration with all documents:
online-heading = Join online
online-explain = This meeting also takes place online. Join the video conference with this link:
online-from = This meeting also takes place online. The link to the video conference appears here from { $from }.
online-mail-link = Join online (video conference):
online-mail-from = You can also join online: the link to the video conference will be on your registration page from { $from }.
minutes-title = Minutes
minutes-draft = Preview: these minutes have not been published yet.
minutes-mail-subject = Minutes: { $title }
minutes-mail-body = the minutes of the meeting “{ $title }” on { $when } have been published. You can find them here:
