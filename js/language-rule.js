// Which language a mount point asks for, and which first (core) build can run
// it: the rule of src/config.rs (`LanguageChoice::resolve`,
// `Config::needs_full_build`), which the boot script needs before any Rust has
// loaded, to pick the build to fetch. scripts/post-build.mjs puts this file at
// the top of pr-boot.js. tests/fixtures/language-rule.json holds the cases both
// must agree on: config.rs's tests and tests/e2e/language-rule.test.mjs read it.

/** The languages the widget speaks; the first is compiled into the full build. */
export const SPOKEN = ['en', 'de'];

/**
 * The language a mount point shows: its `data-lang` (`en`, `de`, or `auto`; an
 * invalid value reads as `auto`), `auto` resolved against the browser's
 * languages (first one spoken, by primary subtag), else English.
 */
export function resolveLanguage(lang, browserLanguages) {
  const asked = (lang ?? 'auto').trim().toLowerCase();
  if (SPOKEN.includes(asked)) return asked;
  for (const tag of browserLanguages ?? []) {
    const primary = tag.split(/[-_]/)[0].toLowerCase();
    if (SPOKEN.includes(primary)) return primary;
  }
  return SPOKEN[0];
}

/**
 * Which first-load build can run a mount point: the core build of the language
 * it shows (each language the widget speaks has one, compiled in), `own` for
 * an English one on its host's questionnaire, or null when only the full build
 * can (a host's questionnaire in another language, or whole result documents
 * for its host: `data-event-detail="document"`).
 */
export function firstLoadBuild(lang, questionnaire, eventDetail, browserLanguages) {
  if ((eventDetail ?? '').trim().toLowerCase() === 'document') return null;
  const language = resolveLanguage(lang, browserLanguages);
  if (!(questionnaire ?? '').trim()) return language;
  return language === SPOKEN[0] ? 'own' : null;
}

/**
 * Whether a mount point needs more than the English core build (config.rs's
 * `Config::needs_full_build` there): another language, a host's own
 * questionnaire, or whole result documents for its host.
 */
export function needsFull(lang, questionnaire, eventDetail, browserLanguages) {
  return firstLoadBuild(lang, questionnaire, eventDetail, browserLanguages) !== SPOKEN[0];
}
