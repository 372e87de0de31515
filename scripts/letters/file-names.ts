// File names for one letter per recipient: sortable, readable, unique, safe on any disk.

/** `0007-上海精密仪器有限公司-3f2a1b4c`: the run's order, the recipient's name, the start of its id. */
export function letterFileStem(index: number, name: string, id: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  const shortId = id.replace(/-/g, '').slice(0, 8);
  return [String(index).padStart(4, '0'), safe, shortId].filter((p) => p !== '').join('-');
}
