// The export buttons: download the full analysis as JSON, download the Markdown report, copy
// the report to the clipboard. (Printing uses the print stylesheet in style.css.)
//
// Input: the buttons #export-json, #export-markdown and #export-copy, a function giving the
// analysis on screen ({text, analysis, version} or null) and `say(message)` to tell the reader
// what happened. Output: files saved through a temporary blob: link (nothing leaves the
// page), or the report on the clipboard.

import { markdownReport } from './report.js';

/** @param {() => {text: string, analysis: any, version: string} | null} current */
export function setUpExport(current, say) {
  const on = (id, action) => document.getElementById(id).addEventListener('click', () => {
    const shown = current();
    if (shown) action(shown);
  });
  on('export-json', ({ analysis }) => {
    download('article-analysis.json', 'application/json', `${JSON.stringify(analysis, null, 2)}\n`);
    say('The analysis was saved as article-analysis.json.');
  });
  on('export-markdown', ({ text, analysis, version }) => {
    download('article-report.md', 'text/markdown', markdownReport(text, analysis, version));
    say('The report was saved as article-report.md.');
  });
  on('export-copy', async ({ text, analysis, version }) => {
    try {
      await navigator.clipboard.writeText(markdownReport(text, analysis, version));
      say('The report (Markdown) is on the clipboard.');
    } catch {
      say('The browser did not allow copying; use "Save report" instead.');
    }
  });
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
