//! The database schema, kept by hand for both backends (one `table!` per table, their
//! joins). Over 400 lines because it is one list: splitting it would only scatter it.

// Written by hand to match both migrations/sqlite and migrations/postgres: only portable
// column types (BigInt ids, Integer, Text, Bool, Double, UTC Timestamp).

diesel::table! {
    offices (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        slug -> Text,
        name_de -> Text,
        name_en -> Text,
    }
}

diesel::table! {
    /// Topic names in the languages beyond German and English.
    category_names (category_id, lang) {
        category_id -> BigInt,
        lang -> Text,
        name -> Text,
    }
}

diesel::table! {
    series (id) {
        id -> BigInt,
        slug -> Text,
        title -> Text,
        office_id -> BigInt,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        office_id -> BigInt,
        category_id -> Nullable<BigInt>,
        series_id -> Nullable<BigInt>,
        title -> Text,
        summary -> Text,
        description -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        venue_name -> Text,
        venue_room -> Nullable<Text>,
        street -> Text,
        postal_code -> Text,
        town -> Text,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        contact_name -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        capacity -> Nullable<Integer>,
        max_companions -> Integer,
        waitlist_enabled -> Bool,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        status -> Text,
        visibility -> Text,
        cancel_reason -> Nullable<Text>,
        sequence -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        reminder_hours -> Nullable<Integer>,
        double_opt_in -> Bool,
    }
}

diesel::table! {
    registrations (id) {
        id -> BigInt,
        event_id -> BigInt,
        token -> Text,
        name -> Text,
        email -> Text,
        email_key -> Text,
        organisation -> Nullable<Text>,
        companions -> Integer,
        seats -> Integer,
        needs -> Nullable<Text>,
        status -> Text,
        language -> Text,
        consent_version -> Text,
        consent_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        promoted_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        checked_in_at -> Nullable<Timestamp>,
        source -> Text,
        verify_deadline -> Nullable<Timestamp>,
        verified_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        checked_in_device -> Nullable<Text>,
        purged_at -> Nullable<Timestamp>,
        optional_mail_off_at -> Nullable<Timestamp>,
        contact_kind -> Text,
        phone -> Nullable<Text>,
        postal_address -> Nullable<Text>,
        via_name -> Nullable<Text>,
        via_email -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        registration_id -> Nullable<BigInt>,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        payload -> Text,
        body_html -> Text,
        claimed_until -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        active -> Bool,
        session_epoch -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        feed_token -> Nullable<Text>,
    }
}

diesel::table! {
    user_offices (user_id, office_id) {
        user_id -> BigInt,
        office_id -> BigInt,
    }
}

diesel::table! {
    setup_links (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> Nullable<BigInt>,
        role -> Text,
        email -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    staff_sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> BigInt,
        epoch -> Integer,
        browser -> Text,
        platform -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<BigInt>,
        detail -> Text,
    }
}

