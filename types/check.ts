// A host page's script using partnership-readiness.d.ts; type-checked by
// tests/e2e/types.test.mjs (`tsc -p types`). Each @ts-expect-error is a
// mistake the declarations must catch.
import type {
  CompletedDetailWithDocument, FrameMessage, HostMessage, QuestionnaireFile, ResultDocument,
} from './partnership-readiness';

const widget = document.querySelector<HTMLElement>('[data-partnership-readiness]');

widget?.addEventListener('partnership-readiness:completed', (event) => {
  const overall: number | null = event.detail.summary.overall;
  const band: string | null = event.detail.summary.bandId;
  const scores = event.detail.summary.principles.map((p) => `${p.title}: ${p.score ?? '-'}`);
  // Only with data-event-detail="document":
  const answers = event.detail.document?.answers ?? {};
  console.log(overall, band, scores, Object.keys(answers).length);
  // @ts-expect-error the scores are in `summary`, not on the detail itself
  console.log(event.detail.overall);
});

// A mount point with data-event-detail="document" may narrow the detail.
document.querySelector('#with-document')?.addEventListener('partnership-readiness:completed', (event) => {
  const { document: result } = event.detail as CompletedDetailWithDocument;
  console.log(result.created, result.label ?? '(no label)', result.scores.overall);
});

widget?.addEventListener('partnership-readiness:step', (event) => {
  const { index, total, principle } = event.detail;
  // @ts-expect-error principle is null on the review (index === total)
  console.log(principle.title);
  console.log(`${index + 1} of ${total + 1}`, principle?.title ?? 'review');
});

// The events bubble: any ancestor, the document or the window hears them.
document.addEventListener('partnership-readiness:started', (event) => console.log(event.detail.resumed));
addEventListener('partnership-readiness:shared', (event) => {
  const how: 'link' | 'protected-link' | 'json' | 'file' = event.detail.how;
  // @ts-expect-error `how` is one of four names
  const wrong: 'email' = event.detail.how;
  console.log(event.detail.id, how, wrong);
});
addEventListener('partnership-readiness:stored', (event) => {
  const [key, , withResults] = event.detail;
  console.log(key.toUpperCase(), withResults === true);
});

// The global the boot script defines (undefined before it has run).
async function addWidget(container: HTMLElement): Promise<number> {
  const element = document.createElement('div');
  element.dataset.partnershipReadiness = '';
  element.dataset.storageKey = 'later-widget';
  container.append(element);
  const url: string | undefined = window.partnershipReadiness?.assetUrl('questionnaire.schema.json');
  console.log(url);
  // @ts-expect-error the API may not be there yet
  partnershipReadiness.mount();
  return (await partnershipReadiness?.mount()) ?? 0;
}
void addWidget(document.body);

// The iframe page's messages.
const frame = document.querySelector<HTMLIFrameElement>('#readiness-frame');
addEventListener('message', (event: MessageEvent<FrameMessage>) => {
  if (!frame || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (message.type === 'partnership-readiness:height') frame.style.height = `${message.height}px`;
  if (message.type === 'partnership-readiness:completed') console.log(message.summary?.overall);
  if (message.type === 'partnership-readiness:ready') {
    const answer: HostMessage = { type: 'partnership-readiness:configure', heading: 'Ready to partner with Acme?' };
    frame.contentWindow?.postMessage(answer, new URL(frame.src).origin);
  }
});

// Documents: an export, and a questionnaire being written.
const received: ResultDocument = {
  format: 'partnership-readiness/result', version: 1,
  questionnaire: { id: 'partnership-readiness', version: '1.0.0', hash: '0123456789abcdef' },
  created: '2025-11-24T16:00:00.000Z',
  // @ts-expect-error answers are 1-5 or "not-sure"
  answers: { 'clear-objectives.shared-goals': 6 },
  scores: { informative: true, overall: null, band: null, principles: {} },
};
const draft: Pick<QuestionnaireFile, 'id' | 'bands'> = {
  id: 'supplier-readiness',
  bands: [{ min: 0, max: 100, label: 'All', description: 'Every score.' }],
};
console.log(received, draft);
