import GRDB

/// The database schema as a list of named migrations (docs/storage.md).
///
/// Rules: a migration is never edited or removed once it has shipped; a change is a new migration appended
/// at the end. Names are `v<generation>-<subject>`: the generation is the release that introduced it,
/// the subject says what it does in the team's words ("v2-consent-withdrawal"). Dates are ISO text
/// `YYYY-MM-DD` (sortable, readable with the sqlite3 tool), instants REAL seconds since 1970. Tables are
/// STRICT so that a value of the wrong type is refused instead of stored.
enum Schema {
    /// `PRAGMA application_id` ("Smrd"): tells our database from another program's SQLite file.
    static let applicationID: Int32 = 0x536D_7264

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        for (name, sql) in migrations {
            m.registerMigration(name, foreignKeyChecks: .immediate) { db in try db.execute(sql: sql) }
        }
        return m
    }

    static var migrationNames: [String] { migrations.map(\.name) }

    /// Append only.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-meta", v1Meta),
        ("v1-team", v1Team),
        ("v1-participants", v1Participants),
        ("v1-assignments", v1Assignments),
        ("v1-consents", v1Consents),
        ("v1-insatser", v1Insatser),
        ("v1-meetings", v1Meetings),
        ("v1-notes", v1Notes),
        ("v1-exits", v1Exits),
        ("v1-kartlaggning", v1Kartlaggning),
        ("v1-change-log", v1ChangeLog),
        ("v1-change-log-undo", v1ChangeLogUndo),
        ("v1-kartlaggning-templates", v1KartlaggningTemplates),
        ("v2-insats-decisions-and-meeting-members", v2InsatsDecisionsAndMeetingMembers),
        ("v1-participant-sort-key", v1ParticipantSortKey),
        ("v2-access-log", v2AccessLog),
        ("v3-note-category", v3NoteCategory),
        ("v3-gallring", v3Gallring),
        ("v3-week-indexes", v3WeekIndexes),
        ("v3-week-reader-indexes", v3WeekReaderIndexes),
        ("v3-team-units", v3TeamUnits),
    ]

    // The application id is set in the same transaction as the first table, so a file with our tables
    // always carries our id.
    static let v1Meta = """
        PRAGMA application_id = \(applicationID);
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('format', 'samordna-caseload'), ('format-version', '1');
        """

    static let v1Team = """
        CREATE TABLE team_member (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            profession TEXT NOT NULL,
            organisation TEXT NOT NULL,
            login TEXT NOT NULL UNIQUE,
            active INTEGER NOT NULL
        ) STRICT;
        """

    static let v1Participants = """
        CREATE TABLE participant (
            id TEXT PRIMARY KEY NOT NULL,
            identity_kind TEXT NOT NULL,
            identity_other_kind TEXT,
            identity_value TEXT NOT NULL UNIQUE,
            protected_identity INTEGER NOT NULL,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            preferred_name TEXT,
            gender TEXT NOT NULL,
            phone TEXT,
            email TEXT,
            address TEXT,
            language TEXT,
            interpreter_needed INTEGER NOT NULL,
            interpreter_language TEXT,
            af_registered_since TEXT,
            forsorjningsstod_since TEXT,
            status TEXT NOT NULL,
            enrolled_on TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            CHECK (identity_kind IN ('personnummer', 'other')),
            CHECK (identity_kind <> 'personnummer'
                   OR (length(identity_value) = 12 AND identity_value NOT GLOB '*[^0-9]*'))
        ) STRICT;
        """

    static let v1Assignments = """
        CREATE TABLE responsible_assignment (
            id TEXT PRIMARY KEY NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            profession TEXT NOT NULL,
            member_id TEXT NOT NULL REFERENCES team_member(id),
            from_date TEXT NOT NULL,
            to_date TEXT
        ) STRICT;
        CREATE INDEX responsible_assignment_participant ON responsible_assignment(participant_id);
        CREATE INDEX responsible_assignment_member ON responsible_assignment(member_id);
        """

    static let v1Consents = """
        CREATE TABLE consent (
            id TEXT PRIMARY KEY NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            discloser TEXT NOT NULL,
            recipient TEXT NOT NULL,
            categories TEXT NOT NULL,
            purposes TEXT NOT NULL,
            purpose_text TEXT,
            form TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_to TEXT NOT NULL,
            document_reference TEXT,
            registered_by TEXT NOT NULL REFERENCES team_member(id),
            withdrawn_on TEXT,
            withdrawn_how TEXT,
            withdrawal_registered_by TEXT REFERENCES team_member(id)
        ) STRICT;
        CREATE INDEX consent_participant ON consent(participant_id);
        CREATE INDEX consent_valid_to ON consent(valid_to);
        """

    // The two expression indexes match InsatsEpisode.expectedStart / expectedEnd: a week query must use the
    // same expression, `coalesce(start_date, planned_start)`, to be served by them.
    static let v1Insatser = """
        CREATE TABLE insats_episode (
            id TEXT PRIMARY KEY NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            type_code TEXT NOT NULL,
            status TEXT NOT NULL,
            planned_start TEXT,
            start_date TEXT,
            planned_end TEXT,
            end_date TEXT,
            extent_percent INTEGER,
            provider TEXT,
            contact_person TEXT,
            next_follow_up TEXT,
            owner TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1)
        ) STRICT;
        CREATE INDEX insats_episode_participant ON insats_episode(participant_id);
        CREATE INDEX insats_episode_expected_start ON insats_episode(coalesce(start_date, planned_start));
        CREATE INDEX insats_episode_expected_end ON insats_episode(coalesce(end_date, planned_end));
        CREATE INDEX insats_episode_next_follow_up ON insats_episode(next_follow_up);
        """

    static let v1Meetings = """
        CREATE TABLE meeting (
            id TEXT PRIMARY KEY NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            date TEXT NOT NULL,
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            duration_minutes INTEGER NOT NULL,
            kind TEXT NOT NULL,
            professions TEXT NOT NULL,
            interpreter INTEGER NOT NULL,
            location TEXT,
            outcome TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1)
        ) STRICT;
        CREATE INDEX meeting_participant ON meeting(participant_id);
        CREATE INDEX meeting_date ON meeting(date, start_minute);
        """

    // Notes are never rewritten (docs/domain-rules.md, The team and its way of working): a correction is a new note. DELETE stays possible for a
    // future gallring (retention) migration to define.
    static let v1Notes = """
        CREATE TABLE note (
            id TEXT PRIMARY KEY NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            author_id TEXT NOT NULL REFERENCES team_member(id),
            profession TEXT NOT NULL,
            owner TEXT NOT NULL,
            written_at REAL NOT NULL,
            text TEXT NOT NULL,
            corrects TEXT REFERENCES note(id)
        ) STRICT;
        CREATE INDEX note_participant ON note(participant_id, written_at);
        CREATE TRIGGER note_never_updated BEFORE UPDATE ON note
        BEGIN
            SELECT RAISE(ABORT, 'anteckningar ändras inte: skriv en rättelse');
        END;
        """

    static let v1Exits = """
        CREATE TABLE exit_record (
            participant_id TEXT PRIMARY KEY NOT NULL REFERENCES participant(id),
            date TEXT NOT NULL,
            outcome TEXT NOT NULL,
            outcome_text TEXT,
            forsorjningsstod_ended INTEGER NOT NULL,
            forsorjningsstod_ended_on TEXT,
            step_at_start INTEGER,
            step_at_exit INTEGER,
            closer_to_work_or_studies INTEGER NOT NULL,
            follow_up_4_weeks TEXT NOT NULL,
            follow_up_6_months TEXT NOT NULL
        ) STRICT;
        CREATE INDEX exit_record_date ON exit_record(date);
        CREATE INDEX exit_record_follow_up_4_weeks ON exit_record(follow_up_4_weeks);
        CREATE INDEX exit_record_follow_up_6_months ON exit_record(follow_up_6_months);
        """

    static let v1Kartlaggning = """
        CREATE TABLE kartlaggning (
            id TEXT PRIMARY KEY NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            template_version INTEGER NOT NULL,
            date TEXT NOT NULL,
            status TEXT NOT NULL,
            professions_present TEXT NOT NULL,
            answers TEXT NOT NULL CHECK (json_valid(answers)),
            completed_at REAL,
            completed_by TEXT REFERENCES team_member(id),
            version INTEGER NOT NULL CHECK (version >= 1)
        ) STRICT;
        CREATE INDEX kartlaggning_participant ON kartlaggning(participant_id, date);
        CREATE TABLE profession_assessment (
            kartlaggning_id TEXT NOT NULL REFERENCES kartlaggning(id),
            profession TEXT NOT NULL,
            belief INTEGER NOT NULL CHECK (belief BETWEEN 1 AND 5),
            step INTEGER NOT NULL,
            suggested_step INTEGER NOT NULL,
            override_reason TEXT,
            UNIQUE (kartlaggning_id, profession)
        ) STRICT;
        """

    // Append-only: the triggers make SQLite itself refuse to rewrite history, whatever program writes.
    static let v1ChangeLog = """
        CREATE TABLE change_log (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            login TEXT NOT NULL,
            action TEXT NOT NULL,
            record_kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            participant_id TEXT,
            old_value TEXT,
            new_value TEXT
        ) STRICT;
        CREATE INDEX change_log_participant ON change_log(participant_id, sequence);
        CREATE INDEX change_log_record ON change_log(record_kind, record_id);
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN
            SELECT RAISE(ABORT, 'change_log är append-only');
        END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
        BEGIN
            SELECT RAISE(ABORT, 'change_log är append-only');
        END;
        """

    // Undo needs to know which rows one write made together and which rows an undo has reversed.
    // `batch` is NULL on the first row a transaction logs and that row's sequence on the others, so
    // `coalesce(batch, sequence)` names the write; rows logged before this migration are each their own.
    // `undoes` is set on an `undo` row to the sequence of the row it reversed.
    static let v1ChangeLogUndo = """
        ALTER TABLE change_log ADD COLUMN batch INTEGER;
        ALTER TABLE change_log ADD COLUMN undoes INTEGER;
        CREATE INDEX change_log_login ON change_log(login, sequence);
        CREATE INDEX change_log_batch ON change_log(batch) WHERE batch IS NOT NULL;
        CREATE INDEX change_log_undoes ON change_log(undoes) WHERE undoes IS NOT NULL;
        """

    // Every template version a kartläggning can be made with, kept for good: a kartläggning names its
    // `template_version`, and is always shown with that version's questions (docs/decisions/0004). A stored
    // version is never changed or removed; a changed template file is a new version. `content` is the
    // template as Core's JSON (what forms are built from), `source` the YAML text it was read from. No
    // foreign key from `kartlaggning.template_version`: rows made before this table existed name versions
    // that were never stored, and must stay readable.
    static let v1KartlaggningTemplates = """
        CREATE TABLE kartlaggning_template (
            version INTEGER PRIMARY KEY NOT NULL CHECK (version >= 1),
            title TEXT NOT NULL,
            content TEXT NOT NULL CHECK (json_valid(content)),
            source TEXT NOT NULL,
            registered_at REAL NOT NULL,
            registered_by TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER kartlaggning_template_never_updated BEFORE UPDATE ON kartlaggning_template
        BEGIN
            SELECT RAISE(ABORT, 'en sparad mallversion ändras inte: höj versionen i mallfilen');
        END;
        CREATE TRIGGER kartlaggning_template_never_deleted BEFORE DELETE ON kartlaggning_template
        BEGIN
            SELECT RAISE(ABORT, 'en sparad mallversion tas inte bort: kartläggningar visas med den');
        END;
        """

    // Insats episodes get who decided them and when, why they ended and a note; meetings get the team members
    // taking part (a sorted code list of member ids, like `professions`), the interpreter's language and a
    // note recorded with the outcome. All nullable (members '' for none), so rows written before read as
    // "not recorded". `members` is not a foreign key: a code list cannot be one, and members are never
    // deleted (they are made inactive). The week list reads meetings through `meeting_date`.
    static let v2InsatsDecisionsAndMeetingMembers = """
        ALTER TABLE insats_episode ADD COLUMN decided_by TEXT;
        ALTER TABLE insats_episode ADD COLUMN decision_date TEXT;
        ALTER TABLE insats_episode ADD COLUMN end_reason TEXT;
        ALTER TABLE insats_episode ADD COLUMN note TEXT;
        ALTER TABLE meeting ADD COLUMN members TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting ADD COLUMN interpreter_language TEXT;
        ALTER TABLE meeting ADD COLUMN outcome_note TEXT;
        """

    // The caseload list's order stored on each participant and indexed: `sort_key` is
    // `SwedishCollation.key(last_name + " " + first_name)`, whose byte order is the Swedish order (å ä ö after
    // z), so the list's first page is a range read of the index instead of a sort of the whole table. Every
    // write of a participant writes it (`ParticipantTable.values`); this fills it for the rows there are,
    // through `swedish_key`, which the store registers on every connection it opens.
    static let v1ParticipantSortKey = """
        ALTER TABLE participant ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
        UPDATE participant SET sort_key = swedish_key(last_name || ' ' || first_name);
        CREATE INDEX participant_sort_key ON participant(sort_key, id);
        """

    // Who read, revealed, exported or printed what (docs/privacy.md). Append-only like the change log: the
    // triggers make SQLite refuse to rewrite it, whatever program writes. Not part of the change log, so a
    // read does not make open windows refresh. `participant_id` is NULL for an export of many; `participants`
    // is how many it covered. `organisation` is the login's team member's organisation then, or ''.
    static let v2AccessLog = """
        CREATE TABLE access_log (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            login TEXT NOT NULL,
            organisation TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('läsa', 'visa-personnummer', 'exportera', 'skriva-ut')),
            participant_id TEXT,
            participants INTEGER NOT NULL CHECK (participants >= 0),
            format TEXT NOT NULL,
            with_names INTEGER NOT NULL CHECK (with_names IN (0, 1)),
            detail TEXT NOT NULL
        ) STRICT;
        CREATE INDEX access_log_participant ON access_log(participant_id, sequence);
        CREATE INDEX access_log_login ON access_log(login, sequence);
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN
            SELECT RAISE(ABORT, 'access_log är append-only');
        END;
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN
            SELECT RAISE(ABORT, 'access_log är append-only');
        END;
        """

    /// The information category of a note (docs/privacy.md). NULL for the notes written before: they read
    /// as their owner's own kind of work. Notes are never updated, so the old ones are not filled in.
    static let v3NoteCategory = """
        ALTER TABLE note ADD COLUMN category TEXT
            CHECK (category IS NULL OR category IN ('identitet-kontakt', 'af-planering', 'ekonomiskt-bistand',
                'utbildning-arbete', 'halsa', 'sjukskrivning', 'missbruk', 'social-situation'));
        """

    // Gallring (docs/privacy.md). `retention_policy`: the rule each organisation chose; an organisation without
    // a row has the default (Core's `RetentionRule.default`). A setting of the caseload, not a record about
    // anyone, so not in the change log: the row keeps who set it and when. `gallring_log`: one append-only
    // line per run, without ids or names (how many, the rules, the day). `gallring_erasing` is empty except
    // inside the transaction that erases participants: it names the ids whose change-log rows may then be
    // deleted, so `change_log_no_delete` still refuses every other DELETE, whatever program tries.
    static let v3Gallring = """
        CREATE TABLE retention_policy (
            organisation TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('efter-uppfoljning', 'personakt')),
            months INTEGER,
            set_at REAL NOT NULL,
            set_by TEXT NOT NULL,
            CHECK ((kind = 'efter-uppfoljning' AND months BETWEEN 1 AND 120) OR (kind = 'personakt' AND months IS NULL))
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE gallring_log (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            login TEXT NOT NULL,
            organisation TEXT NOT NULL,
            day TEXT NOT NULL,
            participants INTEGER NOT NULL CHECK (participants >= 1),
            rules TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER gallring_log_no_update BEFORE UPDATE ON gallring_log
        BEGIN
            SELECT RAISE(ABORT, 'gallring_log är append-only');
        END;
        CREATE TRIGGER gallring_log_no_delete BEFORE DELETE ON gallring_log
        BEGIN
            SELECT RAISE(ABORT, 'gallring_log är append-only');
        END;
        CREATE TABLE gallring_erasing (
            id TEXT PRIMARY KEY NOT NULL
        ) STRICT, WITHOUT ROWID;
        DROP TRIGGER change_log_no_delete;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
        WHEN NOT EXISTS (SELECT 1 FROM gallring_erasing WHERE id IN (OLD.participant_id, OLD.record_id))
        BEGIN
            SELECT RAISE(ABORT, 'change_log är append-only');
        END;
        """

    // The week list's sections about every open participant ("utan pågående/jobbinriktad insats", "glapp",
    // "nära längsta tid", consent problems) are one merge of three scans in participant-id order
    // (`CaseloadStore.weekState`): the open participants, their ongoing insatser and their valid consents.
    // These covering indexes hold every column those scans read, in that order, so each is one pass over an
    // index instead of a lookup of every row in the table (docs/benchmarks.md, docs/storage.md).
    static let v3WeekIndexes = """
        CREATE INDEX participant_open
            ON participant(id, first_name, last_name, status, protected_identity) WHERE status <> 'avslutad';
        CREATE INDEX insats_episode_participant_live
            ON insats_episode(participant_id, status, start_date, planned_start, end_date, planned_end, type_code);
        CREATE INDEX consent_participant_valid
            ON consent(participant_id, valid_from, valid_to, withdrawn_on, discloser, recipient);
        """

    // Min vecka reads the week's meetings the reader takes part in: those of the reader's participants and those
    // whose `members` name the reader. With `participant_id` and `members` in the week's index, SQLite decides
    // from the index and reads only the matching rows (26 of 2 407 in a week at 10 000 participants) instead of
    // every meeting of the week. The index keeps its name and its leading columns, so every query that used it
    // still does (`IF EXISTS`: a file repaired by hand may have lost it). `participant_closed` gives gallring's
    // count of closed participants (shown on the week list) without reading every participant's row
    // (docs/storage.md).
    static let v3WeekReaderIndexes = """
        DROP INDEX IF EXISTS meeting_date;
        CREATE INDEX meeting_date ON meeting(date, start_minute, participant_id, members);
        CREATE INDEX participant_closed ON participant(id) WHERE status = 'avslutad';
        """

    /// Arbetslag: a caseload that holds several teams (a city's) says which one each member works in; NULL is
    /// the one team of a caseload without lag. A lag's week reads its members' assignments through
    /// `responsible_assignment_member`.
    static let v3TeamUnits = """
        ALTER TABLE team_member ADD COLUMN unit TEXT;
        """
}
