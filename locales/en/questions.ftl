## Questions of a meeting
answer-yes = Yes
answer-no = No
answer-choose = Please choose (no answer)
field-health-consent = I agree that my answers about health, accessibility and interpreting are processed only to prepare this meeting and shown only to its organisers (Art. 9(2)(a) GDPR). I can withdraw this consent at any time.
error-answer-required = Please answer this question.
error-answer-one = Please give only one answer here.
error-answer-too-long = This answer is too long.
error-answer-choice = Please choose one of the answers offered.
error-answer-number = Please give a whole number from 0 to 999.
error-health-consent-missing = For answers about health, accessibility or interpreting we need your consent. Tick the box or leave these questions empty.
question-removed = removed
your-answers = Your answers
preset-interpreting-label = Interpreting: into which language?
preset-interpreting-help = If you need interpreting, choose the language. Leave it empty if you do not.
preset-interpreting-options =
    Arabic
    Dari
    Farsi
    Kurdish (Kurmanji)
    Pashto
    Russian
    Ukrainian
    Turkish
    Tigrinya
    Somali
    English
    French
    Another language
preset-childcare_count-label = Childcare: for how many children?
preset-childcare_count-help = Leave it empty if you do not need childcare.
preset-childcare_ages-label = Ages of the children
preset-childcare_ages-help = For example: 2 and 5 years.
preset-accessibility-label = Accessibility: what do you need?
preset-accessibility-help = Tick what we should prepare.
preset-accessibility-options =
    Wheelchair place
    Sign language interpreting
    Induction loop (hearing loop)
    Other (please describe under accessibility)
preset-photos-label = Do you agree to photos being taken at the meeting on which you can be seen?
preset-photos-help = The photos may be used in the district office's public relations.
