DROP TABLE question_presets;
DROP TABLE answers;
DROP TABLE question_texts;
DROP TABLE questions;