diesel::table! {
    signing_keys (id) {
        id -> BigInt,
        secret -> Text,
        public -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    checkins (id) {
        id -> BigInt,
        registration_id -> BigInt,
        event_id -> BigInt,
        nonce -> Text,
        device -> Text,
        at -> Timestamp,
        undone_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    door_links (id) {
        id -> BigInt,
        event_id -> BigInt,
        token -> Text,
        pin -> Text,
        label -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rate_counters (key, window_start) {
        key -> Text,
        window_start -> BigInt,
        hits -> BigInt,
        tat_ms -> BigInt,
        refused -> Integer,
        first_at -> Timestamp,
        last_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    change_counters (name) {
        name -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    event_retention (event_id) {
        event_id -> BigInt,
        days -> Integer,
    }
}

diesel::table! {
    event_keys (event_id) {
        event_id -> BigInt,
        access_key -> Text,
    }
}

diesel::table! {
    event_texts (event_id, lang) {
        event_id -> BigInt,
        lang -> Text,
        title -> Text,
        summary -> Text,
        description -> Text,
        venue -> Text,
        contact -> Text,
        cancel_reason -> Text,
    }
}

diesel::table! {
    privacy_notices (version) {
        version -> Integer,
        body_de -> Text,
        body_en -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    data_requests (id) {
        id -> BigInt,
        token_hash -> Text,
        email_key -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    request_mails (recipient_key, kind) {
        recipient_key -> Text,
        kind -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    questions (id) {
        id -> BigInt,
        event_id -> Nullable<BigInt>,
        series_id -> Nullable<BigInt>,
        kind -> Text,
        label -> Text,
        help -> Text,
        options -> Text,
        required -> Bool,
        sensitive -> Bool,
        preset -> Nullable<Text>,
        position -> Integer,
        created_at -> Timestamp,
        removed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    question_texts (question_id, lang) {
        question_id -> BigInt,
        lang -> Text,
        label -> Text,
        help -> Text,
        options -> Text,
    }
}

diesel::table! {
    answers (registration_id, question_id) {
        registration_id -> BigInt,
        question_id -> BigInt,
        value -> Text,
    }
}

diesel::table! {
    question_presets (id) {
        id -> BigInt,
        office_id -> BigInt,
        kind -> Text,
        label -> Text,
        help -> Text,
        options -> Text,
        required -> Bool,
        sensitive -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    event_intake (event_id) {
        event_id -> BigInt,
        mode -> Text,
        url -> Nullable<Text>,
    }
}

diesel::table! {
    needs_arranged (event_id, need_key) {
        event_id -> BigInt,
        need_key -> Text,
        arranged_at -> Timestamp,
        arranged_by -> Text,
    }
}

diesel::table! {
    need_alerts (user_id) {
        user_id -> BigInt,
        mode -> Text,
        reminder_days -> Integer,
        digest_sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    need_alerted (registration_id) {
        registration_id -> BigInt,
        event_id -> BigInt,
        at -> Timestamp,
        bookable -> Bool,
    }
}

diesel::table! {
    need_reminders (event_id, user_id) {
        event_id -> BigInt,
        user_id -> BigInt,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    partner_imports (id) {
        id -> BigInt,
        token -> Text,
        user_id -> BigInt,
        office_id -> BigInt,
        csv -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    partners (id) {
        id -> BigInt,
        office_id -> BigInt,
        name -> Text,
        kind -> Text,
        created_at -> Timestamp,
        removed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    partner_contacts (id) {
        id -> BigInt,
        partner_id -> BigInt,
        name -> Text,
        email -> Text,
        email_key -> Text,
        phone -> Nullable<Text>,
        role -> Text,
        language -> Text,
        feed_token -> Text,
        created_at -> Timestamp,
        removed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    invitees (id) {
        id -> BigInt,
        event_id -> Nullable<BigInt>,
        series_id -> Nullable<BigInt>,
        partner_id -> Nullable<BigInt>,
        contact_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> BigInt,
        event_id -> BigInt,
        contact_id -> BigInt,
        partner_id -> Nullable<BigInt>,
        token -> Text,
        reply -> Nullable<Text>,
        replied_at -> Nullable<Timestamp>,
        substitute_name -> Nullable<Text>,
        substitute_email -> Nullable<Text>,
        registration_id -> Nullable<BigInt>,
        sent_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    partner_attendance (event_id, partner_id) {
        event_id -> BigInt,
        partner_id -> BigInt,
        recorded_at -> Timestamp,
        source -> Text,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> BigInt,
        event_id -> BigInt,
        position -> Integer,
        title -> Text,
        presenter -> Nullable<Text>,
        at_time -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    documents (id) {
        id -> BigInt,
        event_id -> BigInt,
        agenda_item_id -> Nullable<BigInt>,
        visibility -> Text,
        title -> Text,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        body -> Binary,
        created_at -> Timestamp,
        created_by -> Nullable<BigInt>,
        removed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    minutes (event_id) {
        event_id -> BigInt,
        body -> Text,
        document_id -> Nullable<BigInt>,
        audience -> Text,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    event_online (event_id) {
        event_id -> BigInt,
        url -> Text,
        shown_minutes_before -> Integer,
    }
}

diesel::joinable!(event_retention -> events (event_id));
diesel::joinable!(event_texts -> events (event_id));
diesel::joinable!(user_offices -> users (user_id));
diesel::joinable!(user_offices -> offices (office_id));
diesel::joinable!(setup_links -> users (user_id));
diesel::joinable!(audit_log -> users (user_id));
diesel::joinable!(staff_sessions -> users (user_id));
diesel::joinable!(events -> offices (office_id));
diesel::joinable!(events -> categories (category_id));
diesel::joinable!(category_names -> categories (category_id));
diesel::joinable!(events -> series (series_id));
diesel::joinable!(registrations -> events (event_id));
diesel::joinable!(outbox -> registrations (registration_id));
diesel::joinable!(question_texts -> questions (question_id));
diesel::joinable!(answers -> questions (question_id));
diesel::joinable!(answers -> registrations (registration_id));
diesel::joinable!(need_alerted -> events (event_id));
diesel::joinable!(partners -> offices (office_id));
diesel::joinable!(partner_imports -> offices (office_id));
diesel::joinable!(partner_imports -> users (user_id));
diesel::joinable!(partner_contacts -> partners (partner_id));
diesel::joinable!(invitations -> events (event_id));
diesel::joinable!(invitations -> partner_contacts (contact_id));
diesel::joinable!(invitations -> partners (partner_id));
diesel::joinable!(invitations -> registrations (registration_id));
diesel::joinable!(partner_attendance -> partners (partner_id));
diesel::joinable!(partner_attendance -> events (event_id));
diesel::joinable!(agenda_items -> events (event_id));
diesel::joinable!(documents -> events (event_id));
diesel::joinable!(documents -> agenda_items (agenda_item_id));

diesel::table! {
    messages (id) {
        id -> BigInt,
        event_id -> BigInt,
        sender_id -> Nullable<BigInt>,
        sender_name -> Text,
        audience -> Text,
        subject -> Text,
        body -> Text,
        versions -> Text,
        recipients -> Integer,
        left_out -> Integer,
        form_key -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(messages -> events (event_id));

diesel::table! {
    certificates (registration_id) {
        registration_id -> BigInt,
        event_id -> BigInt,
        code -> Text,
        initials -> Nullable<Text>,
        issued_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(certificates -> registrations (registration_id));
diesel::joinable!(certificates -> events (event_id));

diesel::table! {
    event_figures (event_id, key) {
        event_id -> BigInt,
        key -> Text,
        value -> BigInt,
    }
}

diesel::joinable!(event_figures -> events (event_id));

diesel::table! {
    access_statements (version) {
        version -> Integer,
        body_de -> Text,
        body_en -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    access_feedback (id) {
        id -> BigInt,
        what -> Text,
        page -> Text,
        contact -> Nullable<Text>,
        lang -> Text,
        created_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        answered_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    sign_videos (slot) {
        slot -> Text,
        file_name -> Nullable<Text>,
        content_type -> Nullable<Text>,
        size_bytes -> Nullable<BigInt>,
        duration_ms -> Nullable<BigInt>,
        url -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// Kept by triggers on `registrations` (migration `event_counts`); read, never written.
    event_counts (event_id) {
        event_id -> BigInt,
        confirmed_seats -> BigInt,
        waiting -> BigInt,
    }
}

diesel::joinable!(event_counts -> events (event_id));
diesel::joinable!(event_intake -> events (event_id));

diesel::allow_tables_to_appear_in_same_query!(
    offices,
    categories,
    category_names,
    series,
    events,
    registrations,
    outbox,
    event_retention,
    event_texts,
    questions,
    question_texts,
    answers,
    users,
    user_offices,
    need_alerted,
    partners,
    partner_imports,
    partner_contacts,
    invitees,
    invitations,
    partner_attendance,
    agenda_items,
    documents,
    messages,
    certificates,
    event_figures,
    access_statements,
    access_feedback,
    sign_videos,
    event_counts,
    event_intake,
    checkins
);
