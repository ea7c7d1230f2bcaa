// Builds the SurveyJS model of the widget's own questionnaire and texts (the
// same files the built widget serves: data/questionnaire.en.json, i18n/en.json)
// and renders it. A start page like the widget's start screen, then one page per
// principle: its three statements as 1–5 ratings on the widget's scale, and its
// optional note. (The widget's "Not sure" choice has no rating equivalent; left out.)
//
// The performance marks let scripts/bench-tti.mjs split SurveyJS's time too.
import questionnaire from '../data/questionnaire.en.json' with { type: 'json' };
import language from '../i18n/en.json' with { type: 'json' };

performance.mark('surveyjs:scripts-run');
const { common, start, step } = language.texts;
const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const titles = questionnaire.principles.map((p) => p.title).join(', ');
/** As the widget's (src/model/responses.rs). */
const NOTE_MAX_CHARS = 500;
const scale = common.rating_labels.map((text, i) => ({ value: i + 1, text }));

// No survey title: the page's heading is the title, as on the widget's page.
const model = {
  firstPageIsStartPage: true,
  startSurveyText: start.button,
  pageNextText: common.next,
  pagePrevText: common.back,
  showQuestionNumbers: 'off',
  showProgressBar: true,
  pages: [
    {
      name: 'start',
      elements: [{
        type: 'html',
        name: 'intro',
        html: `<h2>${escape(start.title)}</h2>`
          + [start.intro.replace('{principles}', titles), start.duration, start.privacy].map((p) => `<p>${escape(p)}</p>`).join(''),
      }],
    },
    ...questionnaire.principles.map((principle) => ({
      name: principle.id,
      title: principle.title,
      description: principle.summary,
      elements: [
        ...principle.statements.map((statement) => ({
          type: 'rating', name: statement.id, title: statement.text, rateValues: scale, displayMode: 'buttons',
        })),
        { type: 'comment', name: `${principle.id}.note`, title: step.note_label, description: step.note_hint, maxLength: NOTE_MAX_CHARS },
      ],
    })),
  ],
};

const survey = new globalThis.Survey.Model(model);
performance.mark('surveyjs:model-built');
survey.render(document.getElementById('survey'));
performance.mark('surveyjs:rendered');
