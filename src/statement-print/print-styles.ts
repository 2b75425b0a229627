/** The printed page; the project page sets it too while it prints a copy of the statement. */
export const PRINT_PAGE_RULE = '@page { size: A4; margin: 18mm 16mm 20mm; }';

/**
 * The document's only stylesheet: A4 pages, print margins, no external fonts or images. `:host` and `.sheet`
 * stand in for `html` and `body` where a copy of the statement is shown in another page's shadow root.
 */
export const PRINT_STYLES = `
${PRINT_PAGE_RULE}
* { box-sizing: border-box; }
html, :host { color: #172b4d; background: #ffffff; }
body, .sheet { margin: 0 auto; max-width: 210mm; padding: 12mm; font: 10pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
header { display: flex; justify-content: space-between; gap: 12mm; border-bottom: 2px solid #172b4d; padding-bottom: 4mm; margin-bottom: 6mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 8mm 0 2mm; }
p { margin: 0; }
.muted { color: #44546f; }
.provisional { color: #ae2e24; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 0.5pt solid #c1c7d0; vertical-align: top; }
th { font-weight: 600; background: #f1f2f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.summary { width: auto; min-width: 50%; }
tr.total td { font-weight: 700; border-top: 1.5pt solid #172b4d; border-bottom: none; }
.lines { font-size: 8.5pt; }
.lines td:first-child { white-space: nowrap; }
.lines tr.segment td { color: #5e6c84; border-bottom: none; }
.lines tr.segment td:first-child { padding-left: 12pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 8mm; font-size: 8pt; }
@media print {
  body, .sheet { padding: 0; max-width: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`;
