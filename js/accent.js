// data-accent, loaded by the boot script only for a mount point that sets it:
// any opaque CSS colour dark enough to read as text on the light theme's
// backgrounds (WCAG AA, 4.5:1). The dark theme gets a lighter shade of it that
// reads as well on its backgrounds. Set as custom properties through the CSSOM,
// which a strict Content-Security-Policy allows (style attributes it does not).

// Relative luminance and contrast ratio (WCAG 2).
const channel = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const hex = (rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
// The widget's own backgrounds its accent is read on (widget.css): lightest and darkest per theme.
const LIGHT_BACKGROUND = [0xee, 0xf2, 0xf6];
const DARK_BACKGROUND = [0x23, 0x27, 0x2d];

/** `value` as [r, g, b] if it is an opaque CSS colour, using the browser's own parser. */
function parseColour(value) {
  if (!CSS.supports('color', value)) return null;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.fillStyle = value;
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(context.fillStyle);
  return match && match.slice(1).map((h) => parseInt(h, 16));
}

/** Sets the accent colours of the widget in `element` from its data-accent. */
export function apply(element) {
  const value = element.getAttribute('data-accent');
  if (value === null) return;
  const rgb = parseColour(value.trim());
  if (!rgb) {
    warn(value, 'is not an opaque CSS colour; using the default accent');
    return;
  }
  const ratio = contrast(rgb, LIGHT_BACKGROUND);
  if (ratio < 4.5) {
    warn(value, `is too light to read on the widget's background (${ratio.toFixed(1)}:1, at least 4.5:1 is needed); using the default accent`);
    return;
  }
  let dark = rgb;
  for (let share = 0.1; contrast(dark, DARK_BACKGROUND) < 4.5 && share <= 1; share += 0.1) {
    dark = rgb.map((c) => c + (255 - c) * share);
  }
  element.style.setProperty('--pr-accent', `light-dark(${hex(rgb)}, ${hex(dark)})`);
  element.style.setProperty('--pr-accent-text', 'light-dark(#ffffff, #0d1b26)');
}

function warn(value, instead) {
  console.warn(`partnership readiness: data-accent="${value}" ${instead}`);
}
