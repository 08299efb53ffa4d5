import SamordnaCore
import TerminalUI

/// What happened: a key, a resize, a load finishing, a colleague's commit, a new day.
public enum Msg: Equatable, Sendable {
    case key(KeyChord)
    case resized(Size)
    /// Ctrl-C: leave cleanly (nothing is half-written; forms keep their drafts).
    case interrupt
    /// The terminal went away or the process was asked to stop (SIGHUP, SIGTERM).
    case hangup
    case caseloadLoaded(Caseload)
    /// The first page of a large caseload, in list order, and how many participants there are in all: drawn
    /// at once while the rest loads.
    case caseloadPreviewLoaded(Caseload, total: Int)
    case caseloadFailed(String)
    /// One participant's whole record, notes and kartläggningar, loaded when the participant opens.
    case detailsLoaded(ParticipantDetails)
    /// The participant form's save went through.
    case participantSaved(Participant.ID)
    case participantSaveFailed(SaveFailure)
    case noteSaved(Participant.ID)
    case noteSaveFailed(String)
    case consentSaved(Participant.ID)
    case consentSaveFailed(String)
    /// The user said who they are; the login is now that team member's.
    case loginClaimed(then: WhoAmIState.PendingAction)
    case loginClaimFailed(String)
    /// A change without a form of its own went through (avslut, återöppning, återkallelse, ångra, a bulk
    /// change): what to say, which participant to show again, and whether to clear the tags.
    case changeSaved(message: String, participant: Participant.ID?, untag: Bool)
    /// It did not: why, in Swedish. Any open form keeps what was typed.
    case changeFailed(String)
    /// A kartläggning opened (new from a copy, a draft to continue, or a completed one to read).
    case kartlaggningOpened(KartlaggningSession)
    /// Two kartläggningar to compare, each with its own template version.
    case kartlaggningCompared(KartlaggningSession, KartlaggningSession)
    /// A draft was saved (as returned by the store); `merged` when a colleague's answers to the same draft
    /// came in under ours.
    case kartlaggningDraftSaved(Kartlaggning, merged: Bool)
    case kartlaggningAssessmentSaved(ProfessionAssessment)
    /// The saves asked for on leaving the form are done.
    case kartlaggningFormFinished
    case kartlaggningSaveFailed(String)
    /// Another process committed to the caseload database.
    case storeChangedElsewhere
    case dayChanged(LocalDate)
}

/// What the world must do. The runtime performs these and answers with `Msg`s; `update` itself touches
/// no disk, clock or terminal.
public enum Effect: Equatable, Sendable {
    /// Load the open caseload: every participant with current data, recent and coming meetings.
    case loadCaseload
    /// At start: the first page of a large caseload (or all of a small one) for the first screen.
    case loadCaseloadPreview
    /// Load one participant's whole history for the overview.
    case loadRecord(Participant.ID)
    /// Save a new or edited participant (with the responsible staff), checking the version.
    case saveParticipant(ParticipantSave)
    /// Save a note by the logged-in team member.
    case addNote(NoteDraft)
    /// Register a consent, by the logged-in team member.
    case addConsent(Participant.ID, ConsentDraft)
    /// Record that this login belongs to a team member (asked once), then carry on.
    case claimLogin(TeamMember.ID, then: WhoAmIState.PendingAction)
    /// Close a participant: the exit record and status avslutad together, if nobody saved them since.
    case closeParticipant(ExitRecord, participantVersion: Int)
    /// Make a closed participant aktiv again.
    case reopenParticipant(Participant.ID, version: Int)
    /// Register that the participant withdrew a consent, by the logged-in team member.
    case withdrawConsent(Consent.ID, participant: Participant.ID, on: LocalDate, how: String)
    /// Take back the user's own last change.
    case undo
    /// One change to many participants, all or none.
    case bulkChange([Participant.ID], BulkAction)
    /// A new kartläggning: a draft on the current template, copying the last completed one's answers.
    case startKartlaggning(Participant.ID)
    /// Load a kartläggning with the template version it was made with and its assessments.
    case openKartlaggning(Kartlaggning.ID)
    case compareKartlaggningar(Kartlaggning.ID, Kartlaggning.ID)
    /// Save a draft's answers and who was present. `base` is the draft as last saved: if a colleague saved
    /// the same draft meanwhile, only what changed from `base` goes on top of theirs.
    case saveKartlaggningDraft(Kartlaggning, base: Kartlaggning)
    /// Save the user's profession's assessment on a draft.
    case saveDraftAssessment(ProfessionAssessment)
    /// After the saves of leaving the form: answered with `kartlaggningFormFinished`.
    case finishKartlaggningForm
    /// Mark a kartläggning klar, with the user's profession's assessment.
    case completeKartlaggning(KartlaggningCompletion)
    /// Write one kartläggning as a pseudonymised document and say where.
    case printKartlaggning(Kartlaggning.ID)
}
