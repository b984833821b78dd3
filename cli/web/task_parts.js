// Pieces both views show for a task: its status badge, its state, which
// document it comes from.
import { h } from './dom.js';
import { STATE, formatDate, statusOf } from './labels.js';

export function statusBadge(task) {
  const status = statusOf(task);
  return h('span', {
    class: `badge tone-${status.tone}`, dataset: { testid: `task-status-${task.id}`, category: status.key },
  }, status.label, status.detail ? h('span', { class: 'badge-detail' }, ` · ${status.detail}`) : null);
}

export function stateText(task) {
  const state = STATE[task.state] || task.state;
  return task.progress > 0 && task.state === 'in_progress' ? `${state} (${task.progress}%)` : state;
}

// "281-CV/HU" for a document's JSON (its header under "document", or flat).
export function documentNumber(doc, fallbackId) {
  if (!doc) return fallbackId;
  const header = doc.document && typeof doc.document === 'object' ? doc.document : doc;
  return header.number || (header.symbol ? `…${header.symbol}` : null) || doc.id || fallbackId;
}

export function documentSubject(doc) {
  if (!doc) return '';
  const header = doc.document && typeof doc.document === 'object' ? doc.document : doc;
  return header.subject || '';
}

export function documentDate(doc) {
  if (!doc) return '';
  const header = doc.document && typeof doc.document === 'object' ? doc.document : doc;
  return header.date ? formatDate(header.date) : '';
}

export function deadlineText(task) {
  if (!task.deadline) return 'Không có hạn';
  const time = task.spec && task.spec.deadline_time ? `${task.spec.deadline_time} ` : '';
  return `${time}${formatDate(task.deadline)}`;
}
