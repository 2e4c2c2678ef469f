import type { PickerOption } from './picker-parts.js';

/** Disabled options that share one reason, captioned once (`1:4, 4:1, 1:8 and 8:1 are only available at 1K`). */
export interface ReasonGroup<T> {
  key: string;
  values: T[];
  text: string;
}

/**
 * Disabled options grouped by the reason they share once their own value is taken out of it, so four
 * ratios excluded by one resolution get one caption ("1:4, 4:1, 1:8 and 8:1 are only available at 1K").
 */
export function groupReasons<T>(options: readonly PickerOption<T>[]): ReasonGroup<T>[] {
  const groups = new Map<string, { values: T[]; labels: string[]; reasons: string[] }>();
  for (const option of options) {
    if (!option.disabled || !option.reason) continue;
    const template = option.reason.split(option.label).join('\u0000');
    const group = groups.get(template) ?? { values: [], labels: [], reasons: [] };
    group.values.push(option.value);
    group.labels.push(option.label);
    group.reasons.push(option.reason);
    groups.set(template, group);
  }
  return [...groups].map(([template, group], index) => {
    const { labels } = group;
    const list =
      labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0]!;
    const text =
      labels.length === 1 || !template.includes('\u0000')
        ? group.reasons[0]!
        : template.startsWith('\u0000 is ')
          ? `${list} are ${template.slice('\u0000 is '.length)}`
          : template.split('\u0000').join(list);
    return { key: `reasons-${index}`, values: group.values, text };
  });
}
