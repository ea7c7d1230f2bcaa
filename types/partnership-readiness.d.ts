// TypeScript declarations for pages that embed the partnership readiness widget:
// the `detail` of each DOM event it dispatches (src/codec/host_events.rs), the
// messages of its iframe page (js/embed.js), the export document a `completed`
// event carries with data-event-detail="document" (src/codec/export.rs,
// partnership-readiness.schema.json), a questionnaire file
// (questionnaire.schema.json) and the global `partnershipReadiness` that
// pr-boot.js defines (js/boot.js). EMBEDDING.md explains each.
//
// Use it from the package (`"types"`), or copy it next to your scripts and
// reference it: /// <reference path="./partnership-readiness.d.ts" />

/** The events the widget dispatches on its mount point (they bubble). */
export type PartnershipReadinessEventName =
  | 'partnership-readiness:started'
  | 'partnership-readiness:step'
  | 'partnership-readiness:completed'
  | 'partnership-readiness:shared'
  | 'partnership-readiness:error';

/** `partnership-readiness:started`: the visitor starts the check, or continues the one in progress. */
export interface StartedDetail {
  /** True when the check in progress was continued, false for a new one. */
  resumed: boolean;
}

/** `partnership-readiness:step`: another step is shown. */
export interface StepDetail {
  /** The step shown, 0-based; `index === total` is the review of all answers. */
  index: number;
  /** The number of principles (10). */
  total: number;
  /** The principle of this step; null on the review. */
  principle: { id: string; title: string } | null;
}

/** A result's scores as every host hears them (`completed`'s `summary`). */
export interface ResultSummary {
  /** The result's id: a string, as it exceeds JavaScript's safe integers. */
  id: string;
  /** The result's label as the visitor typed it; "" when none. */
  label: string;
  /** The overall score, a whole number 0-100; null when nothing was rated. */
  overall: number | null;
  /** The band's label in the visitor's language; null when nothing was rated. */
  band: string | null;
  /**
   * The band's id, the same in every language (`not-yet-ready`, `emerging`,
   * `developing`, `ready`, `partnership-ready`, or your own questionnaire's
   * band ids); null when nothing was rated.
   */
  bandId: string | null;
  /** Each principle in the questionnaire's order, its score 0-100 or null (nothing rated). */
  principles: Array<{ id: string; title: string; score: number | null }>;
}

/** `partnership-readiness:completed`: a result is saved. */
export interface CompletedDetail {
  summary: ResultSummary;
  /**
   * The whole result, with every answer and note: only when the mount point has
   * data-event-detail="document" (absent otherwise).
   */
  document?: ResultDocument;
}

/** `completed`'s detail on a mount point with data-event-detail="document": the document is always there. */
export type CompletedDetailWithDocument = CompletedDetail & { document: ResultDocument };

/** How a result left the widget's share screen. */
export type ShareMethod = 'link' | 'protected-link' | 'json' | 'file';

/** `partnership-readiness:shared`: a result leaves the widget from its share screen. */
export interface SharedDetail {
  /** The result's id (as in `ResultSummary.id`). */
  id: string;
  how: ShareMethod;
}

/** Why a widget cannot start (`ErrorDetail.reason`). */
export type ErrorReason =
  | 'questionnaire-other-origin'
  | 'questionnaire-unreachable'
  | 'questionnaire-http-error'
  | 'questionnaire-too-large'
  | 'questionnaire-not-text'
  | 'questionnaire-invalid';

/**
 * `partnership-readiness:error`: the widget cannot start (today: the
 * questionnaire its data-questionnaire names cannot be used); the visitor sees a
 * short message. Only `questionnaire-unreachable` may pass with a reload.
 */
export interface ErrorDetail {
  reason: ErrorReason;
  /** The sentence the console shows, in English, naming the file and every broken rule. */
  message: string;
}

/** Each event's `detail`. */
export interface PartnershipReadinessEventDetails {
  'partnership-readiness:started': StartedDetail;
  'partnership-readiness:step': StepDetail;
  'partnership-readiness:completed': CompletedDetail;
  'partnership-readiness:shared': SharedDetail;
  'partnership-readiness:error': ErrorDetail;
}

/** The events as the DOM delivers them. */
export type PartnershipReadinessEventMap = {
  [K in PartnershipReadinessEventName]: CustomEvent<PartnershipReadinessEventDetails[K]>;
};

/**
 * `partnership-readiness:stored`, on `window`, not bubbling: how widgets on one
 * page with the same storage key tell each other they wrote. Internal to the
 * widget (not in EMBEDDING.md) and may change; declared so that listening for it
 * type-checks. `detail` is [storage key, writing instance, whether it wrote the results too].
 */
