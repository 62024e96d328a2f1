/**
 * The departments of the menu, in the order the bulletin's areas are
 * listed. `tag` is the OpenAPI tag the area's routes carry.
 */
export interface Section {
  key: string;
  title: string;
  tag: string;
}

export const SECTIONS: readonly Section[] = [
  { key: 'medical', title: '医保', tag: 'medical' },
  { key: 'credit', title: '信用', tag: 'credit' },
  { key: 'price', title: '价格', tag: 'price' },
  { key: 'disability', title: '残联', tag: 'disability' },
  { key: 'simulation', title: '测算', tag: 'simulation' },
  { key: 'platform', title: '政策依据', tag: 'platform' },
];

export function sectionByKey(key: string): Section | undefined {
  return SECTIONS.find((s) => s.key === key);
}

export function sectionByTag(tag: string): Section | undefined {
  return SECTIONS.find((s) => s.tag === tag);
}
