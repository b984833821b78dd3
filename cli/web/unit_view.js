// A unit's view, "Nhiệm vụ của tôi": the tasks its body holds, most urgent
// first, each with what the unit can do next — acknowledge, report progress,
// submit a periodic report, claim completion.
import { listOf } from './api.js';
import { openActionDialog } from './action_dialog.js';
import { clear, flash, h } from './dom.js';
import { RECURRENCE, TASK_ROLE, compareIds, formatDate, statusOf, urgencyOf } from './labels.js';
import { deadlineText, documentNumber, documentSubject, stateText, statusBadge } from './task_parts.js';

const OPEN_FOR_WORK = ['acknowledged', 'in_progress', 'returned'];
const CLOSED = ['done', 'cancelled'];

export class UnitView {
  constructor(context) {
    this.context = context;
    this.tasks = [];
    this.summary = h('p', { class: 'unit-summary', dataset: { testid: 'unit-summary' } });
    this.list = h('div', { class: 'task-cards', dataset: { testid: 'my-tasks' } });
    this.element = h('section', { class: 'view unit-view', 'aria-labelledby': 'unit-title',
      dataset: { testid: 'unit-view' } },
    h('div', { class: 'view-heading' },
      h('h1', { id: 'unit-title' }, 'Nhiệm vụ của tôi'), this.summary),
    this.list);
  }

  async load() {
    // Its own tasks only: a unit also reads those of the bodies it directs.
    const body = encodeURIComponent(this.context.me.body);
    this.tasks = listOf(await this.context.api.get(`/api/tasks?body=${body}&limit=10000`), 'tasks');
    await Promise.all([...new Set(this.tasks.map((t) => t.document))]
      .map((id) => this.context.documentOf(id).catch(() => null)));
    this.texts = new Map(await Promise.all(this.tasks.map(async (t) => [t.id, await this.context.directiveText(t)])));
    this.render();
  }

  // A unit's list is short: reload it all, and mark the cards that changed.
  async refresh(changes) {
    await this.load();
    for (const id of changes.tasks) {
      const card = this.list.querySelector(`[data-task="${CSS.escape(id)}"]`);
      if (card) flash(card);
    }
  }

  render() {
    const tasks = [...this.tasks].sort((a, b) =>
      Number(CLOSED.includes(a.state)) - Number(CLOSED.includes(b.state))
      || urgencyOf(a) - urgencyOf(b)
      || String(a.deadline || '9999').localeCompare(String(b.deadline || '9999'))
      || compareIds(a.id, b.id));
    const count = (key) => tasks.filter((t) => statusOf(t).key === key).length;
    clear(this.summary).append(...[
      `${tasks.length} nhiệm vụ`,
      summaryChip('overdue', 'quá hạn', count('in_progress_overdue')),
      summaryChip('due-soon', 'sắp đến hạn', count('due_soon')),
      summaryChip('on-time', 'trong hạn', count('in_progress_on_time')),
      summaryChip('done', 'đã hoàn thành', count('done_on_time') + count('done_late')),
    ].filter(Boolean));
    clear(this.list);
    if (tasks.length === 0) {
      this.list.append(h('p', { class: 'empty' }, 'Đơn vị chưa được giao nhiệm vụ nào.'));
      return;
    }
    for (const task of tasks) this.list.append(this.card(task));
  }

