# Back office: accessibility statement, reported barriers, sign-language videos
access-admin-nav = Accessibility
access-admin-feedback-nav = Reported barriers
access-admin-videos-nav = Sign language
access-admin-title = Accessibility statement
access-admin-version = Version { $version } is published.
access-admin-builtin = The built-in statement applies. It is the draft below; the office fills in the places marked "[Bitte ergänzen: …]" / "[To be completed: …]".
access-admin-see = See the public page
access-admin-help = Markdown, structured like the model statement of BITV 2.0 (compliance status, non-accessible content, preparation, feedback and contact, enforcement procedure). Every change is published as a new version. The English text applies to every language but German; without it the German one does. The form "Report a barrier" always follows the statement.
access-admin-de = Statement in German
access-admin-en = Statement in English
access-admin-publish = Publish as a new version
access-admin-saved = The new version of the statement is published.
access-admin-feedback-title = Reported barriers
access-admin-feedback-open = { $count ->
    [one] One report is not answered yet.
   *[other] { $count } reports are not answered yet.
}
access-admin-feedback-empty = No barrier has been reported so far.
access-admin-col-what = Report
access-admin-col-page = Page
access-admin-col-contact = Contact
access-admin-state-new = New
access-admin-state-answered = Answered on { $date }
access-admin-mark-answered = Mark as answered
access-admin-answered-done = The report is marked as answered.
access-admin-videos-title = Videos in German Sign Language
access-admin-videos-help = One video per explanation: a file (MP4 or WebM, at most { $mb } MB) or the https address of the office's own video server. While a video is missing, the page names the contact.
access-admin-video-file = File:
access-admin-video-url = Address:
access-admin-video-none = No video yet.
access-admin-video-url-label = Address of the video (https)
access-admin-video-url-help = Only when no file is uploaded.
access-admin-video-duration-label = Length (mm:ss)
access-admin-video-duration-help = Read from MP4 and WebM files; give it here otherwise.
access-admin-video-file-label = Video file (MP4 or WebM)
access-admin-video-file-help = At most { $mb } MB. A new file replaces the old one.
access-admin-video-save = Save video
access-admin-video-remove = Remove video
access-video-saved = The video is saved.
access-video-removed = The video is removed.
access-video-not-video = This file is not an MP4 or WebM video.
access-video-too-large = This file is too large.
access-video-missing = Please choose a file or give an address.
access-video-url-invalid = Please give an address starting with https://.
access-video-duration-invalid = Please give the length as minutes:seconds, e.g. 2:30.
access-mail-subject = Barrier reported (no. { $id })
access-mail-body = A report came in through "Report a barrier":
    
    { $what }
    
    Page: { $page }
    Contact: { $contact }
    Language of the page: { $lang }
    
    All reports (mark them answered there): { $link }
access-mail-none = (not given)
