DROP TABLE sign_videos;
DROP TABLE access_feedback;
DROP TABLE access_statements;
