// The entity panel: the people, organisations, places, dates and figures the article names.
//
// Input: the analysed text, the analysis `entities` ([{id, name, kind, mentions: [{start,
// end}], roles? ({title, organization?, place?}, strings or spans), salience?, sentiment?}]; the panel stays hidden
// when the field is absent) and the
// Interactions (interact.js). Output: #entities holds one group per kind (people,
// organisations and places first), each a list of chips, the main actors first (by salience
// when the analysis gives it, else by number of mentions); pointing at a chip previews its
// mentions in the article, selecting it keeps them highlighted. Long groups show their first
// GROUP_LIMIT chips and a "Show all" button.

import { appendCapped, button, byId, countBadge, el, listItem } from './dom.js';
import { capitalise, formatTone, kindLabel, oneLine, toneWord } from './format.js';
import { ENTITY_KINDS } from './highlights.js';

const GROUP_LIMIT = 12;
const HEADINGS = {
  person: 'People', organization: 'Organisations', location: 'Places', date: 'Dates',
  money: 'Money', percent: 'Percentages', quantity: 'Quantities',
};

/**
 * The entities grouped by kind in display order, each group sorted main actors first.
 * @returns {{kind: string, heading: string, entities: any[]}[]}
 */
export function groupEntities(entities) {
  const groups = new Map();
  entities.forEach((entity, order) => {
    const list = groups.get(entity.kind) ?? [];
    list.push({ entity, order });
    groups.set(entity.kind, list);
  });
  const rank = (kind) => (ENTITY_KINDS.includes(kind) ? ENTITY_KINDS.indexOf(kind) : ENTITY_KINDS.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, list]) => {
      const bySalience = list.some(({ entity }) => typeof entity.salience === 'number');
      const weight = ({ entity }) => (bySalience ? entity.salience ?? 0 : entity.mentions?.length ?? 0);
      list.sort((a, b) => weight(b) - weight(a) || a.order - b.order);
      return { kind, heading: HEADINGS[kind] ?? capitalise(kindLabel(kind)), entities: list.map(({ entity }) => entity) };
    });
}

export function renderEntities(text, analysis, interactions) {
  const section = byId('entities-section');
  const entities = analysis.entities;
  section.hidden = !Array.isArray(entities);
  if (section.hidden) return;
  const box = byId('entities');
  const groups = groupEntities(entities);
  if (!groups.length) {
    box.replaceChildren(el('p', 'No people, organisations, places, dates or figures found.', 'note'));
    return;
  }
  box.replaceChildren(...groups.map(({ kind, heading, entities: members }) => {
    const group = el('section', null, 'entity-group');
    const title = el('h3', heading);
    title.append(el('span', ` (${members.length})`, 'hint'));
    const list = el('ul', null, 'chips');
    group.append(title, list);
    appendCapped(list, members, GROUP_LIMIT, (entity) => listItem(chip(text, entity, kind, interactions)), kindLabel(heading));
    return group;
  }));
}

function chip(text, entity, kind, interactions) {
  const mentions = entity.mentions ?? [];
  const item = button(null, `chip chip-ent mk-ent-${ENTITY_KINDS.includes(kind) ? kind : 'other'}`);
  item.append(el('span', null, 'chip-swatch'), entity.name);
  const roles = [...new Set((Array.isArray(entity.roles) ? entity.roles : []).map((role) => roleText(text, role)).filter(Boolean))];
  if (roles.length) item.append(el('span', ` · ${roles.join(', ')}`, 'chip-detail'));
  item.append(countBadge(mentions.length, 'mention'));
  const notes = [`${mentions.length} mention${mentions.length === 1 ? '' : 's'}`];
  if (typeof entity.salience === 'number') notes.push(`salience ${Math.round(entity.salience * 100)}%`);
  if (typeof entity.sentiment === 'number') notes.push(`tone ${formatTone(entity.sentiment)} (${toneWord(entity.sentiment)})`);
  item.title = `${notes.join('; ')}. Select to highlight it in the text.`;
  interactions.pickable(item, entity.name, mentions);
  return item;
}

/**
 * A role given as {title, organization?, place?} ("Defense Minister, Russia"), as a string, or as a span of the
 * text ({start, end}); anything else is skipped.
 */
function roleText(text, role) {
  if (typeof role === 'string') return oneLine(role);
  if (typeof role?.title === 'string') {
    const of = [role.organization, role.place].filter((part) => typeof part === 'string' && part);
    return oneLine([role.title, ...of].join(', '));
  }
  if (Number.isInteger(role?.start) && Number.isInteger(role?.end)) return oneLine(text.slice(role.start, role.end));
  return '';
}
