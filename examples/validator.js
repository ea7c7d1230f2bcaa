// The questionnaire validator page: a site owner's file checked by the widget's
// own rules (the full build's `checkQuestionnaire`, src/validator.rs), every
// broken rule listed; a valid file previewed in a widget that reads it from
// memory (a blob: URL, on this page's origin like any data-questionnaire).

const $ = (id) => document.getElementById(id);
let previewUrl = null;

function show(verdict) {
  const box = $('verdict');
  box.replaceChildren();
  const add = (tag, text, className) => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return box.appendChild(element);
  };
  if (verdict.valid) {
    add('p', `Valid: “${verdict.title}” (id ${verdict.id}, version ${verdict.version}).`, 'verdict-valid');
    add('p', `Content hash: ${verdict.hash}. Results answered on this file carry it; a change to what answers mean (ids, weights, version) changes it.`);
  } else {
    add('p', `Not usable: ${verdict.problems.length} ${verdict.problems.length === 1 ? 'problem' : 'problems'}.`, 'verdict-invalid');
    const list = add('ul', '');
    for (const problem of verdict.problems) {
      const item = document.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
  }
}

async function preview(text) {
  const area = $('preview-area');
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const mount = document.createElement('div');
  mount.setAttribute('data-partnership-readiness', '');
  mount.setAttribute('data-storage-key', 'questionnaire-preview');
  mount.setAttribute('data-features', 'history');
  mount.setAttribute('data-questionnaire', previewUrl);
  $('preview').replaceChildren(mount);
  area.hidden = false;
  await globalThis.partnershipReadiness.mount();
}

async function check(text) {
  $('verdict').replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Checking…' }));
  const full = await globalThis.partnershipReadiness.loadFull();
  const verdict = JSON.parse(full.checkQuestionnaire(text));
  show(verdict);
  if (verdict.valid) {
    await preview(text);
  } else {
    $('preview-area').hidden = true;
    $('preview').replaceChildren();
  }
}

async function checkFile(file) {
  if (!file) return;
  const text = await file.text();
  // Shown for editing when it is a size one edits by hand.
  $('text').value = text.length <= 100_000 ? text : '';
  await check(text);
}

addEventListener('DOMContentLoaded', () => {
  $('file').addEventListener('change', (event) => checkFile(event.target.files[0]));
  $('check').addEventListener('click', () => check($('text').value));
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => event.preventDefault());
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    checkFile(event.dataTransfer.files[0]);
  });
});
