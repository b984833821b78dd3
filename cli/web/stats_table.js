// Counts per body (GET /api/stats): the four categories, due soon, no
// deadline, cancelled; the bodies with most overdue first.
import { clear, h } from './dom.js';

export function renderStats(container, stats, context) {
  clear(container);
  const byBody = (stats && stats.by_body) || {};
  const bodies = Object.keys(byBody).sort((a, b) =>
    (byBody[b].in_progress_overdue - byBody[a].in_progress_overdue)
    || context.bodyName(a).localeCompare(context.bodyName(b), 'vi'));
  if (bodies.length === 0) {
    container.append(h('p', { class: 'empty' }, 'Chưa có nhiệm vụ nào.'));
    return;
  }
  const columns = [
    ['total', 'Tổng số', ''],
    ['in_progress_overdue', 'Quá hạn', 'overdue'],
    ['due_soon', 'Sắp đến hạn', 'due-soon'],
    ['in_progress_on_time', 'Trong hạn*', 'on-time'],
    ['done_on_time', 'Hoàn thành đúng hạn', 'done'],
    ['done_late', 'Hoàn thành trễ hạn', 'done-late'],
    ['no_deadline', 'Không có hạn', 'no-deadline'],
    ['cancelled', 'Đã hủy', 'cancelled'],
  ];
  const row = (name, counts, attributes) => h('tr', attributes,
    h('th', { scope: 'row' }, name),
    columns.map(([key, , tone]) => h('td', {
      class: `number${counts[key] && tone ? ` count-${tone}` : ''}`,
    }, String(counts[key] || 0))));
  container.append(
    h('table', { class: 'data-table stats-table', dataset: { testid: 'stats-table' } },
      h('caption', { class: 'visually-hidden' }, 'Số nhiệm vụ theo cơ quan, đơn vị và tình trạng'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Cơ quan, đơn vị'),
        columns.map(([, label]) => h('th', { scope: 'col', class: 'number' }, label)))),
      h('tbody', {}, bodies.map((b) => row(context.bodyName(b), byBody[b], { dataset: { testid: `stats-row-${b}` } }))),
      h('tfoot', {}, row('Tổng cộng', stats.total || {}, { dataset: { testid: 'stats-total' } }))),
    h('p', { class: 'filter-note' }, '* Trong hạn: kể cả các nhiệm vụ sắp đến hạn.'));
}
