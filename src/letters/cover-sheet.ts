// The first page of the print room's merged PDF: what the batch is, and every letter in
// it with its recipient, postal city, file and page count, so the room can check that
// the stack it folds is complete. Printed in the same TrueType faces as the letters.
import Handlebars from 'handlebars';

export interface CoverLine {
  index: number;
  name: string;
  file: string;
  pages: number;
}

export interface CoverSheet {
  /** The template's subject or name. */
  title: string;
  templateId: string;
  version: string;
  /** YYYY-MM-DD */
  date: string;
  letters: readonly CoverLine[];
}

const esc = (s: string | number): string => Handlebars.escapeExpression(String(s));

export function coverSheetHtml(c: CoverSheet): string {
  const pages = c.letters.reduce((n, l) => n + l.pages, 0);
  const rows = c.letters
    .map(
      (l) => `<tr><td>${esc(l.index)}</td><td>${esc(l.name)}</td><td class="n">${esc(l.pages)}</td><td class="f">${esc(l.file)}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(`${c.title} — 打印清单`)}</title>
<style>
  @page { size: A4; margin: 18mm 18mm 20mm 20mm; }
  html { font-synthesis: none; font-family: "Liberation Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 9.5pt; line-height: 1.5; }
  body { margin: 0; }
  h1 { font-size: 15pt; font-weight: normal; margin: 0 0 3mm; }
  p { margin: 0 0 1.5mm; }
  table { border-collapse: collapse; width: 100%; margin-top: 5mm; }
  th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 0.2mm solid #bbb; font-weight: normal; }
  th { border-bottom: 0.4mm solid #333; }
  td.n { text-align: right; }
  td.f { font-size: 8pt; color: #555; }
</style></head><body>
<h1>打印清单 Print run: ${esc(c.title)}</h1>
<p>模板 Template: ${esc(c.templateId)}（版本 ${esc(c.version)}） · 日期 Date: ${esc(c.date)}</p>
<p>共 ${esc(c.letters.length)} 封信、${esc(pages)} 页（不含本页）。A4 三折，装入 DL 开窗信封（GB/T 22585）。</p>
<table><thead><tr><th>#</th><th>收件人 Recipient</th><th>页数 Pages</th><th>文件 File</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
