// The plan for a terminal, Terraform-style: grouped by object, one sign per change
// (+ create, ~ update, ! conflict, ? not in pack, - remove), old → new per property.
import pc from 'picocolors';
import { countPlan, type Change, type Plan } from './plan.ts';

type Colors = ReturnType<typeof pc.createColors>;

export interface RenderOptions {
  color: boolean;
}

export function renderPlan(plan: Plan, options: RenderOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [`Twenty at ${plan.url}, labels in ${plan.locale}`, ''];
  const groups = new Map<string, Change[]>();
  for (const ch of plan.changes) groups.set(ch.object, [...(groups.get(ch.object) ?? []), ch]);
  for (const object of [...Object.keys(plan.unchanged), ...Object.keys(plan.notes ?? {})]) if (!groups.has(object)) groups.set(object, []);

  for (const [object, changes] of groups) {
    lines.push(c.bold(object));
    for (const ch of changes) lines.push(...renderChange(ch, c));
    const same = plan.unchanged[object] ?? 0;
    if (same > 0) lines.push(c.dim(`  = ${same} unchanged`));
    for (const n of plan.notes?.[object] ?? []) lines.push(c.dim(`  · ${n}`));
    lines.push('');
  }
  if (plan.changes.length === 0 && groups.size === 0) lines.push('Nothing in the pack to deploy.', '');
  lines.push(summaryLine(plan, c));
  return `${lines.join('\n')}\n`;
}

function sign(ch: Change, c: Colors): string {
  if (ch.apply?.op.startsWith('remove')) return c.red('-');
  switch (ch.action) {
    case 'create':
      return c.green('+');
    case 'update':
      return c.yellow('~');
    case 'conflict':
      return c.red('!');
    case 'not-in-pack':
      return c.cyan('?');
  }
}

function renderChange(ch: Change, c: Colors): string[] {
  const lost =
    ch.records === undefined || ch.records === 0
      ? ''
      : ch.kind === 'field'
        ? `  (values in up to ${ch.records} record${ch.records === 1 ? '' : 's'} would be lost)`
        : `  (${ch.records} record${ch.records === 1 ? '' : 's'} would be lost)`;
  const out = [`  ${sign(ch, c)} ${ch.title}${c.red(lost)}`];
  for (const d of ch.diffs ?? []) {
    out.push(
      d.from === null ? `      ${d.property}: ${value(d.to)}` : `      ${d.property}: ${value(d.from)} ${c.dim('→')} ${value(d.to)}`,
    );
  }
  if (ch.reason) out.push(`      ${ch.reason}`);
  if (ch.options && ch.options.length > 0) {
    out.push('      options:');
    for (const o of ch.options) out.push(`        - ${o}`);
  }
  for (const n of ch.notes ?? []) out.push(c.dim(`      · ${n}`));
  return out;
}

/** Strings quoted (as JSON, so Chinese stays readable), other values as JSON, long ones cut. */
export function value(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v ?? null);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function summaryLine(plan: Plan, c: Colors = pc.createColors(false)): string {
  const n = countPlan(plan);
  const parts = [
    `${n.create} to create`,
    `${n.update} to update`,
    ...(n.remove > 0 ? [c.red(`${n.remove} to remove`)] : []),
    `${n.unchanged} unchanged`,
    ...(n.conflict > 0 ? [c.red(`${n.conflict} conflict${n.conflict === 1 ? '' : 's'}`)] : []),
    ...(n.notInPack > 0 ? [`${n.notInPack} not in pack`] : []),
  ];
  return `Plan: ${parts.join(', ')}.`;
}
