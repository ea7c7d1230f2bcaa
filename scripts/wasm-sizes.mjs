#!/usr/bin/env node
// Where the bytes of the wasm module go: code size per function, summed by crate
// (or by any name prefix), read from the module's name section. Run it on the
// release build *before* wasm-opt, which strips names:
//
//   cargo build --release --target wasm32-unknown-unknown
//   node scripts/wasm-sizes.mjs target/wasm32-unknown-unknown/release/partnership-readiness.wasm [top] [filter]
//
// Prints the crates by total code size and the largest functions (optionally
// only those whose demangled name contains `filter`). Sizes are raw bytes before
// wasm-opt; they rank what costs most, not what a visitor downloads.
import { readFileSync } from 'node:fs';

const [file, topArg = '40', filter = ''] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-sizes.mjs <module.wasm> [top] [filter]');
  process.exit(2);
}
const bytes = readFileSync(file);
let pos = 8;

function uleb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return result;
  }
}
const name = () => {
  const length = uleb();
  const text = bytes.toString('utf8', pos, pos + length);
  pos += length;
  return text;
};

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = uleb();
  const end = pos + size;
  if (id === 2) {
    // Imports: functions among them take the first indices.
    for (let n = uleb(); n > 0; n -= 1) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { uleb(); importedFunctions += 1; }
      else if (kind === 1) { pos += 1; const flags = uleb(); uleb(); if (flags & 1) uleb(); }
      else if (kind === 2) { const flags = uleb(); uleb(); if (flags & 1) uleb(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos += 1; uleb(); }
    }
  } else if (id === 10) {
    for (let n = uleb(); n > 0; n -= 1) {
      const bodySize = uleb();
      bodySizes.push(bodySize);
      pos += bodySize;
    }
  } else if (id === 0 && name() === 'name') {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = uleb();
      const subEnd = pos + subSize;
      if (sub === 1) {
        for (let n = uleb(); n > 0; n -= 1) {
          const index = uleb();
          names.set(index, name());
        }
      }
      pos = subEnd;
    }
  }
  pos = end;
}

// Rust v0/legacy mangling is kept readable enough by taking the path prefix.
const demangle = (raw) => raw.replace(/^_ZN/, '').replace(/17h[0-9a-f]{16}E$/, '').replace(/\d+/g, '::');
const crateOf = (text) => {
  const match = text.match(/^(?:[<&]*\s*)?:*([A-Za-z_][A-Za-z0-9_]*)/);
  return match ? match[1] : '(other)';
};

const functions = bodySizes.map((size, i) => {
  const raw = names.get(i + importedFunctions) ?? `func${i + importedFunctions}`;
  const readable = demangle(raw);
  return { size, readable, crate: crateOf(readable) };
});
const total = functions.reduce((sum, f) => sum + f.size, 0);
const byCrate = new Map();
for (const f of functions) byCrate.set(f.crate, (byCrate.get(f.crate) ?? 0) + f.size);

console.log(`${functions.length} functions, ${total} bytes of code`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${String(size).padStart(8)}  ${(100 * size / total).toFixed(1).padStart(5)}%  ${crate}`);
}
console.log(`\nLargest functions${filter ? ` matching "${filter}"` : ''}:`);
for (const f of functions.filter((f) => f.readable.includes(filter)).sort((a, b) => b.size - a.size).slice(0, Number(topArg))) {
  console.log(`  ${String(f.size).padStart(8)}  ${f.readable.slice(0, 150)}`);
}