export type StoredEvent = CustomEvent<[key: string, instance: string, withResults: boolean]>;

/** One answer: 1 (strongly disagree) to 5 (strongly agree), or "not-sure". */
export type Answer = 1 | 2 | 3 | 4 | 5 | 'not-sure';

/** An exported result (`partnership-readiness/result`, version 1; see partnership-readiness.schema.json). */
export interface ResultDocument {
  format: 'partnership-readiness/result';
  version: 1;
  /** The questions the result was answered on. */
  questionnaire: { id: string; version: string; hash: string };
  /** When the check was finished, ISO 8601 in UTC (`2025-11-24T16:00:00.000Z`). */
  created: string;
  /** Present when the result has a label. */
  label?: string;
  /** Answers by statement id. */
  answers: Record<string, Answer>;
  /** Notes by principle id; present when there are notes. */
  notes?: Record<string, string>;
  /** Informative only: readers recompute scores from the answers. */
  scores: {
    informative: true;
    overall: number | null;
    /** The band's label (not its id). */
    band: string | null;
    principles: Record<string, number | null>;
  };
  /** Present (true) when the result is a partner's that this browser received. */
  received?: true;
}

/** A backup of results (`partnership-readiness/backup`, version 1). */
export interface BackupDocument {
  format: 'partnership-readiness/backup';
  version: 1;
  created: string;
  results: ResultDocument[];
}

/** The screen a widget shows, in its mount point's `data-pr-screen` attribute. */
export type PartnershipReadinessScreen =
  | 'start' | 'step' | 'review' | 'results' | 'share' | 'import' | 'shared' | 'compare' | 'agenda'
  | 'teams' | 'team' | 'shared-team';

/** Messages `embed.html` posts to its parent, at the origin named by `?origin=` only. */
export type FrameMessage =
  | { type: 'partnership-readiness:height'; height: number }
  /** Only with `&configure` in the iframe's address: answer with a `configure` message. */
  | { type: 'partnership-readiness:ready' }
  | { type: 'partnership-readiness:completed'; summary: ResultSummary | null };

/** Messages the parent page may post to `embed.html` (taken only from the parent at `origin`). */
export type HostMessage =
  | {
      type: 'partnership-readiness:configure';
      /** The start screen's heading. */
      heading?: string;
      /** The label of the result-label field. */
      labelPrompt?: string;
      /** The page share links should open on: taken only when it is an address at `origin`. */
      sharePage?: string;
    }
  /** Asks for the height again. */
  | { type: 'partnership-readiness:measure' };

/** A questionnaire file (data-questionnaire; questionnaire.schema.json states its rules). */
export interface QuestionnaireFile {
  id: string;
  version: string;
  locale: string;
  title: string;
  /** Lowest first, covering 0-100 without gaps or overlaps. */
  bands: Array<{ id?: string | null; min: number; max: number; label: string; description: string }>;
  /** Exactly ten. */
  principles: Array<{
    id: string;
    title: string;
    /** At most 16 characters are shown. */
    short?: string | null;
    summary: string;
    /** Positive. */
    weight: number;
    /** Exactly three; ids start with the principle's id and a dot. */
    statements: Array<{ id: string; text: string }>;
    /** Two or three. */
    recommendations: string[];
    /** Exactly three. */
    questions: string[];
  }>;
}

/** A loaded build of the widget (its wasm-bindgen module). */
export interface PartnershipReadinessBuild {
  /** Mounts a widget into every marked element that has none yet; returns how many. */
  mount_all(): number;
  [name: string]: unknown;
}

/** `window.partnershipReadiness`, defined by pr-boot.js (frozen). */
export interface PartnershipReadinessApi {
  /** Loads the full build (once) and resolves to its module. */
  readonly loadFull: () => Promise<PartnershipReadinessBuild>;
  /** Mounts widgets into marked elements added after the page loaded; resolves to how many. */
  readonly mount: () => Promise<number>;
  /** The URL of one of the widget's files, relative to pr-boot.js (`assetUrl('data/questionnaire.de.json')`). */
  readonly assetUrl: (path: string) => string;
}

declare global {
  /** Set once pr-boot.js has run: undefined in scripts that run before it. */
  // eslint-disable-next-line no-var
  var partnershipReadiness: PartnershipReadinessApi | undefined;

  // The mount point is any element (querySelector gives an Element), usually an HTMLElement.
  interface ElementEventMap extends PartnershipReadinessEventMap {}
  interface HTMLElementEventMap extends PartnershipReadinessEventMap {}
  interface DocumentEventMap extends PartnershipReadinessEventMap {}
  interface WindowEventMap extends PartnershipReadinessEventMap {
    'partnership-readiness:stored': StoredEvent;
  }
}
