// The highlight layer switches above the article: one checkbox per layer the analysis can
// feed (highlights.js), each with its colour swatches as a legend and how many items it has.
//
// Input: the analysis, the set of layer ids switched on, and `onToggle(id, on)`. Output:
// #layer-list rebuilt (cheap: a handful of controls). Layers whose analysis field is absent
// are left out; layers that need tokens show no count until the tokens are there.

import { el, listItem } from './dom.js';
import { formatCount } from './format.js';
import { LAYERS, layerAvailable } from './highlights.js';

export function renderLayerControls(analysis, enabled, onToggle) {
  const rows = LAYERS.filter((layer) => layerAvailable(layer, analysis)).map((layer) => {
    const row = el('div', null, 'layer');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `layer-${layer.id}`;
    box.checked = enabled.has(layer.id);
    box.addEventListener('change', () => onToggle(layer.id, box.checked));

    const label = el('label');
    label.htmlFor = box.id;
    if (layer.legend.length === 1) label.append(swatch(layer.legend[0].cls));
    const name = el('span', layer.label);
    const count = countOf(layer, analysis);
    if (count !== null) name.append(el('span', count ? ` (${formatCount(count)})` : ' (none)', 'hint'));
    label.append(name);
    row.append(box, label);

    if (layer.legend.length > 1) {
      const legend = el('ul', null, 'legend layer-legend');
      legend.setAttribute('aria-label', `${layer.label}: colours`);
      legend.append(...layer.legend.map(({ cls, label: text }) => listItem(swatch(cls), text)));
      row.append(legend);
    }
    return row;
  });
  document.getElementById('layer-list').replaceChildren(...rows);
}

/** Items in the layer's field (quotes, entities…), marks for token layers, null when unknown. */
function countOf(layer, analysis) {
  if (layer.field) return analysis[layer.field].length;
  return analysis.tokens ? layer.marks(analysis).length : null;
}

function swatch(cls) {
  const element = el('span', null, `swatch ${cls}`);
  element.setAttribute('aria-hidden', 'true');
  return element;
}
