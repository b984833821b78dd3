// One document's matrix of directives x bodies, as `cvtrack matrix` prints
// it: bodies down the side, directives across (a document has a handful of
// directives and can have dozens of bodies), one coloured symbol a cell.
import { clear, h } from './dom.js';
import { MATRIX_SYMBOLS } from './labels.js';
import { documentSubject } from './task_parts.js';

// matrix: GET /api/documents/D/matrix; context: names and documents.
export function renderMatrix(container, matrix, context) {
  clear(container);
  const m = matrix;
  if (!m || !(m.bodies || []).length) {
    container.append(h('p', { class: 'empty' }, 'Chưa có nhiệm vụ để hiển thị.'));
    return;
  }
  const doc = context.documents.get(m.document);
  const directiveText = new Map(((doc && doc.directives) || []).map((d) => [d.path, d.text]));
  const subject = documentSubject(doc);
  // cells is {body: {directive: symbol}}; read the other nesting too.
  const cells = m.cells || {};
  const bodyMajor = m.bodies.some((b) => b in cells);
  const symbolAt = (body, directive) =>
    (bodyMajor ? (cells[body] || {})[directive] : (cells[directive] || {})[body]) || '.';
  const legend = new Map(MATRIX_SYMBOLS.map((s) => [s.symbol, s]));
  container.append(
    subject ? h('p', { class: 'matrix-subject', dataset: { testid: 'matrix-subject' } }, subject) : null,
    h('table', { class: 'matrix-table', dataset: { testid: 'matrix-table', document: m.document } },
      h('caption', { class: 'visually-hidden' }, `Ma trận mục × cơ quan của văn bản ${m.document}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'matrix-corner' }, 'Cơ quan \\ Mục'),
        m.directives.map((d) => h('th', { scope: 'col', title: directiveText.get(d) || '' }, d)))),
      h('tbody', {}, m.bodies.map((body) => h('tr', {},
        h('th', { scope: 'row', title: body }, context.bodyName(body)),
        m.directives.map((d) => {
          const symbol = symbolAt(body, d);
          const meaning = legend.get(symbol) || { label: symbol, tone: 'none' };
          return h('td', { class: `matrix-cell tone-${meaning.tone}`, title: `Mục ${d}: ${meaning.label}`,
            dataset: { testid: `matrix-cell-${body}-${d}`, symbol } },
          h('span', { 'aria-hidden': 'true' }, symbol === '.' ? '' : symbol),
          h('span', { class: 'visually-hidden' }, meaning.label));
        }))))));
}

export function matrixLegend() {
  return h('ul', { class: 'legend', 'aria-label': 'Chú giải' }, MATRIX_SYMBOLS.map((s) => h('li', {},
    h('span', { class: `legend-swatch matrix-cell tone-${s.tone}`, 'aria-hidden': 'true' }, s.symbol === '.' ? '' : s.symbol),
    s.label)));
}
