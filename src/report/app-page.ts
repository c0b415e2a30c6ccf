/** The calculator page (`mbn-cost app`): one self-contained HTML file around the bundled library. */
import { BOX_CSS, pageHead } from "./html.js";
import { escapeXml } from "./untrusted-text.js";

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --bg: #ffffff; --card: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --card: #151b23; } }
* { box-sizing: border-box; } [hidden] { display: none !important; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
form { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 4px; }
input, select, button { font: inherit; padding: 4px 6px; }
#alpha { width: 7em; } #resolution { width: 7em; }
#totals { font-size: 22px; font-weight: bold; margin: 16px 0 4px; font-variant-numeric: tabular-nums; }
.sub, #timing { color: var(--muted); } #error { color: #c9453a; min-height: 1.4em; }
${BOX_CSS}
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 2px 8px; text-align: left; } td.num, th.num { text-align: right; }
code { background: var(--card); padding: 2px 4px; }
table.sortable th { cursor: pointer; user-select: none; }
#editor { margin-top: 12px; } #custom { width: 100%; font: 12px/1.4 ui-monospace, monospace; }
#depth { width: 5em; }
#results.stale { opacity: 0.3; pointer-events: none; }
#details { margin: 4px 0; padding-left: 1.2em; overflow-wrap: anywhere; }
body.dropping { outline: 3px dashed var(--muted); outline-offset: -6px; }
input[type=file] { max-width: 100%; }
`;

/**
 * Unpacks a script the page holds gzipped in base64 (`mbnUnpack(id)` → its text), then runs the
 * page's own: half the bytes of the plain script. A browser without DecompressionStream (before
 * Chrome 80, Firefox 113, Safari 16.4) gets one line saying so.
 */
const BOOT = `globalThis.mbnUnpack = async (id) => {
  const bytes = Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
};
mbnUnpack("app").then((text) => {
  const script = document.createElement("script");
  script.textContent = text;
  document.body.append(script);
}, (error) => {
  document.getElementById("error").textContent = "this browser cannot unpack the page (" + error.message + "): open it in a current Chrome, Firefox or Safari";
});`;

/**
 * The page around its scripts, each gzipped in base64 (scripts/bundle-app.mjs): `script`, unpacked
 * when the page opens, and `decoders` (of .onnx and .tflite files), unpacked when a file is dropped.
 * Base64 holds no markup that could end its element.
 */
export function renderAppPage(script: string, decoders: string, version: string): string {
  return [
    ...pageHead(`mbn-cost ${version}: MobileNet cost calculator`, CSS),
    "<h1>MobileNet cost calculator</h1>",
    '<form onsubmit="return false">',
    '<label>model <select id="model" aria-label="model"></select></label>',
    '<label>α <input id="alpha" aria-label="alpha" value="1" inputmode="decimal"></label>',
    '<label>α slider <input id="alpha-slider" type="range" min="0.1" max="2" step="0.01" value="1" aria-label="alpha slider"></label>',
    '<label>resolution <input id="resolution" aria-label="resolution" inputmode="numeric" placeholder="the model\'s"></label>',
    '<label>depth <input id="depth" aria-label="depth" value="1" inputmode="decimal"></label>',
    '<label>convention <select id="convention" aria-label="convention"></select></label>',
    '<label>hardware <select id="hardware" aria-label="hardware"></select></label>',
    '<label>dtype <select id="dtype" aria-label="dtype"></select></label>',
    '<button type="button" id="download-csv">download CSV</button>',
    '<button type="button" id="download-json">download JSON</button>',
    '<button type="button" id="copy-command">copy the command</button>',
    '<button type="button" id="add-to-comparison">add to comparison</button>',
    '<button type="button" id="clear-comparison">clear comparison</button>',
    '<label>your file (.json, .onnx, .tflite; or drop it on the page) <input id="file" type="file" accept=".json,.onnx,.tflite" aria-label="your file"></label>',
    "</form>",
    '<label id="editor" hidden>your architecture (the same JSON as an architecture file; validated as you type)<textarea id="custom" aria-label="your architecture" rows="16" spellcheck="false"></textarea></label>',
    '<p id="error" role="alert"></p>',
    '<div id="results">',
    '<p id="totals" aria-live="polite"></p>',
    '<p class="sub" id="convention-line"></p>',
    '<p class="sub" id="roofline"></p>',
    '<p class="sub">the same command: <code id="command"></code> · <span id="timing"></span></p>',
    '<details class="sub"><summary>source, memory and notes</summary><ul id="details"></ul></details>',
    '<div id="comparison"></div>',
    '<div id="layers-chart"></div>',
    '<div id="type-chart"></div>',
    '<div id="resolution-chart"></div>',
    '<label>sweep budget line (MACs, e.g. 300M) <input id="budget" aria-label="budget" inputmode="numeric"></label>',
    '<div id="sweep-chart"></div>',
    '<label>show <select id="op-filter" aria-label="op filter"></select> (click a header to sort)</label>',
    '<div class="scroll" id="layers"></div>',
    "</div>",
    `<p class="sub">mbn-cost ${escapeXml(version)}: every number is exact and computed in this page by the same library as the CLI; nothing leaves it, your files neither.</p>`,
    `<script type="text/plain" id="app">${script}</script>`,
    `<script type="text/plain" id="decoders">${decoders}</script>`,
    `<script>${BOOT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
