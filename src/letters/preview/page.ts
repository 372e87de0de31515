// The preview page: pick a template and a recipient, see the letter or email as it
// will look (in a sandboxed frame, scripts off), with its subject, address and the
// list of missing values. Plain HTML and a little script; all data set as text.

export const PREVIEW_PAGE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>bankpack 信函预览 · Letter preview</title>
<style>
  body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; display: grid; grid-template-columns: 340px 1fr; height: 100vh; }
  aside { padding: 16px; border-right: 1px solid #ddd; overflow: auto; background: #fafafa; }
  main { display: flex; flex-direction: column; min-width: 0; }
  h1 { font-size: 16px; margin: 0 0 12px; }
  label { display: block; font-size: 12px; color: #555; margin: 12px 0 4px; }
  select { width: 100%; font-size: 14px; padding: 4px; }
  .meta { padding: 10px 16px; border-bottom: 1px solid #ddd; font-size: 14px; }
  .meta div { margin: 2px 0; }
  #missing { margin-top: 16px; font-size: 13px; }
  #missing.ok { color: #17693a; }
  #missing ul { padding-left: 18px; color: #a11; }
  #problems { color: #a11; font-size: 13px; white-space: pre-wrap; }
  iframe { flex: 1; border: 0; width: 100%; background: #e8e8e8; }
  .desc { font-size: 12px; color: #666; margin-top: 4px; }
</style>
</head>
<body>
<aside>
  <h1>信函与邮件预览 <small>Letter preview</small></h1>
  <label for="template">模板 Template</label>
  <select id="template"></select>
  <div class="desc" id="description"></div>
  <label for="recipient">收件人 Recipient</label>
  <select id="recipient"></select>
  <div id="missing"></div>
  <div id="problems"></div>
</aside>
<main>
  <div class="meta">
    <div id="to"></div>
    <div id="subject"></div>
  </div>
  <iframe id="letter" title="letter" sandbox="allow-same-origin"></iframe>
</main>
<script>
const $ = (id) => document.getElementById(id);
let templates = [];
const option = (value, text) => { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; };
async function json(url) { const r = await fetch(url); const body = await r.json(); if (!r.ok) throw new Error(body.error || r.statusText); return body; }
async function loadTemplates() {
  templates = await json('/api/templates');
  $('template').replaceChildren(...templates.map((t) => option(t.id, t.id + ' (' + t.object + ')')));
  await pickTemplate();
}
async function pickTemplate() {
  const t = templates.find((x) => x.id === $('template').value);
  $('description').textContent = t ? t.description : '';
  $('problems').textContent = t && t.problems.length ? '模板有错误 Template errors:\\n' + t.problems.join('\\n') : '';
  $('recipient').replaceChildren();
  showLetter(null);
  if (!t || t.problems.length) return;
  try {
    const recipients = await json('/api/recipients?template=' + encodeURIComponent(t.id));
    $('recipient').replaceChildren(...recipients.map((r) => option(r.id, (r.missing ? '⚠ ' : '') + r.name)));
    if (recipients.length === 0) $('problems').textContent = '没有收件人 No recipients';
    await pickRecipient();
  } catch (e) { $('problems').textContent = String(e.message || e); }
}
async function pickRecipient() {
  const template = $('template').value, id = $('recipient').value;
  if (!id) return;
  const q = '?template=' + encodeURIComponent(template) + '&id=' + encodeURIComponent(id);
  try {
    const r = await json('/api/render' + q);
    $('to').textContent = r.to !== undefined ? '收件人 To: ' + (r.to || '（无邮箱 no address）') : '';
    $('subject').textContent = r.subject !== undefined ? '主题 Subject: ' + r.subject : '';
    const box = $('missing');
    if (r.missing.length === 0) { box.className = 'ok'; box.textContent = '✓ 没有缺失值 No missing values'; }
    else {
      box.className = '';
      const list = document.createElement('ul');
      for (const m of r.missing) { const li = document.createElement('li'); li.textContent = m; list.append(li); }
      const title = document.createElement('div');
      title.textContent = '缺失值 Missing values (' + r.missing.length + ') — this letter would not be sent:';
      box.replaceChildren(title, list);
    }
    showLetter('/letter' + q);
  } catch (e) { $('problems').textContent = String(e.message || e); }
}
function showLetter(src) { if (src) $('letter').src = src; else $('letter').removeAttribute('src'); }
$('template').addEventListener('change', pickTemplate);
$('recipient').addEventListener('change', pickRecipient);
loadTemplates().catch((e) => { $('problems').textContent = String(e.message || e); });
</script>
</body>
</html>
`;
