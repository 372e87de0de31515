// The headers a mail provider expects of a bulk sender (Gmail's and Yahoo's 2024
// rules): List-Unsubscribe with a mailto and an https address (RFC 2369), one-click
// unsubscribe by POST (RFC 8058: only with an https address), a Message-ID that is
// the same every time the same email is sent (so a receiving system can drop the
// copy of an email sent twice), and the person's own name in To.

export interface UnsubscribeAddresses {
  /** An address, without `mailto:`. */
  mailto?: string;
  /** An https URL, `{id}` and `{email}` already filled for the recipient. */
  url?: string;
}

/** `<sendkey@sender-domain>`: stable per send key, unique per (campaign, recipient, template version). */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'bankpack.local';
  return `<${key}@${domain}>`;
}

/** List-Unsubscribe (the https address first, as providers prefer) and, with an https address, List-Unsubscribe-Post. */
export function unsubscribeHeaders(u: UnsubscribeAddresses): Record<string, string> {
  const targets = [u.url, u.mailto ? `mailto:${u.mailto}` : undefined].filter((t): t is string => t !== undefined && t !== '');
  if (targets.length === 0) return {};
  const headers: Record<string, string> = { 'List-Unsubscribe': targets.map((t) => `<${t}>`).join(', ') };
  if (u.url && /^https:\/\//i.test(u.url)) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}

/** Why these addresses cannot be used for a real send, if they cannot (empty when they can). */
export function unsubscribeProblems(u: UnsubscribeAddresses): string[] {
  const problems: string[] = [];
  if (!u.mailto) problems.push('no unsubscribe address: set email.unsubscribe.mailto in settings/bank.yaml');
  else if (!/^[^\s@<>]+@[^\s@<>]+$/.test(u.mailto))
    problems.push(`email.unsubscribe.mailto "${u.mailto}" is not an email address (write it without mailto:)`);
  if (!u.url)
    problems.push(
      'no unsubscribe URL: set email.unsubscribe.url in settings/bank.yaml to an https:// address (one-click unsubscribe, RFC 8058)',
    );
  else if (!/^https:\/\/[^\s]+$/i.test(u.url))
    problems.push(`email.unsubscribe.url "${u.url}" must be an https:// address (one-click unsubscribe, RFC 8058)`);
  return problems;
}
