// How a letter addresses a person: from the FULL_NAME and the gender the CRM holds.
// Chinese puts the surname (lastName) first and adds 先生 / 女士; when the gender is
// not known, the letter uses the neutral 尊敬的客户 rather than guess.

export interface PersonLike {
  name?: { firstName?: string | null; lastName?: string | null } | null;
  gender?: string | null;
}

const isEnglish = (locale: string): boolean => locale.startsWith('en');

function trimmed(s: string | null | undefined): string {
  return (s ?? '').trim();
}

/** 张三 (zh) or San Zhang (en); "" when both parts are empty. */
export function fullName(name: PersonLike['name'], locale: string): string {
  const first = trimmed(name?.firstName);
  const last = trimmed(name?.lastName);
  return isEnglish(locale) ? [first, last].filter(Boolean).join(' ') : `${last}${first}`;
}

/** 张先生 / 李女士 / Mr Zhang / Ms Li; the neutral 客户 / Client when gender or surname is missing. */
export function honorific(person: PersonLike | null | undefined, locale: string): string {
  const surname = trimmed(person?.name?.lastName);
  const gender = person?.gender;
  if (isEnglish(locale)) {
    if (surname && gender === 'MALE') return `Mr ${surname}`;
    if (surname && gender === 'FEMALE') return `Ms ${surname}`;
    return 'Client';
  }
  if (surname && gender === 'MALE') return `${surname}先生`;
  if (surname && gender === 'FEMALE') return `${surname}女士`;
  return '客户';
}

/** The opening of a letter: 尊敬的张先生 / 尊敬的客户 / Dear Mr Zhang / Dear Client. */
export function salutation(person: PersonLike | null | undefined, locale: string): string {
  return isEnglish(locale) ? `Dear ${honorific(person, locale)}` : `尊敬的${honorific(person, locale)}`;
}