  card(task) {
    const docJson = this.context.documents.get(task.document);
    const spec = task.spec || {};
    const facts = [
      ['Hạn hoàn thành', deadlineText(task) + (spec.deadline_text ? ` — “${spec.deadline_text}”` : '')],
      ['Vai trò', TASK_ROLE[spec.role] || spec.role],
      spec.recurrence ? ['Định kỳ', RECURRENCE[spec.recurrence] || spec.recurrence] : null,
      spec.reports_to && spec.reports_to.length ? ['Báo cáo về', spec.reports_to.join('; ')] : null,
      ['Trạng thái', stateText(task)],
      task.note ? ['Ghi chú gần nhất', task.note] : null,
    ].filter(Boolean);
    const text = this.texts ? this.texts.get(task.id) : '';
    return h('article', {
      class: `task-card tone-border-${statusOf(task).tone}`, 'aria-labelledby': `title-${task.id}`,
      dataset: { testid: `task-card-${task.id}`, task: task.id, state: task.state },
    },
    h('header', { class: 'task-card-head' },
      statusBadge(task),
      h('h2', { id: `title-${task.id}`, class: 'task-card-title' },
        h('span', { class: 'task-id' }, task.id), ' · Văn bản ',
        h('span', { dataset: { testid: `task-document-${task.id}` } }, documentNumber(docJson, task.document)),
        `, mục ${task.directive}`)),
    documentSubject(docJson) ? h('p', { class: 'task-card-subject' }, documentSubject(docJson)) : null,
    text ? h('p', { class: 'task-card-text' }, text) : null,
    h('dl', { class: 'facts' }, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    progressBar(task),
    occurrenceList(task),
    this.actions(task));
  }

  actions(task) {
    const spec = task.spec || {};
    const buttons = [];
    const button = (action, label, handler, primary = false) => buttons.push(h('button', {
      type: 'button', class: primary ? 'button primary' : 'button',
      dataset: { testid: `${action}-${task.id}` }, onclick: handler,
    }, label));
    if (task.state === 'assigned') button('ack', 'Tiếp nhận', () => this.acknowledge(task), true);
    if (OPEN_FOR_WORK.includes(task.state)) {
      button('progress', 'Báo cáo tiến độ', () => this.reportProgress(task));
    }
    const periodic = (task.occurrences || []).length > 0 || (spec.kind === 'report' && spec.recurrence);
    if (periodic && !CLOSED.includes(task.state)) button('report', 'Nộp báo cáo', () => this.submitReport(task));
    if (OPEN_FOR_WORK.includes(task.state)) button('complete', 'Hoàn thành', () => this.complete(task), true);
    if (buttons.length === 0) return null;
    return h('div', { class: 'task-actions', role: 'group', 'aria-label': `Thao tác với ${task.id}` }, buttons);
  }

  async act(task, action, body, message) {
    const answer = await this.context.api.post(`/api/tasks/${encodeURIComponent(task.id)}/${action}`, body);
    if (answer && answer.task && answer.task.id === task.id) {
      this.tasks = this.tasks.map((t) => (t.id === task.id ? { ...t, ...answer.task } : t));
      this.render();
    }
    this.context.notify(message);
  }

  async acknowledge(task) {
    try {
      await this.act(task, 'ack', {}, `Đã tiếp nhận nhiệm vụ ${task.id}.`);
    } catch (error) {
      this.context.showError(error);
    }
  }

  reportProgress(task) {
    return openActionDialog({
      title: `Báo cáo tiến độ — ${task.id}`,
      fields: { percent: task.progress || 0, note: { label: 'Nội dung đã thực hiện', required: false } },
      submitLabel: 'Gửi báo cáo tiến độ',
      submit: ({ percent, note }) => this.act(task, 'progress', { percent, note },
        `Đã ghi nhận tiến độ ${percent}% cho ${task.id}.`),
    });
  }

  submitReport(task) {
    const open = (task.occurrences || []).filter((o) => !o.submitted_on);
    const periods = open.length
      ? open.map((o) => ({ value: o.period, label: `Kỳ ${o.period} (hạn ${formatDate(o.due)})` }))
      : [{ value: '', label: 'Kỳ gần nhất chưa nộp' }];
    return openActionDialog({
      title: `Nộp báo cáo định kỳ — ${task.id}`,
      fields: { period: periods, note: { label: 'Nội dung báo cáo', required: false } },
      submitLabel: 'Nộp báo cáo',
      submit: ({ period, note }) => this.act(task, 'report', period ? { period, note } : { note },
        `Đã nộp báo cáo${period ? ` kỳ ${period}` : ''} cho ${task.id}.`),
    });
  }

  complete(task) {
    return openActionDialog({
      title: `Báo cáo hoàn thành — ${task.id}`,
      intro: 'Văn phòng sẽ xem xét và xác nhận hoàn thành.',
      fields: { note: { label: 'Kết quả thực hiện', required: true } },
      submitLabel: 'Gửi hoàn thành',
      submit: ({ note }) => this.act(task, 'complete', { note }, `Đã gửi báo cáo hoàn thành ${task.id}.`),
    });
  }
}

function summaryChip(tone, label, count) {
  return count ? h('span', { class: `chip tone-${tone}` }, `${count} ${label}`) : null;
}

function progressBar(task) {
  if (!task.progress || task.state === 'done' || task.state === 'cancelled') return null;
  return h('div', { class: 'progress-line' },
    h('progress', { max: 100, value: task.progress, 'aria-label': `Tiến độ ${task.id}` }),
    h('span', {}, `${task.progress}%`));
}

function occurrenceList(task) {
  const occurrences = task.occurrences || [];
  if (occurrences.length === 0) return null;
  return h('details', { class: 'occurrences' },
    h('summary', {}, `Các kỳ báo cáo (${occurrences.length})`),
    h('ul', {}, occurrences.map((o) => h('li', {},
      `Kỳ ${o.period}, hạn ${formatDate(o.due)}: `,
      o.submitted_on ? `đã nộp ${formatDate(o.submitted_on)}${o.late ? ' (trễ hạn)' : ''}` : 'chưa nộp'))));
}
