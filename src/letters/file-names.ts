// File names for one letter per recipient: sortable, readable, unique, and safe both in
// a shell and on Windows. Letters and digits of any script stay (Chinese names read as
// they are); every other character outside a short safe list becomes a hyphen, so no
// quote, glob, redirection, `&`, `|`, `$`, `{}` or path separator reaches the name.

/** Characters kept besides letters, marks and digits: none of them means anything to a shell or to Windows. */
const SAFE_PUNCTUATION = /[._\-\u3001-\u303f\uff08\uff09\uff0c\uff0d\u00b7]/u;

/** `0007-上海精密仪器有限公司-3f2a1b4c`: the run's order, the recipient's name, the start of its id. */
export function letterFileStem(index: number, name: string, id: string): string {
  const safe = [...name.normalize('NFC')]
    .map((c) => (/[\p{L}\p{M}\p{N}]/u.test(c) || SAFE_PUNCTUATION.test(c) ? c : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
  const shortId = id.replace(/[^0-9a-zA-Z]/g, '').slice(0, 8);
  return [String(index).padStart(4, '0'), safe, shortId].filter((p) => p !== '').join('-');
}
